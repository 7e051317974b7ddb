#!/usr/bin/env bash
# The run command: the whole local stack (PostgreSQL, Redis, Mosquitto, Keycloak) and the service
# on http://localhost:8080 with the synthetic Shanghai directory. Idempotent; Ctrl-C stops the
# service (Keycloak keeps running for the next start: scripts/keycloak.sh stop ends it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
. scripts/lib/jdk.sh
. scripts/lib/stack.sh

JAVA_HOME="$(find_jdk21)" || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

ensure_stack healthcloud
bash scripts/keycloak.sh start

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  log "building the service"
  ./mvnw -B -ntp -q -DskipTests package
fi

log "starting the service on http://localhost:8080 (dev profile: seeds the directory into an empty database)"
cat <<'TIP' >&2
    Try:  curl 'http://localhost:8080/api/stations?near=31.2595,121.5260&radius=1500&openNow=true'
    Token: curl -s -d grant_type=password -d client_id=healthcloud-app -d username=resident1 -d password=resident1 \
             http://localhost:8180/realms/healthcloud/protocol/openid-connect/token
    API description: http://localhost:8080/q/swagger-ui   health: http://localhost:8080/q/health
TIP
exec java ${HEALTHCLOUD_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC} -Dquarkus.profile=dev \
  -jar target/quarkus-app/quarkus-run.jar
