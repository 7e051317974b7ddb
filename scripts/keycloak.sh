#!/usr/bin/env bash
# A real local Keycloak for development and end-to-end tests (DEVELOPMENT ONLY:
# admin/admin bootstrap account, start-dev mode, weak password hashing in the realm).
#
#   scripts/keycloak.sh [start]   download (once), import dev/keycloak/healthcloud-realm.json,
#                                 start on http://localhost:8180 and wait until the realm answers
#   scripts/keycloak.sh stop      stop the Keycloak started by this script
#   scripts/keycloak.sh status    is it running / ready?
#   scripts/keycloak.sh reset     stop and delete its database, so the next start re-imports the realm
#
# Environment:
#   HEALTHCLOUD_CACHE        cache root (default ~/.cache/healthcloud); Keycloak lives in
#                            $HEALTHCLOUD_CACHE/keycloak-<version>/, with keycloak.log and keycloak.pid
#   KEYCLOAK_START_TIMEOUT   seconds to wait for the realm to answer (default 300)
#   JAVA_HOME                used if it is a JDK >= 21, else the newest one under /usr/lib/jvm
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
# shellcheck source=lib/jdk.sh
. "$SCRIPT_DIR/lib/jdk.sh"

KC_VERSION=26.7.3
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
KC_PORT=8180
KC_REALM=healthcloud
KC_URL="http://localhost:${KC_PORT}"
WELL_KNOWN="${KC_URL}/realms/${KC_REALM}/.well-known/openid-configuration"

CACHE_ROOT="${HEALTHCLOUD_CACHE:-$HOME/.cache/healthcloud}"
KC_CACHE="${CACHE_ROOT}/keycloak-${KC_VERSION}"
KC_HOME="${KC_CACHE}/keycloak-${KC_VERSION}"
PID_FILE="${KC_CACHE}/keycloak.pid"
LOG_FILE="${KC_CACHE}/keycloak.log"
REALM_JSON="${REPO_ROOT}/dev/keycloak/healthcloud-realm.json"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-300}"

