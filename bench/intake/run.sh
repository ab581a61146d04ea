#!/usr/bin/env bash
# Intake throughput against a reference measured in the same run, on the same server. The running jar and a real
# PostgreSQL (Debian's 15, a cluster of its own in a temporary folder, durable as in production: fsync on):
#   reference  pgbench, the four rows a call-for-advice submission needs written as directly as PostgreSQL allows,
#              one transaction each (intake.sql), before and after the application's run
#   app        wrk POSTing new call-for-advice submissions (intake.lua) to /api/v1/call-for-advice/submissions,
#              10 s of warm-up not counted (40 s before the first run), then more in 10 s steps while the JIT
#              compilers are still busy with the hot path (each step printed), then 30 s measured; only 201s count
# with the same number of clients for both. Prints the rates, the ratio app / reference (mean of the two), the
# app's p50/p99 latency, CPU per submission of the application and of PostgreSQL (utime + stime from /proc), what
# else the machine was doing, and checks that every accepted submission and its receipt are in the database.
#   bash bench/intake/run.sh [runs]      (as root, or a user who can run Debian's PostgreSQL and has wrk)
# runs (default 1) repeats reference / app / reference on the same cluster and application, a line per run.
# Settings: CLIENTS (16), WARMUP (10 s), FIRST_WARMUP (40 s), JIT_QUIET (0.10 of a core) and JIT_WAIT (300 s: warm on
# while the compilers use more, at most that long), DURATION (30 s), HEAP (256m), PORT_PG, PORT_APP, QUIET_LOAD (1.5:
# wait up to QUIET_WAIT seconds, 120, for the machine's 1-minute load to drop under it before each run), LEARNED_CHECK (true,
# as in production; false screens by phrases alone), ADDRESSES (one: every request from 127.0.0.1, so all count
# against one rate-limit row; many: each from an address of its own, given in X-Forwarded-For, which the application
# then trusts, as behind production's proxy), DISPATCH_INTERVAL (1s: the outbox dispatcher's rest after each 1,000
# receipts, see below), KEEP=1 keeps the temporary folder with the logs.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUNS=${1:-1}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55451}
PORT_APP=${PORT_APP:-18091}
CLIENTS=${CLIENTS:-16}
WARMUP=${WARMUP:-10}
FIRST_WARMUP=${FIRST_WARMUP:-40}
DURATION=${DURATION:-30}
HEAP=${HEAP:-256m}
QUIET_LOAD=${QUIET_LOAD:-1.5}
QUIET_WAIT=${QUIET_WAIT:-120}
DRAIN_WAIT=${DRAIN_WAIT:-300}
DISPATCH_INTERVAL=${DISPATCH_INTERVAL:-1s}
JIT_QUIET=${JIT_QUIET:-0.10}
JIT_WAIT=${JIT_WAIT:-300}
LEARNED_CHECK=${LEARNED_CHECK:-true}
ADDRESSES=${ADDRESSES:-one}
case "$ADDRESSES" in one) SPREAD=;; many) SPREAD=spread;; *) echo "ADDRESSES is one or many" >&2; exit 2;; esac
case "$RUNS" in ''|*[!0-9]*|0) echo "usage: bash bench/intake/run.sh [runs]   (runs: a whole number, at least 1)" >&2; exit 2;; esac

install_package() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$1 is missing: run this as root (it installs it with apt-get), or install $1 yourself" >&2; exit 1
  fi
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1"
}
[ -x "$PGBIN/postgres" ] || install_package postgresql
command -v pgbench >/dev/null || install_package postgresql-client
command -v wrk >/dev/null || install_package wrk
build_jar_if_stale
for port in "$PORT_PG" "$PORT_APP"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use: set PORT_PG / PORT_APP to free ports" >&2; exit 1
  fi
done

