#!/usr/bin/env bash
# A simulated kiosk: the device agent jar with an ID-card reader, a BpTRU blood-pressure monitor and
# a Tanita body-composition scale simulated on socat pseudo-terminal pairs. Runs until stopped
# (Ctrl-C or a signal stops every part). Receipts go to DIR/receipts.txt, logs to DIR/*.log.
#   scripts/simulated-kiosk.sh DIR KIOSK_ID STATION_ID BROKER_PORT ID_NUMBER [CARD_SECONDS] [AWAY_SECONDS]
# The card is presented for CARD_SECONDS (default 20), then taken away for AWAY_SECONDS (default 40);
# the monitor measures every 8 s and the scale every 25 s, so sessions with the card and anonymous
# measurements both happen. AGENT_JAVA_OPTS sets the agent's JVM options.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
[ $# -ge 5 ] || die "usage: scripts/simulated-kiosk.sh DIR KIOSK_ID STATION_ID BROKER_PORT ID_NUMBER [CARD_SECONDS] [AWAY_SECONDS]"
DIR=$(mkdir -p "$1" && cd "$1" && pwd -P)
KIOSK=$2 STATION=$3 BROKER=$4 ID_NUMBER=$5 CARD_SECONDS=${6:-20} AWAY_SECONDS=${7:-40}
need_cmd socat socat
AGENT_JAR=device-agent/target/device-agent-1.0.0-SNAPSHOT.jar
[ -f "$AGENT_JAR" ] || ./mvnw -B -ntp -q -f device-agent/pom.xml -DskipTests package

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
trap 'exit 143' INT TERM
for instrument in card bp scale; do
  rm -f "$DIR/$instrument-agent" "$DIR/$instrument-sim"
  socat pty,raw,echo=0,link="$DIR/$instrument-agent" pty,raw,echo=0,link="$DIR/$instrument-sim" &
  pids+=($!)
done
wait_for 10 "the virtual serial ports" test -e "$DIR/card-sim" -a -e "$DIR/bp-sim" -a -e "$DIR/scale-sim"
simulate() { # simulate <driver> <port> [--option k=v ...]
  local driver=$1 port=$2; shift 2
  java -Xmx32m -XX:+UseSerialGC -cp "$AGENT_JAR" cn.sh.healthcloud.agent.simulator.Simulator --driver "$driver" \
    --port "$port" "$@" >>"$DIR/$driver-simulator.log" 2>&1 &
  pids+=($!)
}
simulate id-card-reader "$DIR/card-sim" --option "id-number=$ID_NUMBER" --option name=张伟 \
  --option "present-seconds=$CARD_SECONDS" --option "absent-seconds=$AWAY_SECONDS"
simulate bptru "$DIR/bp-sim" --option interval-seconds=8
simulate tanita "$DIR/scale-sim" --option model=MC-780 --option interval-seconds=25
cat >"$DIR/agent.json" <<AGENT
{"kioskId": "$KIOSK", "stationId": "$STATION", "stationName": "模拟智慧健康小屋",
 "broker": {"url": "tcp://localhost:$BROKER", "clientId": "simulated-agent-$KIOSK"},
 "outbox": {"directory": "outbox"}, "session": {"idleTimeoutSeconds": 120},
 "printer": {"output": "receipts.txt", "charset": "UTF-8"},
 "instruments": [{"driver": "id-card-reader", "port": "$DIR/card-agent"},
                 {"driver": "bptru", "port": "$DIR/bp-agent"},
                 {"driver": "tanita", "port": "$DIR/scale-agent"}]}
AGENT
log "simulated kiosk $KIOSK at station $STATION (broker port $BROKER): receipts in $DIR/receipts.txt"
# shellcheck disable=SC2086
java ${AGENT_JAVA_OPTS:--Xmx32m -XX:+UseSerialGC} -jar "$AGENT_JAR" --config "$DIR/agent.json" >>"$DIR/agent.log" 2>&1 &
pids+=($!)
wait -n "${pids[@]}"
