#!/usr/bin/env bash
# Benchmark of booking (POST /api/appointments) and public availability (GET .../slots):
#   1. bookings across many slots (SLOTS_PER_DAY slots of capacity CAPACITY on each of 14 days),
#   2. bookings of one hot slot (capacity large enough never to fill),
#   3. availability reads of one day (cached in Redis and for 500 ms in the replica),
# each for SECONDS at CONNECTIONS connections; then checks that no slot is overbooked and that
# every slot's counter equals its active bookings. Tokens are RS256 JWTs minted with openssl and
# verified by the service with a local public key; each booking is by another resident. RESIDENTS
# (default 12,000) is more than the hot phase books in 15 s, and the service's verified-token
# cache is sized to hold them all, as a replica expecting that many residents a minute would be.
#   bench/appointments.sh [seconds, default 15]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
. bench/lib/measure.sh
. bench/lib/tokens.sh
SECONDS_EACH=${1:-15}
RESIDENTS=${RESIDENTS:-12000}
SLOTS_PER_DAY=${SLOTS_PER_DAY:-100}
CAPACITY=${CAPACITY:-50}
CONNECTIONS=${CONNECTIONS:-64}
PORT=18093
DB=healthcloud_bench_appointments
STATION=310110-9901
need_cmd wrk wrk
ensure_stack

bench_signing_key

log "fresh database $DB"
fresh_stores "$DB" 5
package_service

service_pid=
trap '[ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true' EXIT
(cd target/quarkus-app && exec java -Xms256m -Xmx256m -XX:+UseSerialGC -XX:AOTCache=app.aot \
   -Dquarkus.profile=dev -Dquarkus.http.port=$PORT -Dhealthcloud.db.name=$DB -Dhealthcloud.redis.database=5 \
   -Dhealthcloud.directory.seed.enabled=false -Dhealthcloud.account.demo-seed=false \
   -Dhealthcloud.kiosk.seed.enabled=false -Dhealthcloud.kiosk.ingestion-enabled=false \
   -Dquarkus.log.console.level=WARN -Dhealthcloud.appointment.rate-limit.attempts=1000000 \
   -Dhealthcloud.security.verified-tokens.max-size=$((RESIDENTS + 5000)) \
   "${BENCH_OIDC_OPTS[@]}" \
   -jar quarkus-run.jar) >target/bench-appointments-service.log 2>&1 &
service_pid=$!
until curl -sf -o /dev/null "http://localhost:$PORT/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || { tail -n 40 target/bench-appointments-service.log; die "service died"; }
  sleep 0.2
done

log "storing a station, $RESIDENTS residents and $((SLOTS_PER_DAY * 14)) slots of capacity $CAPACITY, plus one hot slot"
psql_admin -d "$DB" -c "
insert into station (id, type, name, district, address, lat, lon, profile) values ('$STATION', 'community-health-center',
  '基准测试社区卫生服务中心', '310110', '上海市杨浦区基准路1号', 31.27, 121.52,
  '{\"services\": [\"general-practice\", \"tcm\"], \"openingHours\": {}, \"closures\": []}');
insert into appointment_schedule (id, station_id, service, weekdays, sessions, slot_minutes, capacity, referral_quota,
  booking_opens_before_minutes, booking_closes_before_minutes, referral_release_before_minutes, valid_from, created_by)
values ('00000000-0000-0000-0000-00000000b001', '$STATION', 'general-practice', '{1,2,3,4,5,6,7}', '[]', 5, $CAPACITY, 0,
        100000, 30, 1440, current_date, 'bench'),
       ('00000000-0000-0000-0000-00000000b002', '$STATION', 'tcm', '{1,2,3,4,5,6,7}', '[]', 5, 10000, 0,
        100000, 30, 1440, current_date, 'bench');
insert into appointment_slot (schedule_id, station_id, service, day, starts_at, ends_at, capacity, referral_quota,
  booking_opens_at, booking_closes_at, referral_release_at)
select '00000000-0000-0000-0000-00000000b001', '$STATION', 'general-practice', (today + d)::date,
       (today + d)::timestamp at time zone 'Asia/Shanghai' + (i * interval '5 minutes'),
       (today + d)::timestamp at time zone 'Asia/Shanghai' + ((i + 1) * interval '5 minutes'),
       $CAPACITY, 0, now() - interval '1 hour', (today + d)::timestamp at time zone 'Asia/Shanghai' - interval '1 hour',
       now() - interval '1 hour'
from (select (now() at time zone 'Asia/Shanghai')::date as today) t, generate_series(2, 15) d,
     generate_series(0, $SLOTS_PER_DAY - 1) i;
insert into appointment_slot (schedule_id, station_id, service, day, starts_at, ends_at, capacity, referral_quota,
  booking_opens_at, booking_closes_at, referral_release_at)
select '00000000-0000-0000-0000-00000000b002', '$STATION', 'tcm', today + 2,
        (today + 2)::timestamp at time zone 'Asia/Shanghai' + interval '9 hours',
        (today + 2)::timestamp at time zone 'Asia/Shanghai' + interval '10 hours',
        10000, 0, now() - interval '1 hour', now() + interval '1 day', now() - interval '1 hour'
