#!/usr/bin/env bash
# Kiosk ingestion benchmark: the packaged service (JVM, AOT cache) with its own fresh database and
# its own broker (the project's no-drop Mosquitto configuration, port 18833), kiosks publishing
# sessions with QoS 1 at increasing rates, all on this machine's 2 cores. For each rate it prints
# published, acknowledged by the broker, stored, the sustained end-to-end rate, latency p50/p99
# (first publish -> the reading's row) and lost = acknowledged - stored.
# SESSION_CLOSES=false sends no session closes, so nothing is assessed during the run: ingestion alone.
# SERVICE_JAVA_OPTS adds JVM options to the service (e.g. -XX:StartFlightRecording=filename=target/ingest.jfr).
#   bench/kiosk-ingestion.sh [seconds per rate, default 20] [rates..., default 2000 4000 8000 12000]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
. bench/lib/measure.sh
SECONDS_PER_RATE=${1:-20}
shift || true
RATES=${*:-2000 4000 8000 12000}
BROKER=18833
PORT=18095
DB=healthcloud_bench_kiosk
ensure_stack

log "fresh broker on $BROKER and fresh database $DB"
fresh_broker "$BROKER"
fresh_stores "$DB" 6
package_service
test_classpath

service_pid=
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  bash scripts/broker.sh stop "$BROKER" || true
}
trap cleanup EXIT
(cd target/quarkus-app && exec java -Xms256m -Xmx256m -XX:+UseSerialGC -XX:AOTCache=app.aot ${SERVICE_JAVA_OPTS:-} \
   -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dhealthcloud.db.name=$DB -Dhealthcloud.redis.database=6 -Dhealthcloud.mqtt.port=$BROKER \
   -Dhealthcloud.kiosk.client-id=healthcloud-bench-ingest -Dhealthcloud.account.demo-seed=false \
   -Dquarkus.oidc.tenant-enabled=false -Dquarkus.log.console.level=WARN \
   -jar quarkus-run.jar) >target/bench-kiosk-service.log 2>&1 &
service_pid=$!
until curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || { tail -n 40 target/bench-kiosk-service.log; die "service died"; }
  sleep 0.2
done

( while kill -0 "$service_pid" 2>/dev/null; do ps -o rss= -p "$service_pid"; sleep 1; done ) >target/bench-kiosk-rss.txt &
sampler=$!
log "publishing: ${SECONDS_PER_RATE}s at each of $RATES readings/s"
java -Dkiosk.load.closes="${SESSION_CLOSES:-true}" -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  cn.sh.healthcloud.kiosk.load.IngestionBenchmark "$BROKER" "jdbc:postgresql://localhost:5432/$DB" \
  "$SECONDS_PER_RATE" $RATES
kill "$sampler" 2>/dev/null || true
echo "  service max RSS $(( $(sort -n target/bench-kiosk-rss.txt | tail -n 1) / 1024 )) MB (-Xmx256m)"
