# Shared steps of the benchmarks. Source after scripts/lib/common.sh.

# fresh_broker PORT: the project's Mosquitto on PORT, with no persisted sessions of earlier runs.
fresh_broker() {
  bash scripts/broker.sh stop "$1"
  rm -rf "${HEALTHCLOUD_CACHE:-$HOME/.cache/healthcloud}/mosquitto-$1"
  bash scripts/broker.sh start "$1"
}

# test_classpath: compiles the test classes (the load generators) and writes their classpath to
# target/test-classpath.txt.
test_classpath() {
  ./mvnw -B -ntp -q test-compile
  ./mvnw -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
}

# wrk_measure NAME SECONDS WRK_ARGS...: runs wrk -t2 -c32 for SECONDS with --latency while sampling
# the RSS of $service_pid; sets rps, p50, p99, errors and rss_mb. Output in target/bench-NAME-wrk.txt.
wrk_measure() {
  local name=$1 seconds=$2 sampler
  shift 2
  ( while kill -0 "$service_pid" 2>/dev/null; do ps -o rss= -p "$service_pid"; sleep 1; done ) >"target/bench-$name-rss.txt" &
  sampler=$!
  wrk -t2 -c32 -d"${seconds}s" --latency "$@" >"target/bench-$name-wrk.txt"
  kill "$sampler" 2>/dev/null || true
  rps=$(awk '/Requests\/sec/ {print $2}' "target/bench-$name-wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "target/bench-$name-wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "target/bench-$name-wrk.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "target/bench-$name-wrk.txt" || true)
  rss_mb=$(( $(sort -n "target/bench-$name-rss.txt" | tail -n 1) / 1024 ))
}

# fresh_stores DB REDIS_INDEX: an empty PostgreSQL database DB and an empty Redis database of the
# run's own (figures and caches refer to the rows of the database they were made from).
fresh_stores() {
  psql_admin -d postgres -c "drop database if exists $1 with (force)"
  redis-cli -n "$2" flushdb >/dev/null
  ensure_databases "$1"
}
