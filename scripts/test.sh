#!/usr/bin/env bash
# The test command: every test of the service and of the device agent against
# the real local PostgreSQL, Redis and Mosquitto, then the end-to-end run against a real Keycloak.
# Idempotent; installs or starts what is missing. Usage: scripts/test.sh [--skip-e2e]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
log "JDK: $JAVA_HOME"

ensure_stack healthcloud healthcloud_test healthcloud_e2e healthcloud_fault healthcloud_scale
# The tests' own broker (the service's %test profile), apart from the development one on 18830.
bash scripts/broker.sh start 18831

log "service: unit and @QuarkusTest tests, package"
./mvnw -B -ntp verify

log "kubernetes manifests: render every overlay and check it"
./mvnw -B -ntp -f k8s/verify/pom.xml verify

log "device agent: unit tests, package, and integration tests on socat virtual serial ports"
need_cmd socat socat
# The agent's Debian package is built with dpkg-deb and its systemd unit checked by systemd-analyze.
need_cmd systemd-analyze systemd
./mvnw -B -ntp -f device-agent/pom.xml verify

if [ "${1:-}" != "--skip-e2e" ]; then
  bash scripts/e2e.sh
fi
log "all tests passed"
