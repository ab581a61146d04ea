#!/usr/bin/env bash
# Fail-safe benchmark: the running jar and a real PostgreSQL (Debian's 15, a cluster of its own in a temporary
# folder). Eight clients send call-for-advice submissions for 40 s; at 10 s PostgreSQL is killed (immediate
# shutdown: connections cut, nothing flushed politely), at 20 s it is started again. Prints:
#   acknowledged submissions lost     (a 2xx with a reference whose row is not in the database afterwards)
#   answers after the kill            (how many, by status; the slowest; how many took longer than 2 s)
#   back to normal                    (from PostgreSQL's start to the first 2xx, and the share of 2xx after 5 s)
#   bash bench/failsafe/run.sh        (as root, or a user who can run Debian's PostgreSQL)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55447}
PORT_APP=${PORT_APP:-18097}
WORKERS=${WORKERS:-8}
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
[ -f web-ui/target/consult.jar ] || ./mvnw -B -o -q package -DskipTests

WORK=$(mktemp -d /tmp/consult-failsafe-bench.XXXXXX)
chmod 777 "$WORK"
pg_start() { as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK' -w start" >/dev/null; }
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
pg_start
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"

( cd "$WORK" && \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres CONSULT_MAIL_WRITE_FILES=true \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_RATE_LIMIT_PER_MINUTE=0 MICRONAUT_SERVER_PORT=$PORT_APP CONSULT_MAIL_FOLDER="$WORK/mail" \
  exec java -Xmx512m -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || { echo "the application did not start"; tail -20 "$WORK/app.log"; exit 1; }

java bench/failsafe/FailsafeLoad.java "http://127.0.0.1:$PORT_APP" "$WORKERS" 40 "$WORK/requests.txt" &
LOAD=$!
sleep 10
KILL_AT=$(date +%s%3N)
as_pg "$PGBIN/pg_ctl -D $WORK/pg -m immediate stop" >/dev/null
sleep 10
pg_start
BACK_AT=$(date +%s%3N)
wait $LOAD

psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -At -c "SELECT reference FROM submission" | sort > "$WORK/stored.txt"
awk '$3 >= 200 && $3 < 300 && $4 != "-" { print $4 }' "$WORK/requests.txt" | sort > "$WORK/acknowledged.txt"
echo "requests: $(wc -l < "$WORK/requests.txt"), acknowledged: $(wc -l < "$WORK/acknowledged.txt"), rows stored: $(wc -l < "$WORK/stored.txt")"
echo "acknowledged submissions lost: $(comm -23 "$WORK/acknowledged.txt" "$WORK/stored.txt" | wc -l)"
awk -v k="$KILL_AT" -v b="$BACK_AT" '
  $2 >= k && $1 < b { n++; s[$3]++; d = $2 - $1; if (d > max) max = d; if (d > 2000) slow++ }
  END { printf "while PostgreSQL was down (answered between the kill and its start): %d answers, slowest %d ms, over 2 s: %d; by status:", n, max, slow + 0;
        for (c in s) printf " %s=%d", c, s[c]; printf "\n" }' "$WORK/requests.txt"
awk -v b="$BACK_AT" '
  $1 >= b && $3 >= 200 && $3 < 300 && (first == 0 || $2 < first) { first = $2 }
  $1 >= b + 5000 { late++; if ($3 >= 200 && $3 < 300) ok++ }
  END { printf "back to normal: first 2xx %d ms after PostgreSQL started; from 5 s after: %d of %d requests 2xx\n", first - b, ok, late }' "$WORK/requests.txt"
grep -c "answered 503" "$WORK/app.log" | sed 's/^/503s logged by the application: /'
