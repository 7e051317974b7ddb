#!/usr/bin/env bash
# Benchmark of a resident's "my latest 20 observations" (GET /api/me/observations?size=20) with
# RESIDENTS residents x PER_RESIDENT observations stored, at 32 connections. Prints throughput,
# p50/p99 and memory. Tokens are RS256 JWTs minted here with openssl and verified by the service
# with a local public key, so Keycloak is not in the measured path (it is not on the request path
# in production either: bearer tokens are verified locally against cached keys).
# VERIFIED_TOKENS=false measures every request verifying its token from scratch (no cache).
#   bench/my-observations.sh [seconds, default 30]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
. bench/lib/tokens.sh
. bench/lib/measure.sh
DURATION=${1:-30}
RESIDENTS=${RESIDENTS:-500}
PER_RESIDENT=${PER_RESIDENT:-120}
VERIFIED_TOKENS=${VERIFIED_TOKENS:-true}
PORT=18092
DB=healthcloud_bench_accounts
need_cmd wrk wrk
ensure_stack

bench_signing_key

log "fresh database $DB"
fresh_stores "$DB" 7
package_service

service_pid=
trap '[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true' EXIT
(cd target/quarkus-app && exec java -Xms128m -Xmx128m -XX:+UseSerialGC -XX:AOTCache=app.aot \
   -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dhealthcloud.kiosk.ingestion-enabled=false -Dhealthcloud.db.name=$DB -Dhealthcloud.redis.database=7 \
   -Dhealthcloud.directory.seed.enabled=false -Dquarkus.log.console.level=WARN \
   "${BENCH_OIDC_OPTS[@]}" \
   -Dhealthcloud.security.verified-tokens.enabled="$VERIFIED_TOKENS" \
   -jar quarkus-run.jar) >target/bench-accounts-service.log 2>&1 &
service_pid=$!
until curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || { tail -n 40 target/bench-accounts-service.log; die "service died"; }
  sleep 0.1
done

log "storing $RESIDENTS residents x $PER_RESIDENT observations"
psql_admin -d "$DB" -c "
insert into resident (id, subject) select md5('r' || i)::uuid, 'bench-resident-' || i from generate_series(1, $RESIDENTS) i;
insert into observation (id, resident_id, type, taken_at, source, measurement)
select md5('o' || r || '-' || k)::uuid, md5('r' || r)::uuid, 'blood-pressure',
       now() - (k || ' hours')::interval, 'HOME',
       jsonb_build_object('numbers', jsonb_build_object('systolic', 110 + (r + k) % 60, 'diastolic', 70 + (r * k) % 30,
                          'pulse', 60 + k % 30), 'codes', '{}'::jsonb)
from generate_series(1, $RESIDENTS) r, generate_series(1, $PER_RESIDENT) k;
analyze resident; analyze observation;" >/dev/null
stored=$(psql_admin -d "$DB" -c "select count(*) from observation")

log "minting $RESIDENTS tokens"
{
  echo "tokens = {"
  for i in $(seq 1 "$RESIDENTS"); do
    echo "  \"$(resident_token "bench-resident-$i")\","
  done
  echo "}"
} >target/bench-tokens.lua
first=$(sed -n 2p target/bench-tokens.lua | tr -d ' ",')
items=$(curl -s -H "Authorization: Bearer $first" "http://localhost:$PORT/api/me/observations?size=20" | jq '.items | length')
[ "$items" = 20 ] || die "a sample request returned $items items, not 20"

log "warm-up (10 s)"
wrk -t2 -c32 -d10s -s bench/my-observations.lua "http://localhost:$PORT" >/dev/null
log "measuring: wrk, 2 threads, 32 connections, ${DURATION}s"
wrk_measure accounts "$DURATION" -s bench/my-observations.lua "http://localhost:$PORT"

cat <<REPORT

My latest 20 observations (GET /api/me/observations?size=20), $RESIDENTS residents, $stored observations stored
  throughput      ${rps} requests/s   (wrk -t2 -c32, ${DURATION}s, a different resident each request)
  token cache     $([ "$VERIFIED_TOKENS" = true ] && echo "on (each of the $RESIDENTS tokens verified once)" || echo "off (every request verifies its token)")
  latency         p50 ${p50}   p99 ${p99}
  ${errors:-no errors}
  max RSS         ${rss_mb} MB
REPORT
