#!/usr/bin/env bash
# "Same point, other words" (issue 16, item 3; ADR 36): on the hand-labelled pairs of answers
# (triage/src/test/resources/paraphrases/), the similarity threshold chosen again on the train split, then
# precision and recall of `same` on train and held-out at NearDuplicates.THRESHOLD, and how many same-topic pairs
# pass it. Real model, one JVM, no database.
#   bash bench/paraphrases/run.sh [--pairs]   (--pairs also prints every pair's similarity)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
run_test_main triage 1g org.carereview.consult.triage.similar.ParaphraseBenchmark "$@"
