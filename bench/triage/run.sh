#!/usr/bin/env bash
# Triage benchmark: the running jar and a real PostgreSQL (Debian's 15, a cluster of its own in a temporary
# folder), seeded with 10,000 and then 1,000,000 submissions across the channels, measured over HTTP:
#   (a) filtered queue pages of 50 (status + theme + area)   target p95 <= 30 ms at 1M, <= max(1.5 x 10k, 5 ms)
#   (b) selective full-text searches, top 50 by rank          target as (a)
#   (c) the common word "care"                                 target p95 <= 100 ms
#   CSV export of everything: rows/s and the server's peak heap  target >= 200,000 rows/s, heap < 256 MB
# and prints EXPLAIN (ANALYZE, BUFFERS) of the main queries. The server runs with -Xmx256m.
#   bash bench/triage/run.sh            (as root, or a user who can run Debian's PostgreSQL)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55433}
PORT_APP=${PORT_APP:-18081}
TOTAL=${TOTAL:-1000000}
SMALL=${SMALL:-10000}
CANDIDATES=${CANDIDATES:-500}
RANK=${RANK:-ts_rank}
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
[ -f web-ui/target/consult.jar ] || ./mvnw -B -o -q package -DskipTests

WORK=$(mktemp -d /tmp/consult-triage-bench.XXXXXX)
chmod 777 "$WORK"
cleanup() {
  [ -n "${JSTAT_PID:-}" ] && kill "$JSTAT_PID" 2>/dev/null || true
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -d consult -v ON_ERROR_STOP=1 -q)

as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
# A benchmark cluster: durable writes off to seed quickly (reads are unaffected), a realistic cache for 24 GB.
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=50 -c shared_buffers=2GB \
  -c effective_cache_size=12GB -c work_mem=32MB -c maintenance_work_mem=1GB -c random_page_cost=1.1 -c fsync=off \
  -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB -c shared_preload_libraries=auto_explain \
  -c auto_explain.log_buffers=on' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"
PG_VERSION=$(psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -At -c "SHOW server_version")

mkdir -p "$WORK/app"
ADMIN=bench.admin@example.org
PASS="bench admin password $RANDOM$RANDOM"
# The embeddings worker is off: the million seeded answers would be a backlog for it that keeps both cores busy
# for hours, and this bench measures triage's reads (bench/embeddings measures the worker).
( cd "$WORK/app" && \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres CONSULT_MAIL_WRITE_FILES=true \
  CONSULT_EMBEDDINGS_ENABLED=false \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_BOOTSTRAP_ADMIN_EMAIL=$ADMIN CONSULT_BOOTSTRAP_ADMIN_PASSWORD="$PASS" CONSULT_TRIAGE_RANK_CANDIDATES=$CANDIDATES \
  CONSULT_TRIAGE_RANK_FUNCTION=$RANK \
  MICRONAUT_SERVER_PORT=$PORT_APP CONSULT_MAIL_FOLDER="$WORK/mail" \
  exec java -Xmx256m -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT_APP/health" >/dev/null || { echo "the application did not start"; tail -20 "$WORK/app.log"; exit 1; }

# A reviewer (sees no flagged submissions), with the administrator's password.
"${PSQL[@]}" -c "INSERT INTO account (email, password_hash, created_at, updated_at) SELECT 'bench.reviewer@example.org', \
  password_hash, now(), now() FROM account WHERE email = '$ADMIN'" \
  -c "INSERT INTO account_role (account_id, role) SELECT id, 'REVIEWER' FROM account WHERE email = 'bench.reviewer@example.org'"
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"bench.reviewer@example.org\",\"password\":\"$PASS\"}" \
  "http://127.0.0.1:$PORT_APP/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

# Others may share this machine: wait (at most 5 minutes) until its 1-minute load is under 1.5 before measuring.
quiet() {
  for _ in $(seq 1 60); do awk '{ exit !($1 < 1.5) }' /proc/loadavg && return 0; sleep 5; done
}
seed() { "${PSQL[@]}" -v from="$1" -v to="$2" -v total="$TOTAL" -f bench/triage/seed.sql; }
measure() {
  quiet
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine skews the figures)"
  "${PSQL[@]}" -At -c "SELECT w FROM bench_rare" > "$WORK/rare.txt"
  java bench/triage/TriageLoad.java "http://127.0.0.1:$PORT_APP" "$TOKEN" "$WORK/rare.txt" warm 100
  for mode in queue rare care; do
    java bench/triage/TriageLoad.java "http://127.0.0.1:$PORT_APP" "$TOKEN" "$WORK/rare.txt" "$mode" 200 | tee -a "$WORK/results-$1.txt"
  done
}

echo "PostgreSQL $PG_VERSION, $(nproc) cores, app on :$PORT_APP with -Xmx256m, rank candidates $CANDIDATES, $RANK"
start=$(date +%s)
seed 1 "$SMALL"
"${PSQL[@]}" -c "VACUUM ANALYZE"
echo "== $SMALL submissions (seeded in $(( $(date +%s) - start )) s) =="
measure small

