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

# Runs a benchmark's main class from a module's test sources, with the module's test classpath, one JVM:
#   run_test_main MODULE HEAP CLASS [ARGS...]      e.g. run_test_main core 256m org.carereview...RedactionBenchmark
# Prints the machine (cores, load, Java) first and leaves out the logging and CUDA lines the libraries print.
run_test_main() {
  local module=$1 heap=$2 class=$3; shift 3
  local cp_file; cp_file=$(mktemp /tmp/bench-cp.XXXXXX)
  ./mvnw -B -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
  echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
  java "-Xmx$heap" -cp "$module/target/classes:$module/target/test-classes:$(cat "$cp_file")" "$class" "$@" 2>&1 \
    | grep -v -e '^SLF4J' -e 'CudaUtils'
  rm -f "$cp_file"
}
