#!/usr/bin/env bash
# End to end against the real Keycloak: the packaged service (dev profile, so the synthetic
# directory is seeded into a fresh database of its own), tokens from Keycloak's password grant,
# and the contract of design §3.1 checked through the HTTP API. Part of the test command.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
need_cmd jq jq
PORT=${E2E_PORT:-18080}
BASE="http://localhost:$PORT"
KC_TOKEN_URL="http://localhost:8180/realms/healthcloud/protocol/openid-connect/token"
DB=healthcloud_e2e
# A broker of its own, fresh each run: the development broker (18830) may hold persistent sessions
# of services run earlier in the same share group, and Mosquitto gives those their share of the
# stream while they are away (README, Kiosks over MQTT).
BROKER=18836

ensure_stack
kc_was_running=0
curl -sf -o /dev/null http://localhost:8180/realms/healthcloud/.well-known/openid-configuration && kc_was_running=1
bash scripts/keycloak.sh start
bash scripts/keycloak-check.sh

log "e2e: fresh broker on $BROKER and fresh database $DB"
bash scripts/broker.sh stop "$BROKER"
rm -rf "${HEALTHCLOUD_CACHE:-$HOME/.cache/healthcloud}/mosquitto-$BROKER"
bash scripts/broker.sh start "$BROKER"
psql_admin -d postgres -c "drop database if exists $DB with (force)"
redis-cli -n 2 flushdb >/dev/null  # its own Redis database: figures and caches of the dropped one go too
ensure_databases "$DB"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q -DskipTests package

mkdir -p target
SERVICE_LOG=target/e2e-service.log
log "e2e: starting the service on $BASE (log: $SERVICE_LOG)"
java -Xms128m -Xmx128m -XX:+UseSerialGC -Dquarkus.profile=dev -Dquarkus.http.port="$PORT" \
  -Dhealthcloud.db.name="$DB" -Dhealthcloud.redis.database=2 -Dhealthcloud.mqtt.port="$BROKER" -Dhealthcloud.kiosk.client-id=healthcloud-e2e-ingest \
  -Dhealthcloud.dashboard.classes-interval=2s -jar target/quarkus-app/quarkus-run.jar >"$SERVICE_LOG" 2>&1 &
service_pid=$!
cleanup() {
  kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  bash scripts/broker.sh stop "$BROKER" || true
  if [ "$kc_was_running" = 0 ] && [ "${KEEP_KEYCLOAK:-0}" != 1 ]; then bash scripts/keycloak.sh stop || true; fi
}
trap cleanup EXIT

ready=0
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "$BASE/q/health/ready"; then ready=1; break; fi
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 1
done
if [ "$ready" != 1 ]; then
  tail -n 60 "$SERVICE_LOG" >&2
  curl -s "$BASE/q/health/ready" >&2 || true
  die "the service did not become ready"
fi
grep -Eo 'started in [0-9.]+s' "$SERVICE_LOG" | head -n 1 | sed 's/^/    service /' >&2

passed=0 failed=0
check() { # check <description> <command...>
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok   $what" >&2
  else failed=$((failed + 1)); echo "  FAIL $what" >&2; fi
}
token() {
  curl -sf -d grant_type=password -d client_id=healthcloud-app -d "username=$1" -d "password=$1" "$KC_TOKEN_URL" \
    | jq -r .access_token
}
status() { # status <expected> <curl args...>
  local expected=$1; shift
  local got
  got=$(curl -s -o /tmp/e2e-body.$$ -w '%{http_code}' "$@")
  [ "$got" = "$expected" ] || { echo "    expected $expected, got $got: $(head -c 300 /tmp/e2e-body.$$)" >&2; return 1; }
}
body() { cat /tmp/e2e-body.$$; }
station_json() { # station_json <name> <district> <lat> <lon>
  jq -n --arg name "$1" --arg district "$2" --argjson lat "$3" --argjson lon "$4" '{
    type: "service-station", name: $name, district: $district, street: "殷行街道",
    address: "上海市杨浦区开鲁路1号", position: {lat: $lat, lon: $lon}, phone: "021-6543 2100",
    services: ["general-practice", "family-doctor"],
    openingHours: {monday: [{opens: "08:00", closes: "11:30"}, {opens: "13:00", closes: "16:30"}]}}'
}

