#!/usr/bin/env bash
# Cold start and memory under load (issue 17, item 2). One command:
#   bash bench/startup/run.sh                       (as root, or a user who can run Debian's PostgreSQL 15)
#   bash bench/startup/run.sh 'baseline=' 'cds=@cds' 'c1=-XX:TieredStopAtLevel=1'   (named configurations)
# A PostgreSQL 15 cluster of its own in a temporary folder; the app is started once to migrate it, so every
# measured start finds an existing, up-to-date database. Then, for each configuration (label=JVM flags; the word
# @cds in the flags is replaced by an AppCDS archive trained for that configuration, see below), RUNS times:
# `java -Xmx256m <flags> -jar consult.jar` and the wall time from the launch until `GET /` first answers 200
# (curl every 20 ms), the CPU time the JVM spent until then, and Micronaut's own "Startup completed in X ms".
# Words of the form NAME=value among the flags are set in the JVM's environment instead (e.g. MALLOC_ARENA_MAX=2). Then LOAD_SECONDS of POSTs to
# /api/v1/call-for-advice/submissions (wrk, CONCURRENCY connections; rate limit off) and the peak resident memory:
# VmHWM (the process's peak since its launch) and the highest VmRSS sampled every 0.2 s during the load.
# The machine's load average (/proc/loadavg, 1 minute) is printed beside every figure: other builds share it.
# Default configurations: the JDK's defaults, and what run.sh starts (its default JAVA_OPTS and an AppCDS archive).
# JAR_GIVEN=1 skips the staleness check (JAR=... measures another jar); KEEP=1 keeps the logs in the temporary folder.
# JAVA=/path/to/bin/java starts another JDK (the jar targets Java 17 and runs on later ones). On JDK 25 the word @aot
# is replaced by an AOT cache (JEP 483/514/515: classes loaded and linked, and method profiles) trained the same way.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55471}
PORT_APP=${PORT_APP:-18471}
RUNS=${RUNS:-5}
LOAD_SECONDS=${LOAD_SECONDS:-20}
CONCURRENCY=${CONCURRENCY:-8}
XMX=${XMX:--Xmx256m}
JAVA=${JAVA:-java}
JAR=${JAR:-$ROOT/web-ui/target/consult.jar}
if [ ! -x "$PGBIN/postgres" ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
[ -n "${JAR_GIVEN:-}" ] || build_jar_if_stale
# run.sh's default JAVA_OPTS (its DEFAULT_JAVA_OPTS line), so the bench measures what is shipped.
RUN_SH_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' run.sh)
if [ $# -eq 0 ]; then set -- "jdk-defaults=" "run.sh=$RUN_SH_OPTS @cds"; fi

for port in "$PORT_PG" "$PORT_APP"; do
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "port $port is taken (set PORT_PG / PORT_APP)" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/consult-startup.XXXXXX)
chmod 777 "$WORK"
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK -c max_connections=100' -w start" >/dev/null
psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -c "CREATE DATABASE consult"

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PORT_PG/consult" DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD=unused JWT_SECRET="bench-secret-$(date +%s%N)-0123456789abcdef" \
  CONSULT_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" CONSULT_ENCRYPTION_CURRENT=bench \
  CONSULT_RATE_LIMIT_PER_MINUTE=0 MICRONAUT_SERVER_PORT=$PORT_APP CONSULT_MAIL_WRITE_FILES=true \
  CONSULT_MAIL_FOLDER="$WORK/mail" CONSULT_LOG_FORMAT=text HOME="$WORK/home"
mkdir -p "$WORK/home"
URL="http://127.0.0.1:$PORT_APP/"
load() { cut -d' ' -f1 /proc/loadavg; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts the jar with the given flags (log in $1) and waits for the first 200 on GET /; START_MS is how long it took.
start_app() {
  local log=$1; shift
  local envs=() jvm=() a
  for a in "$@"; do if [[ $a =~ ^[A-Z_]+= ]]; then envs+=("$a"); else jvm+=("$a"); fi; done
  local t0; t0=$(now_ms)
  env "${envs[@]}" "$JAVA" "$XMX" "${jvm[@]}" -jar "$JAR" > "$log" 2>&1 &
  APP_PID=$!
  local deadline=$(( t0 + 120000 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL" 2>/dev/null)" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application stopped; its log:" >&2; tail -30 "$log" >&2; exit 1; }
    [ "$(now_ms)" -lt "$deadline" ] || { echo "no page within 120 s" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.02
  done
  START_MS=$(( $(now_ms) - t0 ))
  # CPU time (user + system, all threads) the JVM spent until then: less at the mercy of other builds than wall time.
  START_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$APP_PID/stat")
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
micronaut_ms() { grep -o 'Startup completed in [0-9]*ms' "$1" | grep -o '[0-9]*' | head -1 || true; }

echo "Migrating the new database (first start, not measured) ..."
start_app "$WORK/migrate.log"
# The first start also makes the safeguarding examples' vectors (about 4 s of the model's time); every later start
# finds them stored, as an existing database has them. Stopped earlier, the measured starts would be making them.
for _ in $(seq 1 300); do
  grep -q 'Safeguarding check learned from\|safeguarding model could not be loaded' "$WORK/migrate.log" && break
  sleep 1
done
grep -q 'Safeguarding check learned from' "$WORK/migrate.log" || echo "warning: the learned check did not learn in the first start"
stop_app
echo "$(nproc) cores, $("$JAVA" -version 2>&1 | head -1), heap $XMX, $RUNS starts per configuration, load average at start $(load)"

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"respondentType":"PRACTITIONER","keyQuestions":"How will the review hear from children living far from home?","engagementAdvice":"Meet them where they already are, with someone they trust.","themes":[],"consentToContact":false,"consentToPublish":true}'
LUA

SUMMARY=()
for config in "$@"; do
  label=${config%%=*}; flags=${config#*=}
  if [[ " $flags " == *" @cds "* ]]; then
    # AppCDS (JDK 17's dynamic archive): a training start with the same flags that serves a few pages and is then
    # stopped; the classes it loaded are written to the archive at exit, and later starts map them in.
    archive="$WORK/$label.jsa"; train=${flags//@cds/-XX:ArchiveClassesAtExit=$archive}
    # shellcheck disable=SC2086
    start_app "$WORK/$label-train.log" $train
    for p in / /call-for-advice /health; do curl -s -o /dev/null "$URL${p#/}"; done
    stop_app
    [ -f "$archive" ] || { echo "no archive was written; see $WORK/$label-train.log" >&2; tail -5 "$WORK/$label-train.log" >&2; exit 1; }
    flags=${flags//@cds/-XX:SharedArchiveFile=$archive}
    echo "[$label] archive $(du -m "$archive" | cut -f1) MB"
  fi
  if [[ " $flags " == *" @aot "* ]]; then
    # JDK 25's AOT cache: the same kind of training start; at its exit the JVM writes the cache (-XX:AOTCacheOutput).
    cache="$WORK/$label.aot"
    # shellcheck disable=SC2086
    start_app "$WORK/$label-train.log" ${flags//@aot/-XX:AOTCacheOutput=$cache}
    for p in / /call-for-advice /health; do curl -s -o /dev/null "$URL${p#/}"; done
    stop_app
    [ -f "$cache" ] || { echo "no AOT cache was written; see $WORK/$label-train.log" >&2; tail -5 "$WORK/$label-train.log" >&2; exit 1; }
    flags=${flags//@aot/-XX:AOTCache=$cache}
    echo "[$label] AOT cache $(du -m "$cache" | cut -f1) MB"
  fi
  echo "== $label: java $XMX $flags -jar consult.jar"
  : > "$WORK/times"; : > "$WORK/cpu"
  for i in $(seq 1 "$RUNS"); do
    # shellcheck disable=SC2086
    start_app "$WORK/$label-$i.log" $flags; ms=$START_MS
    echo "$ms" >> "$WORK/times"; echo "$START_CPU_MS" >> "$WORK/cpu"
    echo "  start $i: first page after $ms ms, CPU $START_CPU_MS ms (Micronaut: Startup completed in $(micronaut_ms "$WORK/$label-$i.log") ms), load $(load)"
    [ "$i" -eq "$RUNS" ] || stop_app
  done
  med=$(median < "$WORK/times"); cpu=$(median < "$WORK/cpu")
  echo "  median: $med ms to the first page, CPU $cpu ms (load $(load))"
  # The last start stays up for the load.
  sleep 3
  rss_max=0
  ( while kill -0 "$APP_PID" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status"; sleep 0.2; done ) > "$WORK/rss" 2>/dev/null &
  sampler=$!
  load_before=$(load)
  wrk -t2 -c"$CONCURRENCY" -d"${LOAD_SECONDS}s" -s "$WORK/post.lua" "${URL}api/v1/call-for-advice/submissions" > "$WORK/$label-wrk.txt"
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  rss_max=$(sort -n "$WORK/rss" | tail -1); hwm=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$label-wrk.txt"); lat=$(awk '/Latency/ {print $2}' "$WORK/$label-wrk.txt")
  echo "  load: ${LOAD_SECONDS} s, $CONCURRENCY connections: $rps requests/s, mean latency $lat; $(grep -o 'Non-2xx.*' "$WORK/$label-wrk.txt" || echo 'all 201'); load $load_before before"
  anon=$(awk '/RssAnon/ {print $2}' "/proc/$APP_PID/status"); file=$(awk '/RssFile/ {print $2}' "/proc/$APP_PID/status")
  echo "  memory: peak VmRSS under load $((rss_max / 1024)) MB, VmHWM since launch $((hwm / 1024)) MB (after the load: RssAnon $((anon / 1024)) MB, RssFile $((file / 1024)) MB, the file part mapped jars and the CDS archive)"
  stop_app
  SUMMARY+=("$label: median $med ms to the first page (CPU $cpu ms); $rps POST/s; peak RSS under load $((rss_max / 1024)) MB (VmHWM $((hwm / 1024)) MB); load $(load)")
done
echo "== summary"
printf '  %s\n' "${SUMMARY[@]}"
