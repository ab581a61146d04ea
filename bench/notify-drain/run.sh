#!/usr/bin/env bash
# Outbox drain rate through the GOV.UK Notify sender: N queued messages (half emails, half text messages) sent by
# the real dispatcher, through Notify's official Java client, to a local fake of Notify's API (never the real
# service), with the outbox in the test fixture's embedded PostgreSQL. Prints messages/second for one dispatcher,
# then for two at once (as on two nodes).
#   bash bench/notify-drain/run.sh [N]        (default N=2000)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$BENCH_ROOT"
N=${1:-2000}
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -B -q -pl notifications -am verify -Dexec.skip -Dspotbugs.skip \
    -Dtest=NotifyDrainBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.notify.messages="$N" \
  | grep '^notify-drain:' || { echo "the bench did not run: see notifications/target/surefire-reports"; exit 1; }
