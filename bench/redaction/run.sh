#!/usr/bin/env bash
# Redaction benchmark: span-level precision, recall and text leaked per kind of personal detail on the
# held-out answers (held-out.txt beside this file, never used to write or tune the rules), every miss and every
# wrong redaction, and redactions per second on one thread. Rules only: no model, no database, no network.
#   bash bench/redaction/run.sh [file]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
run_test_main core 256m org.carereview.consult.core.redaction.RedactionBenchmark "${1:-bench/redaction/held-out.txt}"
