#!/usr/bin/env bash
# A closing day at national scale (issue 17, item 3): 150,000 submissions over 24 simulated hours compressed into
# DAY_MINUTES real minutes (half of them in the last 3 hours, the last hour at 3x the average hour), across the
# three channels with one call-for-advice submission in ten through the GOV.UK pages, while 5 reviewers search and
# page the triage queue and the dispatcher, as in production, sends receipts to a local SMTP sink. Against the
# running jar (-Xmx256m) and a real PostgreSQL (Debian's 15, a cluster of its own in a temporary folder).
# Reports: lost (acknowledged references missing from the database), receipts (one each, none, more than one),
# intake p50/p99, triage search p95 at rest vs at the peak, outbox lag at the peak and the time to drain it after.
#   bash bench/closing-day/run.sh                          (full: 150,000 over 40 minutes; as root or a PostgreSQL user)
#   SCALE=0.05 DAY_MINUTES=5 bash bench/closing-day/run.sh (a quick smoke run)
# Settings: SCALE (1.0), DAY_MINUTES (40), HEAP (256m), DRAIN_WAIT seconds (900), KEEP=1 keeps the work folder
# (logs, acknowledged references, the sink's file, outbox samples), PORT_PG/PORT_APP/PORT_SMTP.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
ROOT=$(pwd)
HERE="$ROOT/bench/closing-day"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55377}
PORT_APP=${PORT_APP:-18377}
PORT_SMTP=${PORT_SMTP:-2577}
SCALE=${SCALE:-1.0}
DAY_MINUTES=${DAY_MINUTES:-40}
HEAP=${HEAP:-256m}
GENERATOR_NICE=${GENERATOR_NICE:-0}
DRAIN_WAIT=${DRAIN_WAIT:-900}
REVIEWERS=5
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
# Other benchmarks may run on this machine: refuse ports already taken rather than measure someone else's server.
for port in "$PORT_PG" "$PORT_APP" "$PORT_SMTP"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: set PORT_PG/PORT_APP/PORT_SMTP"; exit 1; fi
done
[ -f web-ui/target/consult.jar ] || ./mvnw -B -o -q package -DskipTests -Dexec.skip

WORK=$(mktemp -d /tmp/consult-closing-day.XXXXXX)
chmod 777 "$WORK"
cleanup() {
  for pid in ${SAMPLER_PID:-} ${APP_PID:-} ${SINK_PID:-}; do kill "$pid" 2>/dev/null || true; done
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -v ON_ERROR_STOP=1 -q)

as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=200 -c shared_buffers=512MB' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"
PG_VERSION=$(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -At -c "SHOW server_version")

# The SMTP sink: one line per message received, "recipient TAB reference".
: > "$WORK/sink.tsv"
java "$HERE/SmtpSink.java" "$PORT_SMTP" "$WORK/sink.tsv" > "$WORK/sink.log" 2>&1 &
SINK_PID=$!

ADMIN=closing.admin@example.org
PASS="closing day admin password $RANDOM$RANDOM"
METRICS_TOKEN="closing-day-metrics-$RANDOM$RANDOM$RANDOM$RANDOM"
mkdir -p "$WORK/app"
# Everything as in production except: the database, mail through the sink in clear text (it is on this host), no
# rate limit (every arrival comes from 127.0.0.1), readable log lines. The dispatcher, the embeddings worker and
# every other background job run with their defaults.
( cd "$WORK/app" && \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_BOOTSTRAP_ADMIN_EMAIL=$ADMIN CONSULT_BOOTSTRAP_ADMIN_PASSWORD="$PASS" \
  CONSULT_SMTP_HOST=127.0.0.1 CONSULT_SMTP_PORT=$PORT_SMTP CONSULT_SMTP_SECURITY=NONE \
  CONSULT_SMTP_EHLO_NAME=bench.example.org CONSULT_MAIL_FROM="Care Review <no-reply@review.example.org>" \
  CONSULT_BASE_URL="http://127.0.0.1:$PORT_APP" CONSULT_RATE_LIMIT_PER_MINUTE=0 CONSULT_LOG_FORMAT=text \
  CONSULT_METRICS_TOKEN="$METRICS_TOKEN" \
  MICRONAUT_SERVER_PORT=$PORT_APP \
  exec java -Xmx$HEAP -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 180); do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped"; tail -30 "$WORK/app.log"; exit 1; }
  curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break; sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || { echo "the application did not start"; tail -30 "$WORK/app.log"; exit 1; }
