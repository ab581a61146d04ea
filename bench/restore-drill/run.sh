#!/usr/bin/env bash
# Restore drill (docs/deployment.md, "Backups"): a backup is only a backup once it has been restored.
#   1. a throwaway PostgreSQL (Debian's, a cluster of its own in a temporary folder);
#   2. the application's own migrations (the jar, started against it), a few submissions through its API (with
#      their emails in the outbox, idempotency keys, audit rows) and SEED more submissions (bench/triage/seed.sql);
#   3. pg_dump in the custom format, as for the nightly backup;
#   4. pg_restore into a new, empty database;
#   5. the exact row count of every table in both, side by side: exit 1 if any differs (or a table is missing).
#   bash bench/restore-drill/run.sh        (as root, or a user who can run Debian's PostgreSQL; SEED=2000, BREAK=table)
# RestoreDrillTest (db module) makes the same check on every build.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PORT_PG=${PORT_PG:-55435}
PORT_APP=${PORT_APP:-18083}
SEED=${SEED:-2000}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/postgres" ] || [ ! -x "$PGBIN/pg_dump" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
build_jar_if_stale

WORK=$(mktemp -d /tmp/consult-restore-drill.XXXXXX)
chmod 777 "$WORK"
cleanup() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
started=$(date +%s%N)
psql_on() { local db=$1; shift; "$PGBIN/psql" -h 127.0.0.1 -p "$PORT_PG" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"; }

as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=50' -w start" >/dev/null
psql_on postgres -c "CREATE DATABASE consult"
echo "PostgreSQL $(psql_on postgres -At -c 'SHOW server_version'), $("$PGBIN/pg_dump" --version)"

# 2. The application migrates the database at start-up; a few submissions go through its API.
mkdir -p "$WORK/app"
( cd "$WORK/app" && \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="drill-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="drill:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=drill \
  CONSULT_BOOTSTRAP_ADMIN_EMAIL=drill.admin@example.org CONSULT_BOOTSTRAP_ADMIN_PASSWORD="drill password $RANDOM$RANDOM" \
  CONSULT_ADVICE_MINIMUM_TIME=0s MICRONAUT_SERVER_PORT=$PORT_APP CONSULT_MAIL_FOLDER="$WORK/mail" \
  exec java -Xmx256m -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || { echo "the application did not start"; tail -20 "$WORK/app.log"; exit 1; }
sent=0
for i in $(seq 1 10); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT_APP/api/v1/call-for-advice/submissions" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: drill-$i-$RANDOM$RANDOM" \
    -d "{\"respondentType\":\"CARE_EXPERIENCED\",\"keyQuestions\":\"Why do children move so often? ($i)\",
         \"themes\":[\"CARE\"],\"contactEmail\":\"drill$i@example.org\",\"consentToContact\":true,\"consentToPublish\":false}")
  case "$code" in 200|201) sent=$((sent + 1)) ;; *) echo "submission $i: HTTP $code" ;; esac
done
echo "submissions through the API: $sent of 10 accepted"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
psql_on consult -v from=1 -v to="$SEED" -v total="$SEED" -f bench/triage/seed.sql >/dev/null
psql_on consult -c "ANALYZE"

# 3 and 4. Dump (custom format), restore into an empty database.
t0=$(date +%s%N)
"$PGBIN/pg_dump" -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult --format=custom --file="$WORK/consult.dump"
t1=$(date +%s%N)
psql_on postgres -c "CREATE DATABASE consult_restored"
"$PGBIN/pg_restore" -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult_restored --exit-on-error --no-owner "$WORK/consult.dump"
t2=$(date +%s%N)

# BREAK=<table> deletes one row of that table from the restored copy: the drill must then fail (a check of the check).
if [ -n "${BREAK:-}" ]; then psql_on consult_restored -c "DELETE FROM $BREAK WHERE ctid = (SELECT min(ctid) FROM $BREAK)"; fi

# 5. Every table's exact row count, in both.
counts() {
  psql_on "$1" -At -F' ' <<'SQL'
SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1
\gexec
SQL
}
counts consult | LC_ALL=C sort > "$WORK/before.txt"
counts consult_restored | LC_ALL=C sort > "$WORK/after.txt"
printf '%-40s %10s %10s\n' table original restored
LC_ALL=C join -a1 -a2 -e MISSING -o 0,1.2,2.2 "$WORK/before.txt" "$WORK/after.txt" > "$WORK/both.txt"
bad=0; tables=0; rows=0
while read -r table before after; do
  tables=$((tables + 1))
  mark=""; if [ "$before" != "$after" ]; then mark="  <-- differs"; bad=$((bad + 1)); else rows=$((rows + before)); fi
  printf '%-40s %10s %10s%s\n' "$table" "$before" "$after" "$mark"
done < "$WORK/both.txt"
ms() { echo $(( ($2 - $1) / 1000000 )); }
echo "dump: $(du -h "$WORK/consult.dump" | cut -f1) in $(ms "$t0" "$t1") ms; restore: $(ms "$t1" "$t2") ms; whole drill: $(ms "$started" "$(date +%s%N)") ms"
if [ "$bad" -gt 0 ]; then
  echo "RESTORE DRILL FAILED: $bad of $tables tables differ"
  exit 1
fi
echo "restore drill passed: $tables tables, $rows rows, every count the same"