near_yangpu() {
  status 200 "$BASE/api/stations?near=31.2595,121.5260&radius=1500" \
    && [ "$(body | jq '.total')" -gt 0 ] && [ "$(body | jq '.items[0].distanceMeters <= .items[-1].distanceMeters')" = true ] \
    && [ "$(body | jq -r '.items[0].district')" = 310110 ]
}
check "the seeded directory answers a search near Yangpu" near_yangpu
seeded_total() { status 200 "$BASE/api/stations?size=1" && [ "$(body | jq '.total')" -ge 2800 ]; }
check "about 3,000 stations were seeded" seeded_total
check "doctor1's centre 310110-0001 is a Yangpu community health centre" \
  sh -c "curl -sf '$BASE/api/stations/310110-0001' | jq -e '.type == \"community-health-center\" and .district == \"310110\"' >/dev/null"

RESIDENT=$(token resident1)
OFFICER_YANGPU=$(token officer310110)
OFFICER_PUDONG=$(token officer310115)
STATION_ADMIN=$(token stationadmin1)
CITY_ADMIN=$(token cityadmin1)
check "Keycloak issued tokens for every development user" \
  test -n "$RESIDENT" -a -n "$OFFICER_YANGPU" -a -n "$OFFICER_PUDONG" -a -n "$STATION_ADMIN" -a -n "$CITY_ADMIN"

check "no token: 401" status 401 -X POST -H 'Content-Type: application/json' -d "$(station_json 端到端匿名站 310110 31.29 121.53)" "$BASE/api/stations"
check "resident1 cannot create a station: 403" status 403 -X POST -H "Authorization: Bearer $RESIDENT" \
  -H 'Content-Type: application/json' -d "$(station_json 端到端居民站 310110 31.29 121.53)" "$BASE/api/stations"
check "officer310115 cannot create in Yangpu: 403" status 403 -X POST -H "Authorization: Bearer $OFFICER_PUDONG" \
  -H 'Content-Type: application/json' -d "$(station_json 端到端越权站 310110 31.29 121.53)" "$BASE/api/stations"
check "officer310110 creates a station in Yangpu: 201" status 201 -X POST -H "Authorization: Bearer $OFFICER_YANGPU" \
  -H 'Content-Type: application/json' -d "$(station_json 端到端新站 310110 31.29 121.53)" "$BASE/api/stations"
created=$(body | jq -r .id)
found_new() { status 200 -G --data-urlencode "q=端到端新站" "$BASE/api/stations?near=31.29,121.53&radius=50" && [ "$(body | jq -r '.items[0].id')" = "$created" ]; }
check "the new station is found near its position" found_new

edit_own() {
  status 200 "$BASE/api/stations/310110-0002" || return 1
  local doc
  doc=$(body | jq '{type, name, district, street, address, position, phone: "021-5555 0000", parentId, services,
                    openingHours, closures}')
  status 200 -X PUT -H "Authorization: Bearer $STATION_ADMIN" -H 'Content-Type: application/json' \
    -H 'If-Match: "0"' -d "$doc" "$BASE/api/stations/310110-0002" && [ "$(body | jq -r .phone)" = "021-5555 0000" ]
}
check "stationadmin1 edits their own station 310110-0002" edit_own
check "stationadmin1 cannot edit another station: 403" status 403 -X POST -H "Authorization: Bearer $STATION_ADMIN" \
  -H 'Content-Type: application/json' -d '{"reason":"test"}' "$BASE/api/stations/310110-0003/close"
check "cityadmin1 closes the new station" status 200 -X POST -H "Authorization: Bearer $CITY_ADMIN" \
  -H 'Content-Type: application/json' -d '{"reason":"端到端测试结束"}' "$BASE/api/stations/$created/close"
