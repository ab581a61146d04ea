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
  echo "Building $jar ..."
  ./mvnw -B -q package -DskipTests
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
