#!/usr/bin/env bash
# The district dashboard in headless Chromium (e2e/browser/dashboard-test.mjs) against a running
# service and the real Keycloak: login through Keycloak's form, the officer's district, a figure
# that rises over the live stream after PUBLISH_CMD publishes a kiosk reading, the English labels,
# a full-page screenshot. Installs Debian's chromium (and a CJK font for the screenshot), Node.js
# and npm when they are missing, and the test's one npm package (playwright-core) when the lock
# file changed.
#
#   BASE_URL=http://localhost:18080 PUBLISH_CMD='...' scripts/browser-test.sh
#
# Environment (passed through to the test): BASE_URL, USERNAME, PASSWORD, DISTRICT, PUBLISH_CMD,
# SCREENSHOT (default target/dashboard.png), CHROMIUM (default /usr/bin/chromium), UPDATE_TIMEOUT_MS.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export SCREENSHOT=${SCREENSHOT:-$ROOT/target/dashboard.png}
[ -x "$CHROMIUM" ] || apt_install chromium
# without a Chinese font the screenshot shows boxes for every label
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh)" ]; then apt_install fonts-wqy-microhei; fi
need_cmd node nodejs
need_cmd npm npm
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "playwright-core needs Node.js >= 20, found $(node --version); install a newer nodejs"

# npm ci only when package.json or the lock file changed since the last install
cd e2e/browser
stamp=node_modules/.healthcloud-installed
wanted=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  log "installing the browser test's npm packages"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
    wanted=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  fi
  echo "$wanted" >"$stamp"
fi
cd "$ROOT"

log "browser test against ${BASE_URL:-http://localhost:18080} (screenshot: $SCREENSHOT)"
node e2e/browser/dashboard-test.mjs