for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; grep -q 'Safeguarding check learned from' "$WORK/app.log" && break; sleep 1; done
grep -q 'Safeguarding check learned from' "$WORK/app.log" || { echo "the learned safeguarding check was not ready in 5 minutes"; exit 1; }
echo "app ready: $(grep -o 'Safeguarding check learned from.*' "$WORK/app.log" | head -1)"

# Set-up as staff would: the administrator's token, the application window open around the run, a participant
# link for each of the ten deep-dive areas, five reviewer accounts (the administrator's password, role REVIEWER).
API="http://127.0.0.1:$PORT_APP/api/v1"
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN\",\"password\":\"$PASS\"}" "$API/auth/login" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"opensAt\":\"$(date -d yesterday +%Y-%m-%d)T09:00\",\"closesAt\":\"$(date -d '+30 days' +%Y-%m-%d)T17:00\"}" \
  "$API/experts-by-experience/window" > "$WORK/window.json"
echo "application window: $(cat "$WORK/window.json")"
: > "$WORK/links.txt"
for slug in cumbria camden darlington nottinghamshire peterborough north-lincolnshire enfield southampton \
    bath-and-north-east-somerset wolverhampton; do
  link=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' \
    "$API/deep-dives/areas/$slug/links")
  echo "$link" | sed -E 's/.*"token":"([^"]+)".*/\1/' >> "$WORK/links.txt"
done
echo "participant links: $(wc -l < "$WORK/links.txt")"
EMAILS=""
for r in $(seq 1 $REVIEWERS); do
  "${PSQL[@]}" -c "INSERT INTO account (email, password_hash, created_at, updated_at) SELECT 'reviewer$r@example.org', \
    password_hash, now(), now() FROM account WHERE email = '$ADMIN'" \
    -c "INSERT INTO account_role (account_id, role) SELECT id, 'REVIEWER' FROM account WHERE email = 'reviewer$r@example.org'"
  EMAILS="$EMAILS${EMAILS:+,}reviewer$r@example.org"
done

