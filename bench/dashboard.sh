#!/usr/bin/env bash
# Dashboard benchmark: (1) reads of a district's figures (GET /api/dashboards/districts/310110) at
# 32 connections, printing throughput, p50/p99 and the service's memory; (2) the lag from a
# committed kiosk reading to the figure that counts it on the district's SSE stream, with kiosks
# of the district publishing RATE readings/s. The service runs against a database, a Redis
# database (3) and a broker (18837) of its own, with the synthetic directory and its kiosks seeded.
# Tokens are minted here (bench/lib/tokens.sh), so Keycloak is not in the measured path.
#   bench/dashboard.sh [read seconds, default 30] [lag seconds, default 20] [rate, default 1000]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
. bench/lib/tokens.sh
. bench/lib/measure.sh
DURATION=${1:-30}
LAG_SECONDS=${2:-20}
RATE=${3:-1000}
PORT=18093
BROKER=18837
DB=healthcloud_bench_dashboard
DISTRICT=310110
need_cmd wrk wrk
ensure_stack
bench_signing_key

log "fresh broker on $BROKER, fresh database $DB and Redis database 3"
fresh_broker "$BROKER"
fresh_stores "$DB" 3
package_service
test_classpath

service_pid=
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  bash scripts/broker.sh stop "$BROKER" || true
}
trap cleanup EXIT
(cd target/quarkus-app && exec java -Xms256m -Xmx256m -XX:+UseSerialGC -XX:AOTCache=app.aot ${SERVICE_JAVA_OPTS:-} \
   -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dhealthcloud.db.name=$DB -Dhealthcloud.redis.database=3 \
   -Dhealthcloud.mqtt.port=$BROKER -Dhealthcloud.kiosk.client-id=healthcloud-bench-dashboard \
   -Dhealthcloud.kiosk.shared-subscription=false -Dhealthcloud.account.demo-seed=false \
   -Dquarkus.log.console.level=WARN "${BENCH_OIDC_OPTS[@]}" \
   -jar quarkus-run.jar) >target/bench-dashboard-service.log 2>&1 &
service_pid=$!
until curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || { tail -n 40 target/bench-dashboard-service.log; die "service died"; }
  sleep 0.2
done
TOKEN=$(officer_token bench-officer "$DISTRICT")
URL="http://localhost:$PORT/api/dashboards/districts/$DISTRICT"
# The seeded kiosks reach the figures with the reconciler's first passes.
for _ in $(seq 1 60); do
  kiosks=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL" | jq '.kiosks.registered')
  [ "$kiosks" -gt 0 ] && break
  sleep 0.5
done
[ "$kiosks" -gt 0 ] || die "the district's figures list no kiosks"

log "lag: $RATE readings/s for ${LAG_SECONDS}s, following the district's stream"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  cn.sh.healthcloud.dashboard.load.DashboardLagBenchmark "$BROKER" "jdbc:postgresql://localhost:5432/$DB" \
  "$URL/stream" "$TOKEN" "$DISTRICT" "$LAG_SECONDS" "$RATE"

rebuild=$(curl -sf "http://localhost:$PORT/q/metrics" | awk '/^healthcloud_dashboard_rebuilds_seconds\{.*quantile="0.5"/ {p50=$2} /^healthcloud_dashboard_rebuilds_seconds\{.*quantile="0.99"/ {p99=$2} /^healthcloud_dashboard_rebuilds_seconds_count/ {n=$2} END {printf "%d rebuilds of the documents, p50 %.1f ms, p99 %.1f ms", n, p50*1000, p99*1000}')
echo "  $rebuild"
curl -sf "http://localhost:$PORT/q/metrics" | awk '/^healthcloud_dashboard_live_delay_seconds\{.*quantile="0.5"/ {p50=$2} /^healthcloud_dashboard_live_delay_seconds\{.*quantile="0.99"/ {p99=$2} END {printf "  of which stored reading (database time) -> live count in Redis: p50 %.0f ms, p99 %.0f ms\n", p50*1000, p99*1000}'
echo "  live counts Redis refused: $(curl -sf "http://localhost:$PORT/q/metrics" | awk '/^healthcloud_dashboard_live_failures_total/ {print $2}')"

cat >target/bench-dashboard.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
log "reads: warm-up (10 s)"
wrk -t2 -c32 -d10s -s target/bench-dashboard.lua "$URL" >/dev/null
log "reads: wrk, 2 threads, 32 connections, ${DURATION}s"
wrk_measure dashboard "$DURATION" -s target/bench-dashboard.lua "$URL"
bytes=$(curl -sf -H "Authorization: Bearer $TOKEN" "$URL" | wc -c)

cat <<REPORT

District dashboard reads (GET /api/dashboards/districts/$DISTRICT, $bytes bytes, $kiosks kiosks listed)
  throughput      ${rps} requests/s   (wrk -t2 -c32, ${DURATION}s)
  latency         p50 ${p50}   p99 ${p99}
  ${errors:-no errors}
  max RSS         ${rss_mb} MB (-Xmx256m)
REPORT
