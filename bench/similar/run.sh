#!/usr/bin/env bash
# "More like this" (issue 16, item 4; ADR 0036): N submissions (default 100,000) with made-up but clustered answer
# vectors in a real PostgreSQL (the tests' embedded one, zonky, seeded with generate_series and COPY); prints the
# index's load time and size, then p50, p95 and max of the whole service path a reviewer's page takes (the index's
# nearest, the visibility re-check in SQL, the top 10 with their text) for 1,000 random submissions after a warm-up.
# The JVM has the heap of a small node.
#   bash bench/similar/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/similar-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -o -pl triage -am test-compile dependency:build-classpath -Dspotbugs.skip \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx256m -cp "triage/target/classes:triage/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.triage.similar.SimilarBenchmark "${1:-100000}" 2>&1 \
  | grep -v -e '^SLF4J' -e 'CudaUtils' -e '^[0-9:. ]*\(INFO\|DEBUG\)'