WORK=$(mktemp -d /tmp/consult-intake-bench.XXXXXX)
chmod 777 "$WORK"
stop_app() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi
}
cleanup() {
  stop_app
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $WORK (app.log, pg.log, wrk and pgbench output)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -v ON_ERROR_STOP=1 -q -At)

# PostgreSQL as Debian installs it, with its defaults (fsync, synchronous_commit and full_page_writes on), except
# for the connections: the application's pool (10) and the clients of either workload fit with room to spare.
as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=64 ${PG_EXTRA:-}' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"
PG_VERSION=$("${PSQL[@]}" -c "SHOW server_version")
PG_SETTINGS=$("${PSQL[@]}" -F= -c "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', \
  'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections') ORDER BY name" | paste -sd' ')
POSTMASTER=$(head -1 "$WORK/pg/postmaster.pid")

# The application as in production (the learned safeguarding check inside each request, the outbox dispatcher
# sending the receipts, here to files), with the rate limit counted but never refusing, and the background jobs that
# would compete for the two cores switched off. Every switch a job has is listed, so none is forgotten. The
# dispatcher rests DISPATCH_INTERVAL (1 s; production's 10 s) after each 1,000 receipts: at 10 s it sends about 100 a
# second, a tenth of what the runs queue, so their receipts were sent in the runs and references after them (the
# reference's PostgreSQL paying for them) instead of being counted in the run that queued them.
mkdir -p "$WORK/app"
METRICS_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
( cd "$WORK/app" && \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_MAIL_WRITE_FILES=true CONSULT_MAIL_FOLDER="$WORK/mail" CONSULT_RATE_LIMIT_PER_MINUTE=100000000 \
  CONSULT_NOTIFICATIONS_DISPATCH_INTERVAL="$DISPATCH_INTERVAL" \
  CONSULT_METRICS_TOKEN="$METRICS_TOKEN" \
  CONSULT_EMBEDDINGS_ENABLED=false CONSULT_SUGGESTIONS_ENABLED=false CONSULT_CAMPAIGNS_ENABLED=false \
  CONSULT_SIMILAR_WARM_UP=false CONSULT_REDACTION_SWEEP_ENABLED=false CONSULT_RETENTION_PURGE_ENABLED=false \
  CONSULT_DRAFTS_PURGE_ENABLED=false CONSULT_RATE_LIMIT_PURGE_ENABLED=false CONSULT_EXPERTS_REMINDERS_ENABLED=false \
  CONSULT_SAFEGUARDING_LEARNED_QUEUE_ENABLED=false CONSULT_SAFEGUARDING_LEARNED_ENABLED="$LEARNED_CHECK" \
  CONSULT_TRUST_FORWARDED_FOR=$([ -n "$SPREAD" ] && echo true || echo false) \
  MICRONAUT_SERVER_PORT=$PORT_APP \
  exec java -Xmx"$HEAP" ${JAVA_EXTRA:-} -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
app_failed() {
  echo "the application did not start ($1); the end of its log:" >&2
  tail -30 "$WORK/app.log" >&2
  exit 1
}
for _ in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || app_failed "it exited"
  curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || app_failed "no answer from /health in 120 s"
# The learned check loads its model and learns in the background; until then every submission would be queued for
# it instead of read. Measure only once it reads them, as a node that has been up for a while does.
LEARNED="off (LEARNED_CHECK=$LEARNED_CHECK): phrases only"
[ "$LEARNED_CHECK" = false ] || LEARNED="not ready after 300 s: submissions are queued for it (the queue job is off), the figures are not representative"
for _ in $(seq 1 300); do
  [ "$LEARNED_CHECK" = false ] && break
  if grep -q 'Safeguarding check learned from' "$WORK/app.log"; then LEARNED="ready"; break; fi
  if grep -q 'safeguarding model could not be loaded' "$WORK/app.log"; then LEARNED="FAILED to load: phrases only"; break; fi
  kill -0 "$APP_PID" 2>/dev/null || app_failed "it exited"
  sleep 1
done
"${PSQL[@]}" -c "CREATE SEQUENCE bench_intake_reference"

CLK_TCK=$(getconf CLK_TCK)
# utime + stime of a process in clock ticks (fields 14 and 15 of /proc/PID/stat); with "reaped", also those of
# its children that ended and were waited for (16 and 17): the postmaster's hold every backend that has ended.
ticks() {
  local stat f
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  read -r -a f <<< "${stat##*) }"   # f[0] is field 3
  if [ "${2:-}" = reaped ]; then echo $(( f[11] + f[12] + f[13] + f[14] )); else echo $(( f[11] + f[12] )); fi
}
# The whole cluster: the postmaster (with its ended children) and every process it runs now.
pg_ticks() {
  local total c
  total=$(ticks "$POSTMASTER" reaped)
  for c in $(pgrep -P "$POSTMASTER"); do total=$(( total + $(ticks "$c") )); done
  echo "$total"
}
# Every thread of the application: id, utime + stime, name (the kernel keeps 15 characters of it).
thread_ticks() {
  local t stat f name
  for t in /proc/"$APP_PID"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    name=${stat#*(}; name=${name%)*}
    read -r -a f <<< "${stat##*) }"
    echo "${t##*/} $(( f[11] + f[12] )) ${name// /_}"
  done
}
# The machine's busy and total CPU ticks, all cores (the first line of /proc/stat).
machine() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit }' /proc/stat; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
quiet() {
  for _ in $(seq 1 $(( QUIET_WAIT / 5 ))); do awk -v l="$QUIET_LOAD" '{ exit !($1 < l) }' /proc/loadavg && return 0; sleep 5; done
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Cores busy in a window: the machine's, and the part of it that was not ours (app, PostgreSQL, the client).
others() {  # busy0 total0 busy1 total1 ours (ticks, an expression)
  calc "%.2f of %d cores busy, %.2f of them not this bench's" "($3 - $1) / ($4 - $2) * $(nproc), $(nproc), \
    (($3 - $1) - ($5)) / ($4 - $2) * $(nproc)"
}

reference() {  # label -> REF_TPS, prints a line
  local out="$WORK/pgbench-$1.txt" tf="$WORK/pgbench-$1.time" p0 p1 b0 t0 b1 t1 tx failed wall user sys
  read -r b0 t0 < <(machine); p0=$(pg_ticks)
  if ! { TIMEFORMAT='%R %U %S'; time pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -M prepared -c "$CLIENTS" -j 1 \
      -T "$DURATION" -f "$ROOT/bench/intake/intake.sql" consult > "$out" 2>&1; } 2> "$tf"; then
    echo "pgbench failed:" >&2; cat "$out" >&2; exit 1
  fi
  sleep 0.5   # its backends end and are reaped, so their CPU is in the postmaster's
  p1=$(pg_ticks); read -r b1 t1 < <(machine)
  tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  REF_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out")
  read -r wall user sys < "$tf"
  if [ -z "$tx" ] || [ -z "$REF_TPS" ] || [ "${failed:-0}" != 0 ]; then
    echo "pgbench did not run cleanly:" >&2; cat "$out" >&2; exit 1
  fi
  echo "  reference $1: $(calc %.1f "$REF_TPS") tx/s ($tx transactions, ${failed:-0} failed), CPU per transaction: \
PostgreSQL $(calc %.2f "($p1 - $p0) * 1000 / $CLK_TCK / $tx") ms, pgbench $(calc %.2f "($user + $sys) * 1000 / $tx") ms; \
machine $(others "$b0" "$t0" "$b1" "$t1" "$(( p1 - p0 )) + ($user + $sys) * $CLK_TCK")"
}

warm() {  # nonce seconds output: the same load as a run, not counted
  wrk -t1 -c"$CLIENTS" -d"${2}s" --timeout 30s -s "$ROOT/bench/intake/intake.lua" \
    "http://127.0.0.1:$PORT_APP" -- "$1" $SPREAD > "$3" 2>&1 || { cat "$3" >&2; exit 1; }
}
# CPU ticks of the application's JIT compiler threads (C1 and C2).
compiler_ticks() { thread_ticks | awk '$3 ~ /^C[12]_Compiler/ { t += $2 } END { print t + 0 }'; }
# A new JVM compiles the request path's 2,500 or so methods with C2 for its first 70 to 110 s at full load
# on two cores (one C2 thread, sharing them with the requests). Until its compilers go quiet, a run measures the JIT
# as much as the intake: warm on in 10 s steps while they used more than JIT_QUIET of a core, at most JIT_WAIT s,
# and print each step, so the cold node's figures are in the output beside the warm ones.
warm_until_compiled() {  # nonce run
  local c0 c1 share step=0 waited=0 line
  while [ "$waited" -lt "$JIT_WAIT" ]; do
    c0=$(compiler_ticks)
    warm "$1s$step" 10 "$WORK/warm-$2-$step.txt"
    c1=$(compiler_ticks)
    share=$(calc %.2f "($c1 - $c0) / $CLK_TCK / 10")
    line=$(grep '^intake answers' "$WORK/warm-$2-$step.txt" | sed -E 's/.* accepted=([0-9]+) seconds=([0-9.]+).*/\1 \2/')
    echo "  warming on: $(calc %.0f "${line% *} / ${line#* }") accepted/s, JIT compilers $share of a core"
    awk -v s="$share" -v q="$JIT_QUIET" 'BEGIN { exit !(s < q) }' && return
    step=$(( step + 1 )); waited=$(( waited + 10 ))
  done
  echo "  the JIT compilers were still busy after $JIT_WAIT s more: this run measures them too"
}

app() {  # run number -> APP_RATE, P50, P99, APP_MS, PGA_MS, prints lines
  local nonce out="$WORK/wrk-$1.txt" tf="$WORK/wrk-$1.time" a0 a1 p0 p1 b0 t0 b1 t1 wall user sys line accepted seconds
  local mark warmup=$WARMUP
  [ "$1" = 1 ] && warmup=$FIRST_WARMUP
  nonce="r$1x$(printf '%04x%04x' $RANDOM $RANDOM)"
  warm "w$nonce" "$warmup" "$WORK/warm-$1.txt"
  echo "  warm-up ($warmup s, not counted): $(grep '^intake answers' "$WORK/warm-$1.txt" | cut -d' ' -f2-4)"
  warm_until_compiled "w$nonce" "$1"
  mark=$(wc -l < "$WORK/app.log")
  thread_ticks > "$WORK/threads-$1.before"
  read -r b0 t0 < <(machine); a0=$(ticks "$APP_PID"); p0=$(pg_ticks)
  { TIMEFORMAT='%R %U %S'; time wrk -t1 -c"$CLIENTS" -d"${DURATION}s" --timeout 30s -s "$ROOT/bench/intake/intake.lua" \
      "http://127.0.0.1:$PORT_APP" -- "$nonce" $SPREAD > "$out" 2>&1; } 2> "$tf" || { cat "$out" >&2; exit 1; }
  a1=$(ticks "$APP_PID"); p1=$(pg_ticks); read -r b1 t1 < <(machine)
  thread_ticks > "$WORK/threads-$1.after"
  read -r wall user sys < "$tf"
  line=$(grep '^intake answers' "$out") || { echo "wrk printed no result:" >&2; cat "$out" >&2; exit 1; }
  accepted=$(sed -E 's/.* accepted=([0-9]+).*/\1/' <<< "$line")
  seconds=$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<< "$line")
  P50=$(sed -E 's/.* p50_ms=([0-9.]+).*/\1/' <<< "$line")
  P99=$(sed -E 's/.* p99_ms=([0-9.]+).*/\1/' <<< "$line")
  [ "$accepted" -gt 0 ] || { echo "no submission was accepted:" >&2; cat "$out" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
  APP_RATE=$(calc %.2f "$accepted / $seconds")
  APP_MS=$(calc %.2f "($a1 - $a0) * 1000 / $CLK_TCK / $accepted")
  PGA_MS=$(calc %.2f "($p1 - $p0) * 1000 / $CLK_TCK / $accepted")
  echo "  app: $APP_RATE accepted/s ($line)"
  grep '^intake first other' "$out" | sed 's/^/  /' || true
  APP_MACHINE=$(others "$b0" "$t0" "$b1" "$t1" "$(( (a1 - a0) + (p1 - p0) )) + ($user + $sys) * $CLK_TCK")
  echo "  app CPU per accepted submission: application $APP_MS ms, PostgreSQL $PGA_MS ms, wrk \
$(calc %.2f "($user + $sys) * 1000 / $accepted") ms; machine $APP_MACHINE"
  # Where the application's CPU went: its threads, grouped by name without their numbers.
  echo "  application threads, CPU ms per accepted submission: $(awk -v n="$accepted" -v hz="$CLK_TCK" '
    NR == FNR { before[$1] = $2; next }
    { name = $3; gsub(/[0-9]+$/, "", name); used[name] += $2 - ($1 in before ? before[$1] : 0) }
    END { for (k in used) if (used[k] > 0) printf "%s %.2f\n", k, used[k] * 1000 / hz / n }' \
    "$WORK/threads-$1.before" "$WORK/threads-$1.after" | sort -k2 -rn | head -6 | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')"
  local problems
  problems=$(tail -n +"$((mark + 1))" "$WORK/app.log" | grep -c '"level":"\(WARN\|ERROR\)"' || true)
  echo "  application log while measuring: $problems warnings or errors"
  [ "$problems" = 0 ] || tail -n +"$((mark + 1))" "$WORK/app.log" | grep '"level":"\(WARN\|ERROR\)"' \
    | sed -E 's/.*"loggerName":"([^"]*)".*"formattedMessage":"(.{0,200}).*/\1: \2/' | sort | uniq -c | sort -rn | head -5 | sed 's/^/   /'
  # Durability: every accepted submission and its receipt are stored (rows of requests wrk gave up on at the end
  # of the 30 s may be there too, so "at least").
  local stored
  stored=$("${PSQL[@]}" -F' ' -c "SELECT count(*), count(*) FILTER (WHERE s.safeguarding), count(q.submission_id), \
      round(avg(length(s.search_text))), (SELECT count(*) FROM outbox_message WHERE recipient LIKE 'p$nonce-%') \
    FROM submission s JOIN advice_submission a ON a.submission_id = s.id \
    LEFT JOIN safeguarding_check_queue q ON q.submission_id = s.id \
    WHERE s.kind = 'CALL_FOR_ADVICE' AND a.contact_email LIKE 'p$nonce-%'")
  read -r SUBS FLAGGED QUEUED TEXT OUTBOX <<< "$stored"
  DURABLE=$([ "$SUBS" -ge "$accepted" ] && [ "$OUTBOX" -ge "$accepted" ] && echo yes || echo NO)
  echo "  durability: $accepted accepted; in the database for this run: $SUBS call-for-advice submissions, $OUTBOX \
outbox messages ($DURABLE, both >= accepted); all call-for-advice submissions in the database: \
$("${PSQL[@]}" -c "SELECT count(*) || ' (' || count(*) FILTER (WHERE reference ~ '^CFA-0') || ' from pgbench)' \
FROM submission WHERE kind = 'CALL_FOR_ADVICE'")"
  echo "  this run's submissions: $FLAGGED flagged by screening, $QUEUED waiting for the learned check, search text \
$TEXT characters on average (reference: $("${PSQL[@]}" -c "SELECT round(avg(length(search_text))) FROM submission \
WHERE reference ~ '^CFA-0'"))"
  ACCEPTED=$accepted
}

# The application's dispatcher sends the receipts (1,000 at most, then DISPATCH_INTERVAL's rest): wait for it to
# finish what this run queued, so it does not run beside the reference.
drain() {
  local waiting start=$SECONDS
  while :; do
    waiting=$("${PSQL[@]}" -c "SELECT count(*) FROM outbox_message WHERE status IN ('CREATED', 'SENDING') \
      AND next_attempt_at < now() + interval '1 day'")
    [ "$waiting" = 0 ] && { echo "  outbox: every receipt sent $(( SECONDS - start )) s after the run"; return; }
    [ $(( SECONDS - start )) -ge "$DRAIN_WAIT" ] && { echo "  outbox: $waiting receipts still waiting after $DRAIN_WAIT s"; return; }
    sleep 2
  done
}

echo "PostgreSQL $PG_VERSION ($PG_SETTINGS), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
echo "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx$HEAP, learned safeguarding check $LEARNED; commit \
$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- api db notifications web-ui 2>/dev/null || echo ' (with uncommitted changes)')"
echo "Background jobs on: outbox dispatcher (resting $DISPATCH_INTERVAL after each 1,000, to files), outbox retention (hourly); off: embeddings, tag \
suggestions, campaign grouping, similar warm-up, redaction sweep, retention purge, drafts purge, rate-limit purge, \
deadline reminders, learned-check queue"
echo "Clients: $CLIENTS (wrk -t1 -c$CLIENTS; pgbench -c$CLIENTS -j1), warm-up $WARMUP s ($FIRST_WARMUP s before the first run) and on while the JIT compilers use more than $JIT_QUIET of a core (at most $JIT_WAIT s more), measured $DURATION s each; \
$([ -n "$SPREAD" ] && echo "every request from an address of its own (X-Forwarded-For, trusted)" || echo "every request from one address (127.0.0.1)")"
SUMMARY=()
RATIOS=()
for run in $(seq 1 "$RUNS"); do
  quiet
  echo "== run $run of $RUNS: load average $(load) =="
  reference before; BEFORE=$REF_TPS
  echo "  (load average $(load))"
  app "$run"
  drain
  echo "  (load average $(load))"
  reference after; AFTER=$REF_TPS
  MEAN=$(calc %.1f "($BEFORE + $AFTER) / 2")
  RATIO=$(calc %.4f "$APP_RATE / $MEAN")
  SUMMARY+=("run $run: reference $(calc %.1f "$BEFORE") / $(calc %.1f "$AFTER") tx/s (mean $MEAN), app $APP_RATE \
accepted/s, ratio $RATIO, p50 $P50 ms, p99 $P99 ms, CPU per submission app $APP_MS ms / PostgreSQL $PGA_MS ms, \
durable $DURABLE ($SUBS submissions, $OUTBOX outbox >= $ACCEPTED accepted); while the app was measured: \
$APP_MACHINE; load average at the end $(load)")
  RATIOS+=("$RATIO")
done

# Which background jobs ran at all while the application was up (the application's own metrics).
echo "== background job runs since the application started (consult_job_runs_total) =="
curl -sf -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$PORT_APP/metrics" \
  | grep '^consult_job_runs_total' | awk '{ n[$1] = $2 } END { for (k in n) if (n[k] + 0 > 0) { print "  " k " " n[k]; any = 1 } \
    if (!any) print "  none of the counted jobs ran (the outbox dispatcher is not counted there)" }' || echo "  (metrics not readable)"
echo "== summary (clients $CLIENTS, $(nproc) cores) =="
printf '%s\n' "${SUMMARY[@]}"
[ "$RUNS" -eq 1 ] || printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "ratio over %d runs: %s to %s, median %s\n", NR, r[1], r[NR], (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2) }'
