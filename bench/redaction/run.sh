#!/usr/bin/env bash
# Redaction benchmark: span-level precision, recall and text leaked per kind of personal detail on the
# held-out answers (held-out.txt beside this file, never used to write or tune the rules), every miss and every
# wrong redaction, and redactions per second on one thread. Rules only: no model, no database, no network.
#   bash bench/redaction/run.sh [file]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/redaction-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -pl core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx256m -cp "core/target/classes:core/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.core.redaction.RedactionBenchmark "${1:-bench/redaction/held-out.txt}" 2>&1 \
  | grep -v -e '^SLF4J'
