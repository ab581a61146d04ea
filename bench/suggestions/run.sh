#!/usr/bin/env bash
# Theme and dilemma suggestions (issue 16, item 2; ADR 35): precision@1 and recall@3 on the labelled answers'
# held-out split (triage/src/test/resources/suggestions/) with 0, 20 and 50 tagged answers per code drawn from
# the train split, then the train split's cross-validation figures. Real model, one JVM, no database.
#   bash bench/suggestions/run.sh [draws, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/suggestions-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -pl triage -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "triage/target/classes:triage/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.triage.suggestions.SuggestionBenchmark "${1:-5}" 2>&1 \
  | grep -v -e '^SLF4J' -e 'CudaUtils'
