#!/usr/bin/env bash
# Device agent benchmark: the agent's delivery path (SessionTracker -> fsync'd SQLite outbox ->
# Paho QoS 1 -> PUBACK -> delete) in a JVM sized like a kiosk's (small heap, serial GC; AGENT_JAVA_OPTS overrides), against a
# Mosquitto of its own on port 18835 (the project's no-drop configuration). Prints readings/s with
# the broker up, the backlog written during an outage, the time to drain it after the broker is
# back, the agent JVM's peak RSS, and what a subscriber received.
#   bench/agent-outbox.sh [readings for the throughput run, default 20000] [backlog, default 100000]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
READINGS=${1:-20000}
BACKLOG=${2:-100000}
BROKER=18835
KIOSK=K-BENCH
export HEALTHCLOUD_CACHE="$ROOT/device-agent/target/bench-broker"
JAR=device-agent/target/device-agent-1.0.0-SNAPSHOT.jar

[ -f "$JAR" ] || ./mvnw -B -ntp -q -f device-agent/pom.xml package -DskipTests
[ -f device-agent/target/test-classes/cn/sh/healthcloud/agent/OutboxBenchmark.class ] \
  || ./mvnw -B -ntp -q -f device-agent/pom.xml test-compile

log "fresh broker on $BROKER"
bash scripts/broker.sh stop "$BROKER"
rm -rf "$HEALTHCLOUD_CACHE/mosquitto-$BROKER"
bash scripts/broker.sh start "$BROKER"

received=device-agent/target/bench-received.txt
subscriber=
cleanup() {
  [ -n "$subscriber" ] && kill "$subscriber" 2>/dev/null || true
  bash scripts/broker.sh stop "$BROKER" || true
}
trap cleanup EXIT
# A persistent session (-c, fixed id), so what arrives while it reconnects after the outage is kept
# for it; mosquitto_sub reconnects by itself.
mosquitto_sub -p "$BROKER" -q 1 -c -i bench-counter -t "healthcloud/kiosks/$KIOSK/readings" >"$received" 2>/dev/null &
subscriber=$!
sleep 1

# The JVM settings a kiosk should run the agent with (C1 only and a small code cache: the agent is
# I/O-bound; glibc arenas capped). Logging off: the agent logs a line per session.
AGENT_JAVA_OPTS=${AGENT_JAVA_OPTS:--Xmx16m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss256k}
log "agent JVM: $AGENT_JAVA_OPTS, MALLOC_ARENA_MAX=2"
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java $AGENT_JAVA_OPTS --enable-native-access=ALL-UNNAMED -Djava.util.logging.config.file=/dev/null \
  -cp "device-agent/target/test-classes:$JAR" cn.sh.healthcloud.agent.OutboxBenchmark "$BROKER" "$READINGS" "$BACKLOG"

expected=$((READINGS + BACKLOG))
for _ in $(seq 1 120); do
  [ "$(grep -ao '"readingId":"[^"]*"' "$received" | sort -u | wc -l)" -ge "$expected" ] && break
  sleep 1
done
distinct=$(grep -ao '"readingId":"[^"]*"' "$received" | sort -u | wc -l)
echo "  subscriber received $(wc -l <"$received") reading messages, $distinct distinct of $expected taken; lost $((expected - distinct))"