# Every 5 s: epoch ms, unsent messages, age of the oldest unsent (s), submissions waiting for the learned safeguarding
# check (left to its queue while the model was busy), 1-minute load, and the service's own sockets in TIME-WAIT or
# FIN-WAIT-2: connections the service closed first in about the last minute (Linux keeps TIME-WAIT 60 s). Then the
# service's own counts (its /metrics): connections taken, and closed by it for no request, a stalled body or an idle
# keep-alive; and the kernel's (whole machine, since boot): accept-queue overflows, and resets sent for data that came
# to a socket already closed, or left unread in one being closed. Last, the service's open connections with bytes
# waiting unread in their receive queues (the service behind in reading its clients), those bytes, and how many of
# those connections had bytes waiting at the sample before too (unread for 5 s or more, or read and more sent).
scrape() {
  curl -s -m 3 -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$PORT_APP/metrics" | awk '
    /^consult_connections_opened_total / { o = $2 }
    /^consult_connections_closed_total\{reason="no_request"\}/ { n = $2 }
    /^consult_connections_closed_total\{reason="stalled_body"\}/ { b = $2 }
    /^consult_connections_closed_total\{reason="keep_alive"\}/ { k = $2 }
    END { if (o == "") print "? ? ? ?"; else printf "%d %d %d %d\n", o, n, b, k }'
}
kernel() {
  nstat -az 2>/dev/null | awk '$1 == "TcpExtListenOverflows" { l = $2 } $1 == "TcpExtTCPAbortOnData" { d = $2 }
    $1 == "TcpExtTCPAbortOnClose" { c = $2 } END { printf "%s %s %s\n", l == "" ? "?" : l, d == "" ? "?" : d, c == "" ? "?" : c }'
}
unread() {
  ss -Htn state established "( sport = :$PORT_APP )" 2>/dev/null | awk -v prev="$WORK/unread.prev" '
    BEGIN { while ((getline peer < prev) > 0) before[peer] = 1 }
    $1 > 0 { n++; bytes += $1; print $4 > (prev ".new"); if ($4 in before) held++ }
    END { printf "%d %d %d\n", n, bytes, held }'
  mv -f "$WORK/unread.prev.new" "$WORK/unread.prev" 2>/dev/null || : > "$WORK/unread.prev"
}
( while true; do
    row=$("${PSQL[@]}" -At -F ' ' -c "SELECT count(*), coalesce(round(extract(epoch FROM now() - min(created_at))::numeric, 1), 0), \
      (SELECT count(*) FROM safeguarding_check_queue) FROM outbox_message WHERE status IN ('CREATED', 'SENDING')" 2>/dev/null || echo "? ? ?")
    closed=$(ss -Htan state time-wait state fin-wait-2 "( sport = :$PORT_APP )" 2>/dev/null | wc -l)
    echo "$(date +%s%3N) $row $(cut -d' ' -f1 /proc/loadavg) $closed $(scrape) $(kernel) $(unread)" >> "$WORK/outbox.txt"
    sleep 5
  done ) &
SAMPLER_PID=$!

echo "== closing day: SCALE=$SCALE DAY_MINUTES=$DAY_MINUTES; PostgreSQL $PG_VERSION, $(nproc) cores, app -Xmx$HEAP, \
commit $(git rev-parse --short HEAD), generator nice $GENERATOR_NICE; load before: $(load) =="
# The generator shares the machine's two cores with the service and its database; in production the senders are
# elsewhere. GENERATOR_NICE (0) moves it in the CPU queue: at -10 (tried once, README "The generator ahead") it sent
# on time but the service, with less CPU, fell far further behind; at 0 the generator itself falls behind at an evening
# peak. Neither is the service alone: that needs the generator on another machine.
REVIEWER_PASSWORD="$PASS" nice -n "$GENERATOR_NICE" java "$HERE/ClosingDay.java" "http://127.0.0.1:$PORT_APP" "$SCALE" "$DAY_MINUTES" "$WORK" \
  "$WORK/links.txt" "$EMAILS" | tee "$WORK/report.txt"
echo "load at the end of the arrivals: $(load)"
grep -q 'OutOfMemoryError' "$WORK/app.log" && echo "the application ran out of memory: see its log" || true

# Drain: from the last arrival until nothing is waiting in the outbox (up to DRAIN_WAIT s).
start_ms=$(sed -n 's/^start_ms=//p' "$WORK/timing.txt"); hour_ms=$(sed -n 's/^hour_ms=//p' "$WORK/timing.txt")
last_ms=$(sed -n 's/^last_arrival_ms=//p' "$WORK/timing.txt")
deadline=$(( $(date +%s) + DRAIN_WAIT ))
drained_ms=""
while [ "$(date +%s)" -lt "$deadline" ]; do
  left=$("${PSQL[@]}" -At -c "SELECT count(*) FROM outbox_message WHERE status IN ('CREATED', 'SENDING')")
  if [ "$left" = 0 ]; then drained_ms=$(date +%s%3N); break; fi
  sleep 1
done
sleep 3 # the sink writes each message as it is accepted; give the last ones a moment
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
if [ -n "$drained_ms" ]; then
  echo "outbox drained $(awk -v d="$drained_ms" -v l="$last_ms" 'BEGIN { printf "%.1f", (d - l) / 1000 }') s after the last arrival (load $(load))"