# A valid number by the GB 11643 rule (Yangpu, 1958-03-17, male); synthetic, belongs to nobody.
# The demo seed links it to resident1 already, so linking it again is idempotent.
ID_NUMBER=310110195803171238
link_id() {
  status 200 -X PUT -H "Authorization: Bearer $RESIDENT" -H 'Content-Type: application/json' \
    -d "{\"number\": \"$ID_NUMBER\"}" "$BASE/api/me/national-id" \
    && [ "$(body | jq -r .nationalId.masked)" = "3101**********1238" ] && ! body | grep -q "$ID_NUMBER"
}
check "resident1 links an ID number and sees it masked" link_id
check "resident2 cannot claim the same number: 409" status 409 -X PUT -H "Authorization: Bearer $(token resident2)" \
  -H 'Content-Type: application/json' -d "{\"number\": \"$ID_NUMBER\"}" "$BASE/api/me/national-id"
check "a district officer has no health account: 403" status 403 -H "Authorization: Bearer $OFFICER_YANGPU" "$BASE/api/me"
check "the ID number is nowhere in the service log" sh -c "! grep -q '$ID_NUMBER' '$SERVICE_LOG'"
DOCTOR=$(token doctor1)
doctor_list() {
  status 200 -H "Authorization: Bearer $DOCTOR" "$BASE/api/doctor/residents" \
    && [ "$(body | jq '[.[].name] | sort == ["张伟", "王芳"]')" = true ]
}
check "doctor1 sees the two seeded signed residents" doctor_list
doctor_reads_record() {
  local id
  id=$(body | jq -r '.[] | select(.name == "张伟") | .residentId')
  status 200 -H "Authorization: Bearer $DOCTOR" "$BASE/api/doctor/residents/$id" \
    && [ "$(body | jq '.latestObservations | length')" -gt 0 ]
}
check "doctor1 reads resident1's record with measurements" doctor_reads_record
living_account() {
  status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me" \
    && [ "$(body | jq -r .familyDoctor.familyDoctor.name)" = 李娜 ] \
    && [ "$(body | jq '.latestObservations | length')" -ge 2 ]
}
check "resident1's account shows the family doctor and latest measurements" living_account
trend() {
  status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/observations/trend?type=blood-pressure&days=90" \
    && [ "$(body | jq '.days | length')" -ge 89 ]
}
check "resident1 has a 90-day blood-pressure trend" trend
access_logged() {
  status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/access-log" \
    && [ "$(body | jq -r '.items[0].role + " " + .items[0].why')" = "doctor family doctor" ]
}
check "resident1's access log shows doctor1's read" access_logged
check "doctor1 cannot read a resident not signed with them: 403" status 403 -H "Authorization: Bearer $DOCTOR" \
  "$BASE/api/doctor/residents/00000000-0000-4000-8000-000000000000"
# An appointment: stationadmin1 publishes a schedule at their station, resident1 books a place.
SCHEDULE_STATION=310110-0002
SERVICE=$(curl -sf "$BASE/api/stations/$SCHEDULE_STATION" | jq -r '.services[0]')
# Its first opening session, on that weekday, as the schedule (a schedule must fit the station's hours).
schedule_json() {
  curl -sf "$BASE/api/stations/$SCHEDULE_STATION" | jq -c --arg service "$SERVICE" '.openingHours | to_entries[0] as $day
    | {service: $service, practitioner: "刘医生", weekdays: [$day.key], sessions: [$day.value[0]], slotMinutes: 30,
       capacity: 5, referralQuota: 0}'
}
check "stationadmin1 publishes an appointment schedule at their station" status 201 -X POST \
  -H "Authorization: Bearer $STATION_ADMIN" -H 'Content-Type: application/json' -d "$(schedule_json)" \
  "$BASE/api/stations/$SCHEDULE_STATION/schedules"
