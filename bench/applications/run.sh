#!/usr/bin/env bash
# Experts by Experience application benchmark: the review's real deadline load (1,011 applications) spread
# evenly over 60 s in an open arrival model, then ten times that in the same 60 s, against the running jar
# and a real PostgreSQL (Debian's 15, a cluster of its own in a temporary folder). Prints p50/p99 latency,
# throughput, and checks that every acknowledged reference is in the database with one receipt queued.
#   bash bench/applications/run.sh            (as root, or a user who can run Debian's PostgreSQL)
#   bash bench/applications/run.sh surge      the deadline surge at x100 for the full 10 minutes: 101,100
#                                             applications at an even 168.5/s for 600 s
# PG_EXTRA and JAVA_EXTRA add server settings and JVM flags (e.g. PG_EXTRA='-c log_min_duration_statement=500',
# JAVA_EXTRA=-Xlog:gc:file=/tmp/gc.log). PLAN="COUNT:SECONDS ..." replaces the plan (e.g. PLAN=20220:120, the
# surge's rate for two minutes, or PLAN="10110:120 101100:600", the surge after two minutes at half its rate, as on
# a node already serving the closing day's rise); KEEP=1 keeps the temporary folder (the application's and
# PostgreSQL's logs, and vmstat's, one line a second during each step). DRAIN_WAIT: the longest wait, in seconds,
# for the learned check to read what a step left to its queue (1800). DISCLOSURE_EVERY=n: every n-th application
# tells of harm in words the lead's phrase list catches, an administrator stands in for the lead (the alerts go to
# administrators when there is no lead), and each step reports how soon after each of those was acknowledged its
# alert was sent (waiting up to ALERT_WAIT seconds, 600, for the last).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55432}
PORT_APP=${PORT_APP:-18080}
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
build_jar_if_stale
case "${1:-}" in
  surge) DEFAULT_PLAN="101100:600" ;;
  '') DEFAULT_PLAN="1011:60 10110:60" ;;
  *) echo "usage: bash bench/applications/run.sh [surge]" >&2; exit 2 ;;
esac
PLAN=${PLAN:-$DEFAULT_PLAN}

WORK=$(mktemp -d /tmp/consult-bench.XXXXXX)
chmod 777 "$WORK"
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=200 ${PG_EXTRA:-}' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"
PG_VERSION=$(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -At -c "SHOW server_version")

mkdir -p "$WORK/app"
ADMIN_ENV=()
if [ "${DISCLOSURE_EVERY:-0}" -gt 0 ]; then
  ADMIN_ENV=(CONSULT_BOOTSTRAP_ADMIN_EMAIL=lead@bench.example.org "CONSULT_BOOTSTRAP_ADMIN_PASSWORD=bench-$(date +%s%N)")
