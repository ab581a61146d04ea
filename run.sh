#!/usr/bin/env bash
# Runs the platform: builds the jar if it is missing or older than the sources, then starts it.
# With no DATASOURCES_DEFAULT_URL it uses an embedded PostgreSQL kept in ./.consult (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
jar=web-ui/target/consult.jar
stale() {
  find . \( -name node_modules -o -name target -o -name .consult -o -name .git \) -prune -o \
    \( -name pom.xml -o -name package-lock.json -o -path '*/src/*' \) -type f -newer "$jar" -print -quit
}
if [ ! -f "$jar" ] || [ -n "$(stale)" ]; then
  if [ -f "$jar" ]; then
    echo "Rebuilding $jar because the sources changed (about a minute) ..."
  else
    echo "Building $jar for the first time: Maven downloads the libraries it needs, which can take several minutes ..."
  fi
  # One line per module as it builds, and any errors; not every download.
  ./mvnw -B --no-transfer-progress package -DskipTests | grep --line-buffered -E '^\[INFO\] Building |BUILD|ERROR' || true
  [ -f "$jar" ] && [ -z "$(stale)" ] || { echo "The build failed: run ./mvnw -B package -DskipTests to see why." >&2; exit 1; }
  echo "Built. Starting the service ..."
fi
# Readable log lines at a terminal; a platform's log collector gets JSON (CONSULT_LOG_FORMAT=json, the default).
export CONSULT_LOG_FORMAT="${CONSULT_LOG_FORMAT:-text}"
# JVM flags when JAVA_OPTS is unset (docs/deployment.md, "Start-up and memory"; bench/startup measures these).
DEFAULT_JAVA_OPTS=""
# AppCDS (ADR 39): the classes a start loads are written to an archive when that start stops, and every later start
# maps them in instead of reading and verifying them from the jar again (a start about a third quicker). One archive
# per jar and java: a rebuilt jar or another JDK writes a new one. CONSULT_CDS=off starts without it.
cds=()
if [ "${CONSULT_CDS:-on}" != off ]; then
  java_bin=$(readlink -f "$(command -v java)")
  archive="web-ui/target/consult-$(printf '%s %s' "$java_bin" "$(stat -c %Y "$java_bin")" | cksum | cut -d' ' -f1).jsa"
  if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
    cds=(-XX:SharedArchiveFile="$archive")
  else
    rm -f web-ui/target/consult-*.jsa
    echo "This start records the classes it loads in $archive when it stops; later starts are quicker."
    cds=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off)
  fi
fi
exec java ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} "${cds[@]}" -jar "$jar" "$@"
