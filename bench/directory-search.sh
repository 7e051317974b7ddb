#!/usr/bin/env bash
# Benchmark of the nearest-stations query, and of the raw alternatives it was chosen over.
# Prints throughput, p50/p99 latency, start-up time and memory. Everything runs on this machine:
# the service (JVM build with the AOT cache), wrk on the same cores, PostgreSQL and Redis.
#   bench/directory-search.sh [seconds per run, default 30]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
DURATION=${1:-30}
PORT=18090
DB=healthcloud_bench
need_cmd wrk wrk
need_cmd pgbench postgresql-contrib
need_cmd redis-benchmark redis-tools
need_cmd jq jq
ensure_stack "$DB"

log "building the JVM service with its AOT cache"
./mvnw -B -ntp -q -DskipTests package -Dquarkus.package.jar.appcds.enabled=true -Dquarkus.package.jar.appcds.use-aot=true

JVM_OPTS=${HEALTHCLOUD_JAVA_OPTS:--Xms128m -Xmx128m -XX:+UseSerialGC}
service_pid=
start_service() { # sets service_pid and ready_ms
  local t0 t1
  t0=$(date +%s%N)
  (cd target/quarkus-app && exec java $JVM_OPTS -XX:AOTCache=app.aot \
     -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dhealthcloud.kiosk.ingestion-enabled=false -Dhealthcloud.db.name=$DB -Dhealthcloud.redis.database=8 \
     -Dquarkus.log.console.level=WARN -jar quarkus-run.jar) >target/bench-service.log 2>&1 &
  service_pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready"; do
    kill -0 "$service_pid" 2>/dev/null || { tail -n 40 target/bench-service.log; die "service died"; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  ready_ms=$(( (t1 - t0) / 1000000 ))
}
trap '[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true' EXIT

log "first start (seeds the directory if the database is empty)"
start_service
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
log "measured start: process launch to ready (index loaded), database already seeded"
start_service
stations=$(curl -s "http://localhost:$PORT/q/health/ready" | jq '.checks[] | select(.name=="station-directory-index") | .data.stations')

log "warm-up (10 s)"
wrk -t2 -c32 -d10s -s bench/near-stations.lua "http://localhost:$PORT" >/dev/null
log "measuring: wrk, 2 threads, 32 connections, ${DURATION}s"
( while kill -0 "$service_pid" 2>/dev/null; do ps -o rss= -p "$service_pid"; sleep 1; done ) >target/bench-rss.txt &
sampler=$!
wrk -t2 -c32 -d"${DURATION}s" --latency -s bench/near-stations.lua "http://localhost:$PORT" >target/bench-wrk.txt
kill "$sampler" 2>/dev/null || true
rss_max=$(sort -n target/bench-rss.txt | tail -n 1)
rps=$(awk '/Requests\/sec/ {print $2}' target/bench-wrk.txt)
p50=$(awk '$1=="50%" {print $2}' target/bench-wrk.txt)
p99=$(awk '$1=="99%" {print $2}' target/bench-wrk.txt)
errors=$(grep -E 'Non-2xx|Socket errors' target/bench-wrk.txt || true)
sample=$(curl -s "http://localhost:$PORT/api/stations?near=31.2595,121.5260&radius=1500&size=10" | jq '.items | length')

log "raw alternative 1: Redis GEOSEARCH (no HTTP, no filters), 32 clients"
redis-cli -n 2 del bench:stations >/dev/null
psql_admin -d "$DB" -c "select 'GEOADD bench:stations ' || lon || ' ' || lat || ' ' || id from station" \
  | redis-cli -n 2 >/dev/null
redis_rps=$(redis-benchmark --csv -n 200000 -c 32 --dbnum 2 \
  GEOSEARCH bench:stations FROMLONLAT 121.5260 31.2595 BYRADIUS 1500 m ASC COUNT 10 WITHDIST \
  | awk -F'","' 'NR==2 {print $2}')
redis-cli -n 2 del bench:stations >/dev/null

log "raw alternative 2: PostgreSQL GiST k-nearest (no HTTP), 32 clients"
psql_admin -d "$DB" -c "create index if not exists bench_station_point on station using gist (point(lon, lat))" >/dev/null
cat >target/bench-knn.sql <<'SQL'
\set dlat random(-300, 300)
\set dlon random(-300, 300)
select id, point(lon, lat) <-> point(121.5260 + :dlon / 10000.0, 31.2595 + :dlat / 10000.0) as d
from station where status = 'ACTIVE'
  and lat between 31.2595 + :dlat / 10000.0 - 0.0135 and 31.2595 + :dlat / 10000.0 + 0.0135
  and lon between 121.5260 + :dlon / 10000.0 - 0.0158 and 121.5260 + :dlon / 10000.0 + 0.0158
order by point(lon, lat) <-> point(121.5260 + :dlon / 10000.0, 31.2595 + :dlat / 10000.0) limit 10;
SQL
pg_out=$(runuser -u postgres -- pgbench -n -c 32 -j 2 -T 15 -f target/bench-knn.sql "$DB" 2>&1 || true)
pg_tps=$(echo "$pg_out" | awk -F'= ' '/^tps/ {print $2; exit}' | awk '{print $1}')
pg_lat=$(echo "$pg_out" | awk -F'= ' '/latency average/ {print $2; exit}')
psql_admin -d "$DB" -c "drop index if exists bench_station_point" >/dev/null

cat <<REPORT

Nearest stations (GET /api/stations?near=…&radius=1500&size=10), $stations stations indexed
  service (JVM, in-memory grid index)  ${rps} requests/s   p50 ${p50}   p99 ${p99}   (wrk -t2 -c32, ${DURATION}s)
  ${errors:-no errors}
  max RSS under load                   $((rss_max / 1024)) MB   ($JVM_OPTS)
  start-up, launch to ready            ${ready_ms} ms         (AOT cache, index loaded)
  sample response                      ${sample} stations
Raw alternatives, no HTTP layer, no opening-hours/service filters:
  Redis GEOSEARCH BYRADIUS 1500 m      ${redis_rps} requests/s   (redis-benchmark -c 32)
  PostgreSQL GiST k-nearest + box      ${pg_tps} transactions/s, average latency ${pg_lat}   (pgbench -c 32 -j 2)
REPORT