log() { printf '[keycloak] %s\n' "$*"; }
die() { printf '[keycloak] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools

APT_UPDATED=0
apt_install() {
    local sudo=""
    command -v apt-get >/dev/null 2>&1 || die "'$*' missing and apt-get is not available; install it by hand"
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "'$*' missing; need root or sudo to apt-get install it"
        sudo="sudo"
    fi
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        $sudo apt-get update -qq
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
    local missing=() tool
    for tool in curl unzip; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
}

# ---------------------------------------------------------------- state

http_status() {
    command -v curl >/dev/null 2>&1 || { echo 000; return 0; }
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true
}

is_ready() { [ "$(http_status "$WELL_KNOWN")" = "200" ]; }

# Prints the pid of the kc.sh started by this script if it is still alive.
running_pid() {
    local pid
    [ -f "$PID_FILE" ] || return 1
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # guard against a recycled pid: it must be our kc.sh (or its java)
    grep -qa -e "$KC_HOME" "/proc/$pid/cmdline" 2>/dev/null || return 1
    printf '%s\n' "$pid"
}

port_in_use() {
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$KC_PORT" 2>/dev/null | grep -q .
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$KC_PORT") 2>/dev/null
    fi
}

LOG_START_LINE=0   # lines in the log before this start attempt
log_tail() {
    if [ -f "$LOG_FILE" ]; then
        echo "----- $LOG_FILE (last 60 lines of this start) -----" >&2
        tail -n "+$((LOG_START_LINE + 1))" "$LOG_FILE" | tail -n 60 >&2
        echo "-----" >&2
    fi
}

# ---------------------------------------------------------------- install

maven_cmd() {
    if [ -x "$REPO_ROOT/mvnw" ]; then
        printf '%s\n' "$REPO_ROOT/mvnw"
    elif command -v mvn >/dev/null 2>&1; then
        command -v mvn
    else
        die "neither $REPO_ROOT/mvnw nor mvn found; cannot download $KC_ARTIFACT"
    fi
}

ensure_dist() {
    local java_home="$1" mvn zip unpack
    [ -x "$KC_HOME/bin/kc.sh" ] && return 0
    mkdir -p "$KC_CACHE"
    zip="$KC_CACHE/keycloak-quarkus-dist-${KC_VERSION}.zip"
    if [ ! -s "$zip" ]; then
        mvn="$(maven_cmd)"
        log "downloading $KC_ARTIFACT with $(basename "$mvn") (~170 MiB) into $KC_CACHE"
        # Run from the cache dir: dependency:copy needs no project, and this keeps Maven away
        # from the repository's pom.xml.
        # Maven itself runs on any Java; keep the caller's if there is one (JDK 25 makes Maven
        # print warnings about Unsafe/native access), else use the JDK found for Keycloak.
        local mvn_java_home="${JAVA_HOME:-}"
        if [ -z "$mvn_java_home" ] && ! command -v java >/dev/null 2>&1; then
            mvn_java_home="$java_home"
        fi
        (cd "$KC_CACHE" && JAVA_HOME="$mvn_java_home" "$mvn" -B -q \
            "${DEPENDENCY_PLUGIN}:copy" \
            -Dartifact="$KC_ARTIFACT" \
            -DoutputDirectory="$KC_CACHE" \
            -Dmdep.overWriteReleases=true) \
            || die "download of $KC_ARTIFACT failed"
        [ -s "$zip" ] || die "download finished but $zip is missing"
    fi
    log "unpacking $(basename "$zip")"
    unpack="$KC_CACHE/.unpack.$$"
    rm -rf "$unpack"
    mkdir -p "$unpack"
    unzip -q "$zip" -d "$unpack" || { rm -rf "$unpack"; die "unzip of $zip failed"; }
    [ -x "$unpack/keycloak-${KC_VERSION}/bin/kc.sh" ] || { rm -rf "$unpack"; die "unexpected layout in $zip"; }
    mv "$unpack/keycloak-${KC_VERSION}" "$KC_HOME"
    rm -rf "$unpack"
    # the artifact stays in ~/.m2; no need for a second copy
    rm -f "$zip"
}

# ---------------------------------------------------------------- wait

# Waits for the well-known URL; fails fast if process $1 dies.
wait_ready() {
    local pid="$1" start=$SECONDS elapsed next_report=30
    log "waiting up to ${START_TIMEOUT}s for $WELL_KNOWN"
    while :; do
        if is_ready; then
            log "ready after $((SECONDS - start))s: $KC_URL (realm $KC_REALM, admin console $KC_URL/admin, admin/admin)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            log_tail
            rm -f "$PID_FILE"
            die "Keycloak (pid $pid) exited before the realm answered; see $LOG_FILE"
        fi
        elapsed=$((SECONDS - start))
        if [ "$elapsed" -ge "$START_TIMEOUT" ]; then
            log_tail
            die "Keycloak did not answer $WELL_KNOWN within ${START_TIMEOUT}s (still running as pid $pid; 'scripts/keycloak.sh stop' stops it)"
        fi
        if [ "$elapsed" -ge "$next_report" ]; then
            log "still starting (${elapsed}s) ..."
            next_report=$((next_report + 30))
        fi
        sleep 2
    done
}

# ---------------------------------------------------------------- commands

# The realm imported into Keycloak's database, by hash: a changed realm file means a re-import.
REALM_HASH_FILE="${KC_CACHE}/realm.sha256"
realm_changed() {
    [ -d "$KC_HOME/data/h2" ] || return 1
    [ "$(cat "$REALM_HASH_FILE" 2>/dev/null)" != "$(sha256sum "$REALM_JSON" | cut -d' ' -f1)" ]
}

cmd_start() {
    local pid java_home
    ensure_tools
    if realm_changed; then
        log "$REALM_JSON changed since it was imported: stopping (if ours) and re-importing"
        cmd_stop || true
        rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs" "$KC_HOME/data/import"
    fi
    if is_ready; then
        log "already running: $WELL_KNOWN answers 200"
        return 0
    fi
    # one start at a time (a second one waits here, then finds the first one's Keycloak)
    mkdir -p "$KC_CACHE"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$KC_CACHE/.start.lock"
        if ! flock -n 9; then
            log "another 'keycloak.sh start' is installing/launching; waiting for it"
            flock 9
        fi
    fi
    if is_ready; then
        log "already running: $WELL_KNOWN answers 200"
        return 0
    fi
    if pid="$(running_pid)"; then
        log "already starting (pid $pid)"
        wait_ready "$pid"
        return 0
    fi
    [ -f "$REALM_JSON" ] || die "realm file $REALM_JSON not found"

    java_home="$(find_jdk21)" || die "Keycloak $KC_VERSION needs a JDK >= 21"
    log "using JDK $java_home"
    ensure_dist "$java_home"

    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_JSON" "$KC_HOME/data/import/healthcloud-realm.json"
    sha256sum "$REALM_JSON" | cut -d' ' -f1 >"$REALM_HASH_FILE"
    if [ -d "$KC_HOME/data/h2" ]; then
        log "existing database: the realm is imported only if it does not exist yet ('reset' forces a re-import)"
    fi

    # checked only now, after a possibly long download
    if port_in_use; then
        die "port $KC_PORT is in use by something not started from $KC_CACHE (is another Keycloak running?)"
    fi
    touch "$LOG_FILE"
    LOG_START_LINE="$(wc -l <"$LOG_FILE")"
    {
        echo
        echo "===== $(date -Is) scripts/keycloak.sh start (JAVA_HOME=$java_home) ====="
    } >>"$LOG_FILE"
    rm -f "$PID_FILE"
    # setsid: own session/process group, so it survives the shell that started it;
    # the inner bash writes its own pid and then becomes kc.sh (exec), so the pid is kc.sh's.
    JAVA_HOME="$java_home" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        setsid bash -c 'echo $$ >"$0"; exec nohup "$@"' "$PID_FILE" \
            "$KC_HOME/bin/kc.sh" start-dev \
            --http-host=127.0.0.1 \
            --http-port="$KC_PORT" \
            --hostname="$KC_URL" \
            --import-realm \
        >>"$LOG_FILE" 2>&1 </dev/null 9>&- &

    local i
    for i in $(seq 1 50); do
        [ -s "$PID_FILE" ] && break
        sleep 0.1
    done
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || die "could not start $KC_HOME/bin/kc.sh (no pid); see $LOG_FILE"
    log "started kc.sh (pid $pid), log: $LOG_FILE"
    wait_ready "$pid"
}

cmd_stop() {
    local pid i
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"
        if is_ready || port_in_use; then
            die "something answers on port $KC_PORT but it was not started by this script (no live pid in $PID_FILE); not stopping it"
        fi
        log "not running"
        return 0
    fi
    log "stopping kc.sh (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still running after 30s; sending KILL to its process group"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        sleep 1
    fi
    # kc.sh forwards TERM to java; make sure java (same process group) is gone as well
    for i in $(seq 1 20); do
        pgrep -g "$pid" >/dev/null 2>&1 || break
        sleep 0.5
    done
    if pgrep -g "$pid" >/dev/null 2>&1; then
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    log "stopped"
}

cmd_status() {
    local pid="" ready=no
    pid="$(running_pid || true)"
    is_ready && ready=yes
    echo "keycloak $KC_VERSION at $KC_HOME"
    echo "  process : ${pid:-not running (started by this script)}"
    echo "  realm   : $WELL_KNOWN -> $([ "$ready" = yes ] && echo 'ready (200)' || echo 'not answering')"
    echo "  log     : $LOG_FILE"
    if [ "$ready" = yes ]; then
        return 0
    elif [ -n "$pid" ]; then
        return 1   # running, not (yet) ready
    else
        return 3   # not running
    fi
}

cmd_reset() {
    cmd_stop
    if [ -d "$KC_HOME/data" ]; then
        log "deleting $KC_HOME/data/{h2,transaction-logs,import}: the next start re-imports the realm"
        rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/transaction-logs" "$KC_HOME/data/import"
    fi
    log "reset done; run 'scripts/keycloak.sh start'"
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    -h|--help|help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$1' (use start, stop, status or reset)" ;;
esac
