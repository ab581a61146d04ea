#!/usr/bin/env bash
# Safeguarding screening benchmark: recall and precision on the held-out split (held-out.tsv and
# held-out-care-histories.tsv beside this file, never used to train or to choose phrases or thresholds) for the
# phrases as matched before, the phrases read through normalisation, and phrases plus the learned check; the learned check's settings as cross-validation on
# the training split alone chooses them; screening latency per answer (p50, p99); and the model's cost (the
# size of its jars, load time, memory). Runs in one JVM with the real model; no database or server needed.
#   bash bench/screening/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
run_test_main core 512m org.carereview.consult.core.safeguarding.ScreeningBenchmark \
  bench/screening/held-out.tsv bench/screening/held-out-care-histories.tsv
if [ -f web-ui/target/consult.jar ]; then
  echo "The application's jar (web-ui/target/consult.jar), model included: $(du -m web-ui/target/consult.jar | cut -f1) MB"
fi