else
  echo "outbox NOT drained $DRAIN_WAIT s after the answers: $("${PSQL[@]}" -At -c "SELECT count(*) FROM outbox_message WHERE status IN ('CREATED', 'SENDING')") waiting"
fi
awk -v s="$start_ms" -v h="$hour_ms" -v l="$last_ms" '
  $2 != "?" { hour = int(($1 - s) / h); if ($1 > l) hour = 24
    if (hour >= 0 && hour <= 20 && $3 > lag_rest) lag_rest = $3
    if ((hour == 21 || hour == 22) && $3 > lag_busy) { lag_busy = $3; n_busy = $2 }
    if (hour == 23 && $3 > lag_peak) { lag_peak = $3; n_peak = $2 }
    if (hour <= 23 && $2 > most) most = $2
    if (hour <= 23 && $4 > queued) queued = $4
    if (hour <= 23 && hour >= 0) { load += $5; samples++ }
    if (hour >= 0 && hour <= 20 && $6 > closed_rest) closed_rest = $6
    if (hour >= 21 && hour <= 23 && $6 > closed_peak) closed_peak = $6
    if (NF >= 16) { p = (hour >= 0 && hour <= 20) ? 1 : ((hour >= 21 && hour <= 23) ? 2 : 0)
      if (p && $14 > unread_n[p]) unread_n[p] = $14; if (p && $15 > unread_b[p]) unread_b[p] = $15
      if (p && $16 > unread_held[p]) unread_held[p] = $16 }
    # The counters (all since start-up or boot) at the first sample of the day, the last before hour 21, and the last
    # within 2 minutes of the last arrival (when the last answers came). A count not read ("?": a scrape that timed
    # out at the peak) is skipped.
    for (k = 7; k <= 13; k++) if ($k != "?") { if ($1 >= s && !(k in first)) first[k] = $k
      if (hour <= 20) rest[k] = $k; if ($1 <= l + 120000) peak[k] = $k } }
  END { printf "outbox lag (oldest unsent, sampled every 5 s): hours 0-20 max %.1f s | hours 21-22 max %.1f s (%d waiting) | " \
          "peak hour 23 max %.1f s (%d waiting) | most waiting during the day %d\n", lag_rest, lag_busy, n_busy, lag_peak, n_peak, most
        printf "learned safeguarding check: most submissions waiting in its queue (the model busy) during the day %d\n", queued
        printf "connections the service closed first in a minute (its sockets in TIME-WAIT or FIN-WAIT-2), most: " \
          "hours 0-20 %d | hours 21-23 %d\n", closed_rest, closed_peak
        if (samples) printf "mean 1-minute load during the arrivals: %.2f (%d samples)\n", load / samples, samples
        printf "connections the service took | closed itself for no request, a stalled body, an idle keep-alive: " \
          "hours 0-20 %d | %d, %d, %d; hours 21-23 %d | %d, %d, %d\n", rest[7] - first[7], rest[8] - first[8],
          rest[9] - first[9], rest[10] - first[10],
          peak[7] - rest[7], peak[8] - rest[8], peak[9] - rest[9], peak[10] - rest[10]
        printf "kernel, whole machine (accept-queue overflows, resets for data to a closed socket, resets on closing " \
          "with unread data): hours 0-20 %d, %d, %d; hours 21-23 %d, %d, %d\n", rest[11] - first[11],
          rest[12] - first[12], rest[13] - first[13], peak[11] - rest[11], peak[12] - rest[12], peak[13] - rest[13]
        printf "the service behind in reading, most at a sample (its connections with bytes unread, those bytes, of them " \
          "unread at the sample before too): hours 0-20 %d, %d, %d; hours 21-23 %d, %d, %d\n", unread_n[1], unread_b[1],
          unread_held[1], unread_n[2], unread_b[2], unread_held[2] }' "$WORK/outbox.txt"

