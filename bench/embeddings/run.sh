#!/usr/bin/env bash
# Embedding throughput: answers a second the answers' embedding worker (ADR 0033) turns into sentence vectors on
# this machine, with the real model (all-MiniLM-L6-v2 quantised, in process) and realistic answers (the redaction
# and screening benches' held-out answers, alone or run together into paragraphs); per-answer latency, load
# time and heap. One JVM with the heap a small node has; no database or server needed.
#   bash bench/embeddings/run.sh [number of answers, default 1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/embeddings-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -pl core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx256m -cp "core/target/classes:core/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.core.safeguarding.EmbeddingBenchmark "${1:-1000}" \
  bench/redaction/held-out.txt bench/screening/held-out.tsv 2>&1 \
  | grep -v -e '^SLF4J' -e 'CudaUtils'
