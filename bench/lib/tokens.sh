# Bearer tokens for the benchmarks: RS256 JWTs minted here with openssl and verified by the service
# with the matching public key, so Keycloak is not in the measured path (nor is it on the request
# path in production: tokens are verified locally against cached keys).
# Source after scripts/lib/common.sh. bench_signing_key sets BENCH_OIDC_OPTS, the service's JVM
# options for verifying them; resident_token SUBJECT prints a resident's token valid for two hours.
BENCH_KEY=target/bench-keys/private.pem

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

bench_signing_key() {
  need_cmd openssl openssl
  mkdir -p "$(dirname "$BENCH_KEY")"
  [ -f "$BENCH_KEY" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_KEY" 2>/dev/null
  local public_key
  public_key=$(openssl pkey -in "$BENCH_KEY" -pubout -outform DER | base64 -w0)
  BENCH_OIDC_OPTS=(-Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.discovery-enabled=false
    "-Dquarkus.oidc.public-key=$public_key" -Dquarkus.oidc.token.issuer=healthcloud-bench)
  BENCH_TOKEN_HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  BENCH_TOKEN_IAT=$(date +%s)
}

resident_token() {
  local payload signature
  payload=$(printf '{"sub":"%s","iss":"healthcloud-bench","aud":"healthcloud-service","exp":%s,"iat":%s,"realm_access":{"roles":["resident"]}}' \
    "$1" "$((BENCH_TOKEN_IAT + 7200))" "$BENCH_TOKEN_IAT" | b64url)
  signature=$(printf '%s.%s' "$BENCH_TOKEN_HEADER" "$payload" | openssl dgst -sha256 -sign "$BENCH_KEY" | b64url)
  printf '%s.%s.%s' "$BENCH_TOKEN_HEADER" "$payload" "$signature"
}

# officer_token SUBJECT DISTRICT: a district officer's token valid for two hours.
officer_token() {
  local payload signature
  payload=$(printf '{"sub":"%s","iss":"healthcloud-bench","aud":"healthcloud-service","exp":%s,"iat":%s,"district":"%s","realm_access":{"roles":["district-officer"]}}' \
    "$1" "$((BENCH_TOKEN_IAT + 7200))" "$BENCH_TOKEN_IAT" "$2" | b64url)
  signature=$(printf '%s.%s' "$BENCH_TOKEN_HEADER" "$payload" | openssl dgst -sha256 -sign "$BENCH_KEY" | b64url)
  printf '%s.%s.%s' "$BENCH_TOKEN_HEADER" "$payload" "$signature"
}
