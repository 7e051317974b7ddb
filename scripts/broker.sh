#!/usr/bin/env bash
# The project's Mosquitto, configured from dev/mosquitto/mosquitto.conf so that it never drops an
# accepted message (the machine's shared broker on 1883 keeps Mosquitto's lossy defaults).
#
#   scripts/broker.sh [start] [port]   start it (default port 18830) unless it already answers
#   scripts/broker.sh stop [port]      stop it gracefully (queued messages are saved to disk)
#   scripts/broker.sh restart [port]
#   scripts/broker.sh status [port]
#
# State (persistence file, log, pid) lives in $HEALTHCLOUD_CACHE/mosquitto-<port>/ (default cache
# ~/.cache/healthcloud). Tests that stop the broker start their own on another port.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

COMMAND=${1:-start}
PORT=${2:-18830}
DATA="${HEALTHCLOUD_CACHE:-$HOME/.cache/healthcloud}/mosquitto-$PORT"
PID_FILE="$DATA/mosquitto.pid"

start() {
  if port_open 127.0.0.1 "$PORT"; then return 0; fi
  need_cmd mosquitto mosquitto
  need_cmd mosquitto_pub mosquitto-clients
  mkdir -p "$DATA"
  sed -e "s#@PORT@#$PORT#g" -e "s#@DATA@#$DATA#g" "$ROOT/dev/mosquitto/mosquitto.conf" >"$DATA/mosquitto.conf"
  # Started as root, Mosquitto switches to its own user, which cannot write under root's home.
  [ "$(id -u)" = 0 ] && echo "user root" >>"$DATA/mosquitto.conf"
  log "starting the project's MQTT broker on 127.0.0.1:$PORT"
  mosquitto -c "$DATA/mosquitto.conf" >>"$DATA/mosquitto.out" 2>&1 &
  echo $! >"$PID_FILE"
  wait_for 30 "Mosquitto on port $PORT" port_open 127.0.0.1 "$PORT"
}

stop() { stop_pid "$PID_FILE" Mosquitto 10; }

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if port_open 127.0.0.1 "$PORT"; then echo "running on $PORT (pid $(pid_alive "$PID_FILE" || echo '?'))"; else echo stopped; exit 1; fi ;;
  *) die "usage: scripts/broker.sh [start|stop|restart|status] [port]" ;;
esac