from (select (now() at time zone 'Asia/Shanghai')::date as today) t;
insert into resident (id, subject) select md5('appt' || i)::uuid, 'bench-appt-resident-' || i from generate_series(1, $RESIDENTS) i;
analyze;" >/dev/null

log "minting $RESIDENTS tokens"
plan=target/bench-appointments-plan.lua
{
  echo "station = \"$STATION\""
  echo "threads = 2"
  echo "hot = $(psql_admin -d "$DB" -c "select id from appointment_slot where service = 'tcm'")"
  echo "days = {$(psql_admin -d "$DB" -c "select string_agg('\"' || day || '\"', ',' order by day) from (select distinct day from appointment_slot where service = 'general-practice') d")}"
  echo "slots = {"
  psql_admin -d "$DB" -c "select '{' || string_agg(id::text, ',' order by id) || '},' from appointment_slot
                          where service = 'general-practice' group by day order by day"
  echo "}"
  echo "tokens = {"
  for i in $(seq 1 "$RESIDENTS"); do
    echo "  \"$(resident_token "bench-appt-resident-$i")\","
  done
  echo "}"
} >"$plan"

first=$(sed -n '/^tokens = {/{n;p}' "$plan" | tr -d ' ",')
code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/api/stations/$STATION/slots?service=general-practice")
[ "$code" = 200 ] || die "availability answered $code"

run() {  # mode, label
  MODE=$1 wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/appointments.lua "http://localhost:$PORT" \
    >"target/bench-appointments-$1.txt"
}
figure() { awk -v k="$2" '$1==k {print $2}' "target/bench-appointments-$1.txt"; }
rate() { awk '/Requests\/sec/ {print $2}' "target/bench-appointments-$1.txt"; }
booked() { psql_admin -d "$DB" -c "select count(*) from appointment where service = '$1' and status = 'BOOKED'"; }

log "warm-up: availability reads (10 s), then each resident opens their appointments once"
MODE=read wrk -t2 -c32 -d10s -s bench/appointments.lua "http://localhost:$PORT" >/dev/null
MODE=mine wrk -t2 -c32 -d30s -s bench/appointments.lua "http://localhost:$PORT" >target/bench-appointments-mine.txt
[ "$(awk '/requests in/ {print $1}' target/bench-appointments-mine.txt)" -ge "$RESIDENTS" ] \
  || die "the warm-up did not reach every resident: $(grep 'requests in' target/bench-appointments-mine.txt)"
( while kill -0 "$service_pid" 2>/dev/null; do ps -o rss= -p "$service_pid"; sleep 1; done ) >target/bench-appointments-rss.txt &
sampler=$!

log "bookings across $((SLOTS_PER_DAY * 14)) slots: wrk -t2 -c$CONNECTIONS, ${SECONDS_EACH}s"
run many
many_booked=$(booked general-practice)
log "bookings of one hot slot: wrk -t2 -c$CONNECTIONS, ${SECONDS_EACH}s"
run hot
hot_booked=$(booked tcm)
log "availability reads: wrk -t2 -c$CONNECTIONS, ${SECONDS_EACH}s"
run read
kill "$sampler" 2>/dev/null || true

overbooked=$(psql_admin -d "$DB" -c "select count(*) from appointment_slot where booked > capacity")
drift=$(psql_admin -d "$DB" -c "select count(*) from appointment_slot s where booked <>
  (select count(*) from appointment a where a.slot_id = s.id and a.status = 'BOOKED')")
full=$(psql_admin -d "$DB" -c "select count(*) from appointment_slot where service = 'general-practice' and booked = capacity")
rss=$(sort -n target/bench-appointments-rss.txt | tail -n 1)
non2xx() { grep -E 'Non-2xx' "target/bench-appointments-$1.txt" | awk '{print $NF}' || true; }

cat <<REPORT

Appointments, $RESIDENTS residents, wrk -t2 -c$CONNECTIONS, ${SECONDS_EACH}s each, service, PostgreSQL, Redis and wrk on one machine
  many slots ($((SLOTS_PER_DAY * 14)) of capacity $CAPACITY)
    requests      $(rate many) /s    p50 $(figure many 50%)   p99 $(figure many 99%)   non-2xx $(non2xx many)
    bookings      $many_booked stored = $(( many_booked / SECONDS_EACH )) bookings/s   ($full slots filled up)
  one hot slot
    requests      $(rate hot) /s    p50 $(figure hot 50%)   p99 $(figure hot 99%)   non-2xx $(non2xx hot)
    bookings      $hot_booked stored = $(( hot_booked / SECONDS_EACH )) bookings/s
  availability (one day, public)
    requests      $(rate read) /s    p50 $(figure read 50%)   p99 $(figure read 99%)   non-2xx $(non2xx read)
  overbooked slots   $overbooked   (slots whose counter differs from their bookings: $drift)
  max RSS            $((rss / 1024)) MB
REPORT