book_slot() {
  local slot
  slot=$(curl -sf "$BASE/api/stations/$SCHEDULE_STATION/slots?service=$SERVICE&from=$(TZ=Asia/Shanghai date -d '+1 day' +%F)&to=$(TZ=Asia/Shanghai date -d '+8 days' +%F)" \
    | jq -r '[.days[].slots[] | select(.status == "open")][0].id')
  [ -n "$slot" ] && [ "$slot" != null ] || { echo "    no open slot" >&2; return 1; }
  status 201 -X POST -H "Authorization: Bearer $RESIDENT" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: e2e-$(cat /proc/sys/kernel/random/uuid)" -d "{\"slotId\": $slot}" "$BASE/api/appointments" \
    && [ "$(body | jq -r .status)" = booked ] \
    && status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/appointments" \
    && [ "$(body | jq --argjson slot "$slot" 'any(.items[]; .slotId == $slot)')" = true ]
}
check "resident1 books a place and finds it in their appointments" book_slot

# The Yangpu dashboard before the kiosk sessions below, to see them counted.
figure() { # figure <jq path into the district document>
  curl -sf -H "Authorization: Bearer $OFFICER_YANGPU" "$BASE/api/dashboards/districts/310110" | jq -r "$1"
}
READINGS_BEFORE=$(figure .windows.today.readings)
ALERTS_BEFORE=$(figure .windows.today.urgentAlerts.raised)
ALERTS_OF_DOCTOR_BEFORE=$(curl -sf -H "Authorization: Bearer $DOCTOR" "$BASE/api/doctor/alerts?status=all" | jq length)
check "officer310110 reads the Yangpu dashboard" test -n "$READINGS_BEFORE" -a "$READINGS_BEFORE" != null
check "officer310115 cannot read Yangpu's dashboard: 403" status 403 -H "Authorization: Bearer $OFFICER_PUDONG" \
  "$BASE/api/dashboards/districts/310110"
check "a district officer cannot read the city's: 403" status 403 -H "Authorization: Bearer $OFFICER_YANGPU" \
  "$BASE/api/dashboards/city"

# A kiosk reading published by hand, as README shows: resident1 at a seeded Yangpu smart-health hut.
HUT=$(curl -sf "$BASE/api/stations?near=31.2595,121.5260&radius=20000&type=smart-health-station&size=1" | jq -r '.items[0].id')
KIOSK="K-$HUT"
SESSION=$(cat /proc/sys/kernel/random/uuid)
READING=$(cat /proc/sys/kernel/random/uuid)
mosquitto_sub -p "$BROKER" -q 1 -C 1 -W 30 -t "healthcloud/kiosks/$KIOSK/reports" >/tmp/e2e-report.$$ 2>/dev/null &
sub_pid=$!
sleep 0.5
mosquitto_pub -p "$BROKER" -q 1 -t "healthcloud/kiosks/$KIOSK/readings" -m "$(jq -nc --arg r "$READING" --arg s "$SESSION" \
  --arg k "$KIOSK" --arg t "$(date +%Y-%m-%dT%H:%M:%S%:z)" --arg id "$ID_NUMBER" '{readingId: $r, sessionId: $s,
  kioskId: $k, takenAt: $t, subject: {idType: "resident-id-card", idNumber: $id},
  measurements: [{type: "blood-pressure", systolic: 146, diastolic: 92, pulse: 76, unit: "mmHg"}]}')"
mosquitto_pub -p "$BROKER" -q 1 -t "healthcloud/kiosks/$KIOSK/sessions" \
  -m "{\"sessionId\": \"$SESSION\", \"kioskId\": \"$KIOSK\", \"closedAt\": \"$(date -Iseconds)\", \"readingIds\": [\"$READING\"]}"
kiosk_report() {
  wait "$sub_pid" && [ "$(jq -r .sessionId /tmp/e2e-report.$$)" = "$SESSION" ] \
    && [ "$(jq -r .level /tmp/e2e-report.$$)" = see-doctor ] && ! grep -q "$ID_NUMBER" /tmp/e2e-report.$$
}
check "a reading published with mosquitto_pub comes back to its kiosk as a report" kiosk_report
kiosk_in_account() {
  status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/reports?size=100" \
    && [ "$(body | jq --arg s "$SESSION" 'any(.items[]; .sessionId == $s)')" = true ] \
    && status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/observations?size=100" \
    && [ "$(body | jq --arg r "$READING" 'any(.items[]; .readingId == $r)')" = true ]
}
check "the reading and its report are in resident1's account" kiosk_in_account
rm -f /tmp/e2e-report.$$

