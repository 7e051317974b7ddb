#!/usr/bin/env bash
# Proves the local Keycloak realm (scripts/keycloak.sh start): for every development user, gets a
# token with the password grant of client healthcloud-app and checks the access token's issuer,
# realm roles, audience and district/station claims. Prints one line per user and
# "N passed, M failed"; exits non-zero on any failure.
set -euo pipefail

KC_URL="${KEYCLOAK_URL:-http://localhost:8180}"
REALM=healthcloud
CLIENT_ID=healthcloud-app
AUDIENCE=healthcloud-service
ISSUER="http://localhost:8180/realms/${REALM}"
TOKEN_URL="${KC_URL}/realms/${REALM}/protocol/openid-connect/token"
WELL_KNOWN="${KC_URL}/realms/${REALM}/.well-known/openid-configuration"

need() {
    local cmd="$1" pkg="$2" sudo=""
    command -v "$cmd" >/dev/null 2>&1 && return 0
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing $pkg ..." >&2
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" >/dev/null
}
need curl curl
need python3 python3

code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$WELL_KNOWN" || true)"
if [ "$code" != "200" ]; then
    echo "Keycloak realm not reachable ($WELL_KNOWN -> ${code:-no answer}); run scripts/keycloak.sh start" >&2
    exit 2
fi

# username | expected realm role | district ("-" = must be absent) | station ("-" = must be absent)
USERS=(
    "resident1|resident|-|-"
    "resident2|resident|-|-"
    "doctor1|doctor|310110|310110-0001"
    "stationadmin1|station-admin|310110|310110-0002"
    "officer310110|district-officer|310110|-"
    "officer310115|district-officer|310115|-"
    "cityadmin1|city-admin|-|-"
)

# Decodes the token response on stdin and checks the access token's claims.
IFS= read -r -d '' CHECK_PY <<'PY' || true
import base64, json, sys
user, role, district, station, issuer, audience = sys.argv[1:7]
raw = sys.stdin.read()
try:
    body = json.loads(raw)
except ValueError:
    print(f"FAIL {user}: token endpoint answered non-JSON: {raw[:200]!r}"); sys.exit(1)
if "access_token" not in body:
    print(f"FAIL {user}: no token: {body.get('error')}: {body.get('error_description')}"); sys.exit(1)
payload = body["access_token"].split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
problems = []
if claims.get("iss") != issuer:
    problems.append(f"iss={claims.get('iss')!r}, expected {issuer!r}")
roles = claims.get("realm_access", {}).get("roles", [])
if role not in roles:
    problems.append(f"realm_access.roles={roles} lacks {role!r}")
aud = claims.get("aud")
auds = aud if isinstance(aud, list) else ([aud] if aud else [])
if audience not in auds:
    problems.append(f"aud={aud!r} lacks {audience!r}")
for name, expected in (("district", district), ("station", station)):
    actual = claims.get(name)
    if expected == "-":
        if actual is not None:
            problems.append(f"unexpected {name}={actual!r}")
    elif actual != expected:
        problems.append(f"{name}={actual!r}, expected {expected!r}")
if not claims.get("sub"):
    problems.append("no sub claim")
if problems:
    print(f"FAIL {user}: " + "; ".join(problems)); sys.exit(1)
extra = "".join(f" {n}={claims[n]}" for n in ("district", "station") if n in claims)
print(f"PASS {user}: roles={sorted(roles)} aud={auds}{extra}")
PY

passed=0
failed=0
for entry in "${USERS[@]}"; do
    IFS='|' read -r user role district station <<<"$entry"
    # password == user name (development users only)
    response="$(curl -s --max-time 30 -X POST "$TOKEN_URL" \
        --data-urlencode "client_id=${CLIENT_ID}" \
        --data-urlencode "grant_type=password" \
        --data-urlencode "username=${user}" \
        --data-urlencode "password=${user}" \
        --data-urlencode "scope=openid" || true)"
    if line="$(printf '%s' "$response" | python3 -c "$CHECK_PY" "$user" "$role" "$district" "$station" "$ISSUER" "$AUDIENCE")"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
    echo "$line"
done

echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
