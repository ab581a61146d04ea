#!/usr/bin/env bash
# "Same point, other words" (issue 16, item 3; ADR 36): on the hand-labelled pairs of answers
# (triage/src/test/resources/paraphrases/), the similarity threshold chosen again on the train split, then
# precision and recall of `same` on train and held-out at NearDuplicates.THRESHOLD, and how many same-topic pairs
# pass it. Real model, one JVM, no database.
#   bash bench/paraphrases/run.sh [--pairs]   (--pairs also prints every pair's similarity)
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/paraphrases-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -pl triage -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "triage/target/classes:triage/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.triage.similar.ParaphraseBenchmark "$@" 2>&1 \
  | grep -v -e '^SLF4J' -e 'CudaUtils'
