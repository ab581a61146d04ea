#!/usr/bin/env bash
# Would writing several submissions in one transaction pay? Measured on PostgreSQL alone, before building it: the
# intake reference's four rows per submission (bench/intake/intake.sql) written
#   one a transaction, four statements (the reference itself),
#   one a transaction in one statement (rows.sql with rows=1),
#   eight a transaction, statement by statement (intake.sql's body eight times between one BEGIN and COMMIT),
#   eight a transaction in one statement, eight rows a table (rows.sql with rows=8),
# with 16 and 4 clients, ROUNDS rounds (3) of T seconds (15) each, all against a fresh cluster of its own migrated by
# the application's jar. Prints submissions written a second and each against the reference in the same round.
#   bash bench/intake/batching/run.sh          (as root or a user who can run Debian's PostgreSQL 15; about 6 minutes)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../../lib.sh"
cd "$BENCH_ROOT"
PGBIN=/usr/lib/postgresql/15/bin
PORT_PG=${PORT_PG:-55400}
PORT_APP=${PORT_APP:-18400}
T=${T:-15}
ROUNDS=${ROUNDS:-3}
command -v pgbench >/dev/null || apt-get install -y -q postgresql >/dev/null
build_jar_if_stale
WORK=$(mktemp -d /tmp/consult-batching.XXXXXX)
chmod 777 "$WORK"
trap 'kill ${APP_PID:-} 2>/dev/null || true; as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=64' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"

# The schema: the application's migrations, run by starting the jar once.
( cd "$WORK" && DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_SAFEGUARDING_LEARNED_ENABLED=false CONSULT_MAIL_WRITE_FILES=true MICRONAUT_SERVER_PORT=$PORT_APP \
  exec java -Xmx256m -jar "$BENCH_ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || { echo "the application did not start"; tail -20 "$WORK/app.log"; exit 1; }
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -q -c "CREATE SEQUENCE bench_intake_reference"

# intake.sql's transaction eight times over, between one BEGIN and one COMMIT.
awk '/^BEGIN;/ { body = 1; next } /^COMMIT;/ { body = 0; next }
     body { tx = tx $0 "\n"; next } { print }
     END { printf "BEGIN;\n"; for (i = 0; i < 8; i++) printf "%s", tx; print "COMMIT;" }' \
  bench/intake/intake.sql > "$WORK/eight-statements.sql"

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -At -c 'SHOW server_version')"
for round in $(seq 1 "$ROUNDS"); do
  reference=
  for run in "reference bench/intake/intake.sql 1 16" "one-statement $HERE/rows.sql 1 16" \
             "eight-statements $WORK/eight-statements.sql 8 16" "eight-statements $WORK/eight-statements.sql 8 4" \
             "eight-rows $HERE/rows.sql 8 16" "eight-rows $HERE/rows.sql 8 4"; do
    set -- $run
    tps=$(pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -M prepared -c "$4" -j 1 -T "$T" -D rows="$3" -f "$2" consult 2>&1 \
      | awk '/^tps/ { print $3 }')
    rate=$(awk -v t="$tps" -v n="$3" 'BEGIN { printf "%.1f", t * n }')
    reference=${reference:-$rate}
    printf "round %s  %-17s %2s clients  %8s submissions/s  x%s of the reference  load %s\n" "$round" "$1" "$4" "$rate" \
      "$(awk -v r="$rate" -v b="$reference" 'BEGIN { printf "%.2f", r / b }')" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
