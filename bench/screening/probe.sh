#!/usr/bin/env bash
# How the shipped safeguarding screening reads your own texts, one a line: the learned check's probability (the
# highest over the text's pieces, and the piece), whether it flags at the service's threshold, and whether the
# lead's shipped phrases flag it. A quick look at a kind of answer the labelled set may not cover.
#   bash bench/screening/probe.sh texts.txt
set -euo pipefail
file=$(realpath "$1")
cd "$(dirname "$0")/../.."
source bench/lib.sh
run_test_main core 512m org.carereview.consult.core.safeguarding.ScreeningProbe "$file"
