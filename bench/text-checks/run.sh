#!/usr/bin/env bash
# CPU of the two text checks in every submission's request, the lead's phrases and the redaction, per answer of about
# 500 characters after 15 s of warm-up (one thread, no database, no model). Run it on two checkouts to compare.
#   bash bench/text-checks/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
echo "Commit $(git rev-parse --short HEAD)"
run_test_main core 256m org.carereview.consult.core.safeguarding.TextChecksBenchmark
