#!/usr/bin/env bash
# Embedding throughput: answers a second the answers' embedding worker (ADR 0033) turns into sentence vectors on
# this machine, with the real model (all-MiniLM-L6-v2 quantised, in process) and realistic answers (the redaction
# and screening benches' held-out answers, alone or run together into paragraphs); per-answer latency, load
# time and heap. One JVM with the heap a small node has; no database or server needed.
#   bash bench/embeddings/run.sh [number of answers, default 1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
run_test_main core 256m org.carereview.consult.core.safeguarding.EmbeddingBenchmark "${1:-1000}" \
  bench/redaction/held-out.txt bench/screening/held-out.tsv
