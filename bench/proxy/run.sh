#!/usr/bin/env bash
# The proxy check (docs/deployment.md): deploy/nginx.conf in front of two runs of the jar that share one PostgreSQL
# (Debian's, a cluster of its own), public posts limited to 3 a minute per client address. Each post carries a
# different forged X-Forwarded-For: through nginx they must all count as one client (3 accepted, then 429) and be
# spread over both replicas; straight to a replica, the forged header is believed, which is why compose.yaml
# publishes no port of the replicas. Debian's nginx (1.22) lacks `resolve` in an upstream, so the two replicas
# are written in as fixed addresses; the rest of the file is used as it is.
#   bash bench/proxy/run.sh            (as root, or a user who can run Debian's PostgreSQL and nginx)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55436}
PORT_PROXY=${PORT_PROXY:-18200}
APPS=(18201 18202)
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
command -v nginx >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx; }
if [ ! -f web-ui/target/consult.jar ] || [ -n "$(find core/src/main channels/*/src/main triage/src/main db/src/main notifications/src/main web-ui/src/main -type f \
    -newer web-ui/target/consult.jar -print -quit)" ]; then
  ./mvnw -B -o -q package -DskipTests
fi

W=$(mktemp -d /tmp/consult-proxy-check.XXXXXX)
chmod 777 "$W"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -f "$W/nginx.pid" ]; then kill "$(cat "$W/nginx.pid")" 2>/dev/null || true; fi
  as_pg "$PGBIN/pg_ctl -D $W/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$W"
}
trap cleanup EXIT

sed -e "s/server app:8080 resolve;/server 127.0.0.1:${APPS[0]};\n    server 127.0.0.1:${APPS[1]};/" \
    -e "s/listen 80;/listen 127.0.0.1:$PORT_PROXY;/" -e 's/^ *resolver .*$//' \
    -e "s#access_log /dev/stdout consult;#log_format up \"\$upstream_addr \$status\"; access_log $W/access.log up;#" \
    -e "s#error_log /dev/stderr warn;#error_log $W/error.log warn;#" deploy/nginx.conf > "$W/nginx.conf"
echo "pid $W/nginx.pid;" >> "$W/nginx.conf"
nginx -t -q -c "$W/nginx.conf" -p "$W"

as_pg "$PGBIN/initdb -D $W/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $W/pg -l $W/pg.log -o '-p $PORT_PG -k $W' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -qc 'CREATE DATABASE consult'
JWT="proxy-check-$(date +%s%N)-0123456789abcdef"; KEYS="k1:$(head -c 32 /dev/urandom | base64)"
for port in "${APPS[@]}"; do
  mkdir -p "$W/app$port"
  ( cd "$W/app$port" && DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres \
    DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="$JWT" CONSULT_ENCRYPTION_KEYS="$KEYS" CONSULT_TRUST_FORWARDED_FOR=true \
    CONSULT_RATE_LIMIT_PER_MINUTE=3 CONSULT_ADVICE_MINIMUM_TIME=0s MICRONAUT_SERVER_PORT=$port CONSULT_MAIL_FOLDER="$W/mail" \
    exec java -Xmx256m -jar "$ROOT/web-ui/target/consult.jar" > "$W/app$port.log" 2>&1 ) &
  PIDS+=($!)
done
for port in "${APPS[@]}"; do
  for _ in $(seq 1 120); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
  curl -sf "localhost:$port/health" >/dev/null || { echo "the replica on $port did not start"; tail -20 "$W/app$port.log"; exit 1; }
done
nginx -c "$W/nginx.conf" -p "$W"

post() {
  curl -s -o /dev/null -w '%{http_code} ' -X POST "$1/api/v1/call-for-advice/submissions" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: proxy-$RANDOM$RANDOM$RANDOM" -H "X-Forwarded-For: $2" \
    -d '{"respondentType":"CARE_EXPERIENCED","keyQuestions":"Why?","themes":["CARE"],"consentToContact":false,"consentToPublish":false}'
}
through=$(for i in 1 2 3 4 5 6; do post "http://127.0.0.1:$PORT_PROXY" "203.0.113.$i"; done)
direct=$(for i in 1 2 3 4 5 6; do post "http://127.0.0.1:${APPS[0]}" "198.51.100.$i"; done)
echo "through nginx, six forged X-Forwarded-For: $through"
echo "straight to a replica, six forged ones:    $direct"
echo "requests per replica behind nginx: $(awk '{print $1}' "$W/access.log" | sort | uniq -c | xargs)"
[ "$through" = "201 201 201 429 429 429 " ] || { echo "PROXY CHECK FAILED: a client chose its own rate-limit bucket through nginx"; exit 1; }
[ "$(awk '{print $1}' "$W/access.log" | sort -u | wc -l)" = 2 ] || { echo "PROXY CHECK FAILED: one replica got every request"; exit 1; }
echo "proxy check passed"