# The device agent at the same hut, its instruments simulated on socat virtual serial ports
# (scripts/simulated-kiosk.sh): resident1's ID card is presented, the instruments measure, the card
# is taken away.
AGENT_DIR=$PWD/target/e2e-agent
rm -rf "$AGENT_DIR"
eventually() { # eventually <seconds> <command...>: true once the command is
  local seconds=$1; shift
  for _ in $(seq 1 $((seconds * 5))); do "$@" && return 0; sleep 0.2; done
  return 1
}
bash scripts/simulated-kiosk.sh "$AGENT_DIR" "$KIOSK" "$HUT" "$BROKER" "$ID_NUMBER" 12 3600 &
kiosk_pid=$!
trap 'kill "$kiosk_pid" 2>/dev/null || true; cleanup' EXIT
receipt_printed() {
  eventually 90 grep -qsF "证件：${ID_NUMBER:0:4}**********${ID_NUMBER:14:4}" "$AGENT_DIR/receipts.txt" \
    && ! grep -q "$ID_NUMBER" "$AGENT_DIR/receipts.txt"
}
check "the agent's session (card, blood pressure, card removed) comes back as a printed report" receipt_printed
agent_reading_in_account() {
  status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/observations?type=blood-pressure&size=100" \
    && [ "$(body | jq --arg k "$KIOSK" --arg r "$READING" \
         '[.items[] | select(.sourceRef == $k and .readingId != $r)] | length')" -ge 1 ]
}
check "the agent's blood-pressure reading is in resident1's account" agent_reading_in_account
check "no ID number in the agent's or simulators' logs" sh -c "! grep -q '$ID_NUMBER' $AGENT_DIR/*.log"
kill "$kiosk_pid" 2>/dev/null || true
doctor_alerted() {
  status 200 -H "Authorization: Bearer $DOCTOR" "$BASE/api/doctor/alerts?status=all" \
    && [ "$(body | jq length)" -gt "$ALERTS_OF_DOCTOR_BEFORE" ] \
    && [ "$(body | jq --arg r "$READING" 'any(.[]; .residentName == "张伟" and .observation.readingId == $r)')" = true ] \
    || { echo "    $ALERTS_OF_DOCTOR_BEFORE alerts before; now: $(body | jq -c '[.[] | {residentName, code, readingId: .observation.readingId}] | .[0:3]')" >&2; return 1; }
}
check "doctor1 has the alert of resident1's kiosk blood pressure" doctor_alerted
# Issue 9: resident1 answers PHQ-9 in the app (mild: 5 points, item 9 "not at all"); with the kiosk
# check-up above, the health management list and doctor1's panel reflect both.
answer_phq9() {
  local answers
  answers=$(jq -nc '{answers: ({"phq9-1": "several-days", "phq9-2": "several-days", "phq9-3": "several-days",
    "phq9-4": "several-days", "phq9-5": "several-days", "phq9-6": "not-at-all", "phq9-7": "not-at-all",
    "phq9-8": "not-at-all", "phq9-9": "not-at-all"})}')
  status 201 -X POST -H "Authorization: Bearer $RESIDENT" -H 'Content-Type: application/json' -d "$answers" \
    "$BASE/api/me/questionnaires/phq-9/responses" \
    && [ "$(body | jq -r '.score')" = 5 ] && [ "$(body | jq -r '.urgent')" = false ]
}
check "resident1 answers PHQ-9 in the app and gets a score of 5, not urgent" answer_phq9
management_list() {
  status 200 -H "Authorization: Bearer $RESIDENT" "$BASE/api/me/health-management" \
    && [ "$(body | jq -r '.healthClass')" != healthy ] \
    && [ "$(body | jq '.prescriptions.report.items | length')" -ge 1 ] \
    && [ "$(body | jq 'any(.prescriptions.questionnaires[]; .questionnaireId == "phq-9")')" = true ] \
    && [ "$(body | jq 'any(.monitor[]; .measure == "blood-pressure" and .lastMeasuredAt != null)')" = true ] \
    || { echo "    $(body | jq -c '{healthClass, reasons: [.reasons[]?.code], monitor: [.monitor[]?.measure],
         questionnaires: [.prescriptions.questionnaires[]?.questionnaireId]}')" >&2; return 1; }
}
check "resident1's health management list: a class above healthy, BP monitored, the report's and PHQ-9's prescriptions" \
  eventually 10 management_list
