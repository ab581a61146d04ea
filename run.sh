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
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