start=$(date +%s)
STEP=50000
pids=()
for lane in 0 1; do
  ( from=$(( SMALL + 1 + lane * STEP ))
    while [ "$from" -le "$TOTAL" ]; do
      to=$(( from + STEP - 1 )); [ "$to" -gt "$TOTAL" ] && to=$TOTAL
      seed "$from" "$to"
      from=$(( from + 2 * STEP ))
    done ) &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
"${PSQL[@]}" -c "VACUUM ANALYZE" -c "CHECKPOINT"
echo "== $("${PSQL[@]}" -At -c "SELECT count(*) FROM submission") submissions (seeded in $(( $(date +%s) - start )) s; \
$("${PSQL[@]}" -At -c "SELECT pg_size_pretty(pg_total_relation_size('submission')) || ' submission with its indexes'")) =="
"${PSQL[@]}" -At -c "SELECT 'care in ' || round(100.0 * count(*) FILTER (WHERE search_vector @@ to_tsquery('english', 'care')) / count(*), 1) \
  || '% of rows; the most frequent rare word in ' || (SELECT round(100.0 * max(n) / (SELECT count(*) FROM submission), 2) FROM \
  (SELECT count(*) n FROM submission, bench_rare WHERE search_vector @@ to_tsquery('english', w) AND w IN (SELECT w FROM bench_rare LIMIT 5) GROUP BY w) x) \
  || '% (sample of 5)' FROM submission"
measure large

# Export: rows/s, and the server's heap sampled every 100 ms while it streams (jstat: used survivor + eden + old).
# The client is curl into wc (the lightest reader), so the figure is the server's and PostgreSQL's.
quiet
jstat -gc "$APP_PID" 100 > "$WORK/jstat.txt" 2>/dev/null &
JSTAT_PID=$!
t0=$(date +%s%N)
lines=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT_APP/api/v1/triage/export.csv" | wc -l)
t1=$(date +%s%N)
awk -v l="$lines" -v t="$(( t1 - t0 ))" 'BEGIN { printf "export  rows=%d seconds=%.2f rows/s=%.0f\n", l - 1, t / 1e9, (l - 1) / (t / 1e9) }' \
  | tee -a "$WORK/results-large.txt"
kill "$JSTAT_PID" 2>/dev/null || true; JSTAT_PID=
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = ($3 + $4 + $6 + $8) / 1024; if (used > max) max = used } \
  END { printf "heap    peak used %.0f MB while exporting (limit -Xmx256m)\n", max }' "$WORK/jstat.txt" | tee -a "$WORK/results-large.txt"

# The plans of the application's own queries (auto_explain, so they are exactly what it sends): one request
# of each kind, then the export's plan without timing.
echo "== EXPLAIN (ANALYZE, BUFFERS) of the application's queries at $TOTAL (auto_explain) =="
RARE=$(head -1 "$WORK/rare.txt")
explain() {
  "${PSQL[@]}" -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "ALTER SYSTEM SET auto_explain.log_analyze = $1" \
    -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  local mark
  mark=$(wc -l < "$WORK/pg.log")
  shift
  for path in "$@"; do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT_APP/api/v1/triage/$path"
  done
  "${PSQL[@]}" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +"$((mark + 1))" "$WORK/pg.log" | awk '
    /LOG:  duration: .* plan:/ { if (keep) printf "%s", block; block = $0 "\n"; keep = 0; inside = 1; next }
    inside && /^\t/ { block = block $0 "\n"; if ($0 ~ /FROM submission s/ && block !~ /Query Text: EXPLAIN/) keep = 1; next }
    { inside = 0 }
    END { if (keep) printf "%s", block }'
}
echo "-- (a) queue, (b) \"$RARE\" (more matches than are ranked), (b2) \"$RARE respite\" (every match ranked), (c) care"
explain on "submissions?status=NEW&theme=CARE&area=camden&limit=50" "submissions?q=$RARE&limit=50" \
  "submissions?q=$RARE%20respite&limit=50" "submissions?q=care&limit=50"
echo "-- export (plan only)"
explain off "export.csv" | sed -n '1,40p'

echo "== summary (p95, ms) =="
p95() { grep "^$1 " "$WORK/results-$2.txt" | sed -E 's/.*p95=([0-9.]+) ms.*/\1/'; }
for mode in queue rare; do
  small=$(p95 $mode small); large=$(p95 $mode large)
  limit=$(awk -v s="$small" 'BEGIN { l = 1.5 * s; if (l < 5) l = 5; if (l > 30) l = 30; print l }')
  verdict=$(awk -v l="$large" -v m="$limit" 'BEGIN { print (l <= m ? "met" : "NOT met") }')
  echo "$mode: 10k p95 $small, 1M p95 $large, target <= $limit: $verdict"
done
care=$(p95 care large)
echo "care: 1M p95 $care, target <= 100: $(awk -v c="$care" 'BEGIN { print (c <= 100 ? "met" : "NOT met") }')"
grep '^export' "$WORK/results-large.txt" | sed -E 's/.*rows\/s=([0-9]+).*/export: \1 rows\/s, target >= 200000/'