doctor_panel() {
  status 200 -H "Authorization: Bearer $DOCTOR" "$BASE/api/doctor/panel?size=200" \
    && [ "$(body | jq '[.groups[] | select(.healthClass != "healthy") | .residents[] | select(.name == "张伟")] | length')" = 1 ] \
    || { echo "    $(body | jq -c '[.groups[] | {healthClass, names: [.residents[].name]}]')" >&2; return 1; }
}
check "doctor1's panel shows resident1 in a class above healthy" doctor_panel
classes_counted() {
  [ "$(curl -sf -H "Authorization: Bearer $OFFICER_YANGPU" "$BASE/api/dashboards/districts/310110" \
       | jq '.healthClasses | .ill + .recovering + .["higher-risk"]')" -ge 1 ]
}
check "the Yangpu dashboard counts signed residents above healthy by class" eventually 20 classes_counted
dashboard_counted() {
  [ "$(figure .windows.today.readings)" -ge $((READINGS_BEFORE + 2)) ] \
    && [ "$(figure .windows.today.urgentAlerts.raised)" -ge $((ALERTS_BEFORE + 1)) ] \
    && [ "$(figure .windows.today.residentsServed)" -ge 1 ] \
    && [ "$(figure '.kiosks.list | map(select(.id == "'"$KIOSK"'")) | length')" = 1 ]
}
check "the Yangpu dashboard counts the kiosk readings, the resident and the alert" eventually 10 dashboard_counted
city_counted() {
  [ "$(curl -sf -H "Authorization: Bearer $CITY_ADMIN" "$BASE/api/dashboards/city" \
       | jq '.districts[] | select(.code == "310110") | .readingsToday')" -ge $((READINGS_BEFORE + 2)) ]
}
check "the city dashboard counts them in Yangpu's row" city_counted

# The dashboard page in headless Chromium: officer310110 logs in through Keycloak (code + PKCE),
# sees Yangpu's figures and watches the readings figure move when a kiosk reading is published.
publish_reading() {
  local s r
  s=$(cat /proc/sys/kernel/random/uuid); r=$(cat /proc/sys/kernel/random/uuid)
  mosquitto_pub -p "$BROKER" -q 1 -t "healthcloud/kiosks/$KIOSK/readings" -m "$(jq -nc --arg r "$r" --arg s "$s" \
    --arg k "$KIOSK" --arg t "$(date +%Y-%m-%dT%H:%M:%S%:z)" '{readingId: $r, sessionId: $s, kioskId: $k, takenAt: $t,
    subject: {idType: "anonymous"}, measurements: [{type: "spo2", percent: 98}]}')"
  mosquitto_pub -p "$BROKER" -q 1 -t "healthcloud/kiosks/$KIOSK/sessions" \
    -m "{\"sessionId\": \"$s\", \"kioskId\": \"$KIOSK\", \"closedAt\": \"$(date -Iseconds)\", \"readingIds\": [\"$r\"]}"
}
export -f publish_reading
export BROKER KIOSK
check "the dashboard page: Keycloak login, Yangpu's figures, a live change, English (target/dashboard.png)" \
  env BASE_URL="$BASE" PUBLISH_CMD=publish_reading SCREENSHOT="$PWD/target/dashboard.png" bash scripts/browser-test.sh
check "health: ready with database, Redis, broker and index" \
  sh -c "curl -sf '$BASE/q/health/ready' | jq -e '[.checks[].status] | all(. == \"UP\")' >/dev/null"

rm -f /tmp/e2e-body.$$
echo "e2e: $passed passed, $failed failed" >&2
[ "$failed" = 0 ]
