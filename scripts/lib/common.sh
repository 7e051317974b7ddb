# The preamble of every project script: the repository root as the working directory, the stack
# helpers, and a JDK >= 21 on PATH. Source it as: . "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$ROOT"
. scripts/lib/jdk.sh
. scripts/lib/stack.sh
JAVA_HOME="$(find_jdk21)" || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

# The packaged service with a JDK AOT cache (faster start), rebuilt when a source is newer than it,
# so a benchmark never measures a stale jar. Swagger UI is included for the run command.
package_service() {
  if [ ! -f target/quarkus-app/app.aot ] || [ -n "$(find src pom.xml -newer target/quarkus-app/app.aot -print -quit)" ]; then
    log "building the service"
    ./mvnw -B -ntp -q -DskipTests package -Dquarkus.swagger-ui.always-include=true \
      -Dquarkus.package.jar.appcds.enabled=true -Dquarkus.package.jar.appcds.use-aot=true
  fi
}