fi
( cd "$WORK/app" && \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres CONSULT_MAIL_WRITE_FILES=true \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_RATE_LIMIT_PER_MINUTE=0 MICRONAUT_SERVER_PORT=$PORT_APP CONSULT_MAIL_FOLDER="$WORK/mail" \
  exec env "${ADMIN_ENV[@]}" java -Xmx1g ${JAVA_EXTRA:-} -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || { echo "the application did not start"; tail -20 "$WORK/app.log"; exit 1; }

# The learned safeguarding check loads in the background; until it has, submissions are queued for it instead of
# read. Measure a node that has been up for a while.
for _ in $(seq 1 300); do
  [ "${CONSULT_SAFEGUARDING_LEARNED_ENABLED:-}" != false ] || break
  grep -q -e 'Safeguarding check learned from' -e 'safeguarding model could not be loaded' "$WORK/app.log" && break
  sleep 1
done
echo "PostgreSQL $PG_VERSION, $(nproc) cores, app on :$PORT_APP, learned check: \
$(grep -q 'Safeguarding check learned from' "$WORK/app.log" && echo ready || echo NOT ready)"
# How soon after each disclosure was acknowledged the lead's alert for it was sent, once every one has been (or
# ALERT_WAIT seconds have passed), beside how many receipts queued before the last alert was sent were still waiting
# then.
report_alerts() {
  local q=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -At) waited=0 unsent
  "${q[@]}" -q -c "CREATE TABLE IF NOT EXISTS disclosed (reference text)" -c "TRUNCATE disclosed" \
    -c "\\copy disclosed FROM '$1'"
  while :; do
    unsent=$("${q[@]}" -c "SELECT count(*) FROM disclosed d WHERE NOT EXISTS (SELECT 1 FROM outbox_message o
      WHERE o.template = 'safeguarding-alert' AND o.fields->>'reference' = d.reference AND o.status = 'SENT')")
    [ "$unsent" = 0 ] || [ "$waited" -ge "${ALERT_WAIT:-600}" ] && break
    sleep 5; waited=$((waited + 5))
  done
  "${q[@]}" -c "SELECT 'disclosures=' || count(DISTINCT d.reference) || ' alerts_sent=' || count(o.sent_at)
      || ' alert_after_acknowledged_s p50=' || coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY
         extract(epoch FROM o.sent_at - s.submitted_at))::numeric, 1)::text, '-')
      || ' max=' || coalesce(round(max(extract(epoch FROM o.sent_at - s.submitted_at))::numeric, 1)::text, '-')
      || ' (alerts queued in all: ' || (SELECT count(*) FROM outbox_message WHERE template = 'safeguarding-alert')
      || '; receipts queued before the last alert went and still waiting then: ' || (SELECT count(*)
         FROM outbox_message r WHERE r.template = 'ebe-receipt' AND r.created_at <= max(o.sent_at)
         AND (r.sent_at IS NULL OR r.sent_at > max(o.sent_at))) || ')'
    FROM disclosed d JOIN submission s ON s.reference = d.reference
    LEFT JOIN outbox_message o ON o.template = 'safeguarding-alert' AND o.fields->>'reference' = d.reference
      AND o.status = 'SENT'"
}

for STEP in $PLAN; do
  COUNT=${STEP%%:*}; SECONDS_=${STEP##*:}
  echo "== $COUNT applications over $SECONDS_ s (load before: $(cut -d' ' -f1-3 /proc/loadavg)) =="
  vmstat -t 1 > "$WORK/vmstat-$COUNT.txt" 2>/dev/null & VMSTAT=$!
  java "$ROOT/bench/applications/ApplicationLoad.java" "http://127.0.0.1:$PORT_APP" "$COUNT" "$SECONDS_" "$WORK/refs-$COUNT.txt" "${DISCLOSURE_EVERY:-0}"
  kill "$VMSTAT" 2>/dev/null || true
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -q -c "CREATE TEMP TABLE acked (reference text)" \
    -c "\\copy acked FROM '$WORK/refs-$COUNT.txt'" \
    -At -c "SELECT 'acknowledged=' || count(*) || ' found_in_database=' || count(s.id) || ' missing=' || (count(*) - count(s.id)) FROM acked a LEFT JOIN submission s ON s.reference = a.reference" \
    -c "SELECT 'receipts_queued=' || count(DISTINCT o.fields->>'reference') || ' receipts_per_reference_max=' || coalesce(max(n), 0) FROM (SELECT fields, count(*) OVER (PARTITION BY fields->>'reference') AS n FROM outbox_message WHERE template = 'ebe-receipt' AND fields->>'reference' IN (SELECT reference FROM acked)) o"
  # Submissions left to the learned safeguarding check's queue while the model was busy: how many, and how long
  # after the last arrival the check had read them all (up to DRAIN_WAIT seconds, 30 minutes unless set).
  queued_at_end=$(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -At -c "SELECT count(*) FROM safeguarding_check_queue")
  started=$(date +%s); left=$queued_at_end
  while [ "$left" != 0 ] && [ $(( $(date +%s) - started )) -lt "${DRAIN_WAIT:-1800}" ]; do
    sleep 5; left=$(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -At -c "SELECT count(*) FROM safeguarding_check_queue")
  done
  echo "learned_check_queue_at_end=$queued_at_end read_all_after_s=$( [ "$left" = 0 ] && echo $(( $(date +%s) - started )) \
    || echo "not within ${DRAIN_WAIT:-1800} ($left left)")"
  if [ "${DISCLOSURE_EVERY:-0}" -gt 0 ]; then report_alerts "$WORK/refs-$COUNT.txt.disclosures"; fi
done
