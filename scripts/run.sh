#!/usr/bin/env bash
# The run command: the whole local stack (PostgreSQL, Redis, Mosquitto, Keycloak), the service on
# http://localhost:8080 with the synthetic Shanghai directory and demo accounts, and a simulated
# kiosk (the device agent with simulated instruments) at a Yangpu smart-health hut, so readings
# and reports keep arriving. Idempotent; Ctrl-C stops the service and the kiosk (Keycloak keeps
# running for the next start: scripts/keycloak.sh stop ends it). SIMULATED_KIOSK=false leaves it out.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

need_cmd jq jq
ensure_stack healthcloud
bash scripts/keycloak.sh start

package_service

log "starting the service on http://localhost:8080 (dev profile: seeds the directory into an empty database)"
cat <<'TIP' >&2
    Try:  curl 'http://localhost:8080/api/stations?near=31.2595,121.5260&radius=1500&openNow=true'
    Token: curl -s -d grant_type=password -d client_id=healthcloud-app -d username=resident1 -d password=resident1 \
             http://localhost:8180/realms/healthcloud/protocol/openid-connect/token
    Dashboard: http://localhost:8080/dashboard/ (log in as officer310110 / officer310110, or cityadmin1 / cityadmin1);
               the simulated kiosk's sessions move Yangpu's figures every minute
    API description: http://localhost:8080/q/swagger-ui   health: http://localhost:8080/q/health
TIP
kiosk_pid=
trap '[ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true' EXIT
if [ "${SIMULATED_KIOSK:-true}" = true ]; then
  # Once the service is ready (its persistent MQTT session exists), resident1's card is presented at
  # the first smart-health hut near Yangpu's centre every minute; receipts: target/run-kiosk/receipts.txt
  (
    until curl -sf -o /dev/null http://localhost:8080/q/health/ready; do sleep 2; done
    hut=$(curl -sf 'http://localhost:8080/api/stations?near=31.2595,121.5260&radius=20000&type=smart-health-station&size=1' \
      | jq -r '.items[0].id')
    exec bash scripts/simulated-kiosk.sh target/run-kiosk "K-$hut" "$hut" 18830 310110195803171238
  ) &
  kiosk_pid=$!
fi
(cd target/quarkus-app && java ${HEALTHCLOUD_JAVA_OPTS:--Xms128m -Xmx128m -XX:+UseSerialGC} -XX:AOTCache=app.aot \
  -Dquarkus.profile=dev -jar quarkus-run.jar)
