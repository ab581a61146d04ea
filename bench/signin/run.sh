#!/usr/bin/env bash
# Sign-in benchmark (ADR 23): the running jar and a real PostgreSQL (Debian's 15, a cluster of its own in a
# temporary folder). Wrong passwords on POST /api/v1/auth/login, one at a time:
#   burst      200 for one account, then 200 across 200 accounts, from one client address each: how many were
#              refused (429), and the server's CPU (utime + stime from /proc/PID/stat) per checked attempt (a
#              PBKDF2 hash) and per refused one
#   sustained  a second run of the jar with the policy's times divided by 60 (a policy minute lasts a second),
#              attackers obeying Retry-After for SUSTAINED seconds: guesses per hour for one account (eager, and
#              paced so its failures are forgotten) and for one address trying a new account each time
# The server trusts X-Forwarded-For for these runs, so each attacker has an address of its own.
#   bash bench/signin/run.sh            (as root, or a user who can run Debian's PostgreSQL; SUSTAINED=0: burst only)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55434}
PORT_APP=${PORT_APP:-18082}
SUSTAINED=${SUSTAINED:-120}
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
build_jar_if_stale

WORK=$(mktemp -d /tmp/consult-signin-bench.XXXXXX)
chmod 777 "$WORK"
stop_app() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi
}
cleanup() {
  stop_app
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -v ON_ERROR_STOP=1 -q)

as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=50' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"
PG_VERSION=$(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -At -c "SHOW server_version")

mkdir -p "$WORK/app"
ADMIN=bench.admin@example.org
PASS="bench admin password $RANDOM$RANDOM"
JWT="bench-secret-$(date +%s%N)-0123456789abcdef"
KEYS="bench:$(head -c 32 /dev/urandom | base64)"
# Starts the jar with the given extra JVM options (system properties), and waits for /health.
start_app() {
  ( cd "$WORK/app" && \
    DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres CONSULT_MAIL_WRITE_FILES=true \
    DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="$JWT" \
    CONSULT_ENCRYPTION_KEYS="$KEYS" CONSULT_ENCRYPTION_CURRENT=bench \
    CONSULT_BOOTSTRAP_ADMIN_EMAIL=$ADMIN CONSULT_BOOTSTRAP_ADMIN_PASSWORD="$PASS" CONSULT_TRUST_FORWARDED_FOR=true \
    MICRONAUT_SERVER_PORT=$PORT_APP CONSULT_MAIL_FOLDER="$WORK/mail" \
    exec java -Xmx256m "$@" -jar "$ROOT/web-ui/target/consult.jar" >> "$WORK/app.log" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && return 0; sleep 0.5; done
  echo "the application did not start"; tail -20 "$WORK/app.log"; exit 1
}
# Others may share this machine: wait (at most 5 minutes) until its 1-minute load is under 1.5 before measuring.
quiet() {
  for _ in $(seq 1 60); do awk '{ exit !($1 < 1.5) }' /proc/loadavg && return 0; sleep 5; done
}

echo "PostgreSQL $PG_VERSION, $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), app on :$PORT_APP"
start_app
quiet
echo "== burst (default policy: 5 free per account, then 1 min doubling to 15; 30 failures per address per 10 min) =="
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine skews the figures)"
java bench/signin/SignInLoad.java burst "http://127.0.0.1:$PORT_APP" "$APP_PID" "$(getconf CLK_TCK)" "$ADMIN" "$PASS"
"${PSQL[@]}" -At -F' ' -c "SELECT 'audited refusals: ' || string_agg(detail || ' ' || n, ', ' ORDER BY detail) \
  || '; with an account id: ' || sum(with_actor) FROM (SELECT detail, count(*) n, count(actor_id) with_actor \
  FROM audit_event WHERE action = 'SIGN_IN_THROTTLED' GROUP BY detail) x"
"${PSQL[@]}" -At -c "SELECT 'counter rows: ' || count(*) || ', any holding an email: ' || count(*) FILTER (WHERE key LIKE '%@%') \
  FROM sign_in_throttle"
stop_app
[ "$SUSTAINED" -gt 0 ] || exit 0

echo "== sustained: $SUSTAINED s, the policy's times divided by 60 =="
start_app -Dconsult.sign-in.account-window=15s -Dconsult.sign-in.account-first-wait=1s \
  -Dconsult.sign-in.account-longest-wait=15s -Dconsult.sign-in.address-window=10s
quiet
java bench/signin/SignInLoad.java sustained "http://127.0.0.1:$PORT_APP" "$SUSTAINED" 60
