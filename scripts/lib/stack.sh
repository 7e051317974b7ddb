# Local servers the service needs: PostgreSQL, Redis, Mosquitto. Each ensure_* is idempotent:
# it does nothing when the server answers, installs the Debian package when it is missing,
# and starts it otherwise. Sourced by run.sh and test.sh.

HC_DB_USER=${HC_DB_USER:-healthcloud}
HC_DB_PASSWORD=${HC_DB_PASSWORD:-healthcloud}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

_apt_updated=
apt_install() {
  [ "$(id -u)" = 0 ] || die "need root to install $* (apt-get); install them and run again"
  if [ -z "$_apt_updated" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    _apt_updated=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Installs the packages whose command is missing: need_cmd <command> <package>
need_cmd() {
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pid_alive() { # pid_alive <pid file>: prints the pid of a process started with one, if it runs
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null && cat "$1"
}

stop_pid() { # stop_pid <pid file> <description> <seconds>: SIGTERM, then wait for the end
  local pid
  pid=$(pid_alive "$1") || return 0
  kill -TERM "$pid"
  for _ in $(seq 1 $(($3 * 10))); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$1"; return 0; }
    sleep 0.1
  done
  die "$2 (pid $pid) did not stop"
}

wait_for() { # wait_for <seconds> <description> <command...>
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" && return 0
    sleep 0.2
  done
  die "$what did not come up within ${seconds}s"
}

ensure_postgres() {
  need_cmd pg_isready postgresql-client
  if pg_isready -q -h 127.0.0.1 -p 5432; then return 0; fi
  if [ ! -d /etc/postgresql ] || [ -z "$(ls -A /etc/postgresql 2>/dev/null)" ]; then
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || pg_ctlcluster "$version" main start
  wait_for 60 "PostgreSQL" pg_isready -q -h 127.0.0.1 -p 5432
}

# Runs SQL as the PostgreSQL superuser: over the socket as 'postgres' (peer auth, a stock install),
# or over TCP as 'postgres' where the server trusts local connections (development machines).
psql_admin() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"
  else
    psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres "$@"
  fi
}

# ensure_database <name>...: the application role (password auth works under trust and scram alike)
# and its databases.
ensure_databases() {
  if [ "$(psql_admin -d postgres -c "select 1 from pg_roles where rolname = '$HC_DB_USER'")" != 1 ]; then
    log "creating PostgreSQL role $HC_DB_USER"
    psql_admin -d postgres -c "create role $HC_DB_USER login password '$HC_DB_PASSWORD'"
  fi
  local db
  for db in "$@"; do
    if [ "$(psql_admin -d postgres -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
      log "creating database $db"
      psql_admin -d postgres -c "create database $db owner $HC_DB_USER encoding 'UTF8' template template0"
    fi
  done
}

ensure_redis() {
  need_cmd redis-cli redis-tools
  if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then return 0; fi
  need_cmd redis-server redis-server
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for 30 "Redis" sh -c 'redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG'
}

# The project's own broker (scripts/broker.sh, port 18830): configured never to drop an accepted
# message, which the stock configuration of the machine's shared Mosquitto on 1883 does.
ensure_mosquitto() {
  bash "$(dirname "${BASH_SOURCE[0]}")/../broker.sh" start "${HC_MQTT_PORT:-18830}"
}

ensure_stack() {
  need_cmd curl curl
  ensure_postgres
  ensure_databases "$@"
  ensure_redis
  ensure_mosquitto
}