# The learned check's queue: from the last arrival until every submission left to it has been read (up to DRAIN_WAIT s).
deadline=$(( $(date +%s) + DRAIN_WAIT ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  left=$("${PSQL[@]}" -At -c "SELECT count(*) FROM safeguarding_check_queue")
  if [ "$left" = 0 ]; then
    echo "learned check queue empty $(awk -v d="$(date +%s%3N)" -v l="$last_ms" 'BEGIN { printf "%.1f", (d - l) / 1000 }') s after the last arrival"
    break
  fi
  sleep 1
done
[ "$left" = 0 ] || echo "learned check queue NOT empty $DRAIN_WAIT s after the outbox: $left waiting"

# Lost and receipts: every acknowledged reference against the database, and against what the sink received.
"${PSQL[@]}" -c "CREATE TABLE bench_acked (reference text, channel text, email text)" \
  -c "\\copy bench_acked FROM '$WORK/acked.tsv'" \
  -c "CREATE TABLE bench_sink (recipient text, reference text)" -c "\\copy bench_sink FROM '$WORK/sink.tsv'"
"${PSQL[@]}" -At -F ' ' -c "SELECT 'lost: ' || a.channel || ' acknowledged=' || count(*) || ' in_database=' || count(s.id)
    || ' missing=' || (count(*) - count(s.id)) FROM bench_acked a LEFT JOIN submission s ON s.reference = a.reference
    GROUP BY a.channel ORDER BY a.channel" \
  -c "SELECT 'lost: total acknowledged=' || count(*) || ' missing=' || (count(*) - count(s.id)) FROM bench_acked a
    LEFT JOIN submission s ON s.reference = a.reference" \
  -c "WITH got AS (SELECT k.reference, count(*) n FROM bench_sink k JOIN bench_acked a ON a.reference = k.reference
      AND lower(k.recipient) = lower(a.email) GROUP BY k.reference)
    SELECT 'receipts (to the address given): ' || a.channel || ' with_email=' || count(*) || ' exactly_one=' || count(*) FILTER (WHERE g.n = 1)
      || ' none=' || count(*) FILTER (WHERE g.n IS NULL) || ' more_than_one=' || count(*) FILTER (WHERE g.n > 1)
    FROM bench_acked a LEFT JOIN got g ON g.reference = a.reference WHERE a.email <> '' GROUP BY a.channel ORDER BY a.channel" \
  -c "SELECT 'other messages naming an acknowledged reference (safeguarding alerts to administrators)=' || count(*)
    FROM bench_sink k JOIN bench_acked a ON a.reference = k.reference WHERE lower(k.recipient) <> lower(a.email)" \
  -c "SELECT 'receipts: acknowledged without an email (none expected)=' || count(*) || ', of them received=' ||
    count(k.reference) FROM bench_acked a LEFT JOIN (SELECT DISTINCT reference FROM bench_sink) k ON k.reference = a.reference
    WHERE a.email = ''" \
  -c "SELECT 'stored but not acknowledged (the answer was a 503 after the commit, or the connection failed)=' ||
    (SELECT count(*) FROM submission) - (SELECT count(*) FROM bench_acked)" \
  -c "SELECT 'sink: messages=' || count(*) || ' without a reference=' || count(*) FILTER (WHERE reference = '') FROM bench_sink" \
  -c "SELECT 'outbox: ' || status || '=' || count(*) FROM outbox_message GROUP BY status ORDER BY status" \
  -c "SELECT 'stored: ' || kind || ' ' || status || (CASE WHEN safeguarding THEN ' flagged' ELSE '' END) || '=' || count(*)
    FROM submission GROUP BY kind, status, safeguarding ORDER BY 1"
echo "load at the end: $(load); app log: $(grep -c ' ERROR ' "$WORK/app.log" || true) ERROR lines, $(grep -c ' WARN ' "$WORK/app.log" || true) WARN lines"
