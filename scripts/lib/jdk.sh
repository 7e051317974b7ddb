# shellcheck shell=bash
# Locating a JDK >= 21. Source this file, then:  JAVA_HOME="$(find_jdk21)"
#
# find_jdk21 prints the JAVA_HOME of a JDK whose major version is >= 21:
#   1. $JAVA_HOME, if it is such a JDK;
#   2. otherwise the newest such JDK under /usr/lib/jvm (override with $JDK_SEARCH_DIRS,
#      a space-separated list of directories).
# It prints a clear message on stderr and returns 1 if there is none.

# Prints the major version (8, 17, 21, 25, ...) of the JDK at $1, or nothing.
jdk_major_version() {
    local home="$1" version=""
    [ -x "$home/bin/java" ] || return 1
    if [ -f "$home/release" ]; then
        version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)"
    fi
    if [ -z "$version" ]; then
        version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
    fi
    [ -n "$version" ] || return 1
    case "$version" in
        1.*) version="${version#1.}" ;;
    esac
    version="${version%%[!0-9]*}"
    [ -n "$version" ] || return 1
    printf '%s\n' "$version"
}

find_jdk21() {
    local min=21 major best="" best_major=0 dir candidate
    if [ -n "${JAVA_HOME:-}" ]; then
        major="$(jdk_major_version "$JAVA_HOME" || true)"
        if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
            printf '%s\n' "$JAVA_HOME"
            return 0
        fi
    fi
    for dir in ${JDK_SEARCH_DIRS:-/usr/lib/jvm}; do
        [ -d "$dir" ] || continue
        for candidate in "$dir"/*; do
            [ -d "$candidate" ] || continue
            candidate="$(cd "$candidate" && pwd -P)"
            major="$(jdk_major_version "$candidate" || true)"
            [ -n "$major" ] || continue
            # a JDK, not just a JRE: it must have javac
            [ -x "$candidate/bin/javac" ] || continue
            if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
                best="$candidate"
                best_major="$major"
            fi
        done
    done
    if [ -z "$best" ]; then
        echo "error: no JDK >= $min found (JAVA_HOME='${JAVA_HOME:-}' is not one, and none under ${JDK_SEARCH_DIRS:-/usr/lib/jvm})." >&2
        echo "       Install one (e.g. Temurin 21 or 25) or point JAVA_HOME at it." >&2
        return 1
    fi
    printf '%s\n' "$best"
}
