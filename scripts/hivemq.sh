#!/usr/bin/env bash
# HiveMQ Community Edition (embedded, from Maven Central; dev/hivemq), the broker of the scale-out
# test: its shared subscriptions keep one queue per group and redispatch what a departed member
# had not acknowledged, which Mosquitto 2.0.11 does not (README, "Scale-out").
#
#   scripts/hivemq.sh [start] [port]   start it (default port 18839) unless it already answers
#   scripts/hivemq.sh stop [port]      stop it
#   scripts/hivemq.sh restart [port]
#   scripts/hivemq.sh status [port]
#
# State (data, log, pid) lives in $HEALTHCLOUD_CACHE/hivemq-<port>/ (default cache ~/.cache/healthcloud).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

COMMAND=${1:-start}
PORT=${2:-18839}
DATA="${HEALTHCLOUD_CACHE:-$HOME/.cache/healthcloud}/hivemq-$PORT"
PID_FILE="$DATA/hivemq.pid"
BUILD="$ROOT/dev/hivemq/target"

build() {
  local newest
  newest=$(find "$ROOT/dev/hivemq/pom.xml" "$ROOT/dev/hivemq/src" -newer "$BUILD/classpath.txt" -print -quit 2>/dev/null || echo stale)
  if [ ! -f "$BUILD/classpath.txt" ] || [ -n "$newest" ]; then
    log "building the HiveMQ launcher (dev/hivemq)"
    "$ROOT/mvnw" -q -B -ntp -f "$ROOT/dev/hivemq/pom.xml" package
  fi
}

start() {
  if port_open 127.0.0.1 "$PORT"; then return 0; fi
  build
  mkdir -p "$DATA"
  log "starting HiveMQ CE on 127.0.0.1:$PORT"
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xms64m -Xmx512m --enable-native-access=ALL-UNNAMED \
    -cp "$BUILD/classes:$(cat "$BUILD/classpath.txt")" cn.sh.healthcloud.devbroker.HiveMqBroker "$PORT" "$DATA" \
    >>"$DATA/hivemq.out" 2>&1 &
  echo $! >"$PID_FILE"
  wait_for 60 "HiveMQ on port $PORT" port_open 127.0.0.1 "$PORT"
}

stop() { stop_pid "$PID_FILE" HiveMQ 30; }

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if port_open 127.0.0.1 "$PORT"; then echo "running on $PORT (pid $(pid_alive "$PID_FILE" || echo '?'))"; else echo stopped; exit 1; fi ;;
  *) die "usage: scripts/hivemq.sh [start|stop|restart|status] [port]" ;;
esac
