# The preamble of every project script: the repository root as the working directory, the stack
# helpers, and a JDK >= 21 on PATH. Source it as: . "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$ROOT"
. scripts/lib/jdk.sh
. scripts/lib/stack.sh
JAVA_HOME="$(find_jdk21)" || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
