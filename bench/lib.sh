# Shared by the bench scripts (source it after `set -euo pipefail`): one copy of what each of them needs.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Builds the jar when it is missing or older than any source.
build_jar_if_stale() {
  if [ ! -f "$BENCH_ROOT/web-ui/target/consult.jar" ] || [ -n "$(cd "$BENCH_ROOT" && find core/src channels/*/src triage/src db/src \
      notifications/src web-ui/src -type f -newer web-ui/target/consult.jar -print -quit)" ]; then
    (cd "$BENCH_ROOT" && ./mvnw -B -o -q package -DskipTests)
  fi
}

# Runs a command as the postgres user when this script runs as root (Debian's PostgreSQL refuses root).
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
