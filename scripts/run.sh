#!/usr/bin/env bash
# The run command: the whole local stack (PostgreSQL, Redis, Mosquitto, Keycloak) and the service
# on http://localhost:8080 with the synthetic Shanghai directory. Idempotent; Ctrl-C stops the
# service (Keycloak keeps running for the next start: scripts/keycloak.sh stop ends it).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_stack healthcloud
bash scripts/keycloak.sh start

package_service

log "starting the service on http://localhost:8080 (dev profile: seeds the directory into an empty database)"
cat <<'TIP' >&2
    Try:  curl 'http://localhost:8080/api/stations?near=31.2595,121.5260&radius=1500&openNow=true'
    Token: curl -s -d grant_type=password -d client_id=healthcloud-app -d username=resident1 -d password=resident1 \
             http://localhost:8180/realms/healthcloud/protocol/openid-connect/token
    API description: http://localhost:8080/q/swagger-ui   health: http://localhost:8080/q/health
TIP
cd target/quarkus-app
exec java ${HEALTHCLOUD_JAVA_OPTS:--Xms128m -Xmx128m -XX:+UseSerialGC} -XX:AOTCache=app.aot -Dquarkus.profile=dev \
  -jar quarkus-run.jar
