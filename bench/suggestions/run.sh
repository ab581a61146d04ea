#!/usr/bin/env bash
# Theme and dilemma suggestions (issue 16, item 2; ADR 35): precision@1 and recall@3 on the labelled answers'
# held-out split (triage/src/test/resources/suggestions/) with 0, 20 and 50 tagged answers per code drawn from
# the train split, then the train split's cross-validation figures. Real model, one JVM, no database.
#   bash bench/suggestions/run.sh [draws, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
run_test_main triage 1g org.carereview.consult.triage.suggestions.SuggestionBenchmark "${1:-5}"
