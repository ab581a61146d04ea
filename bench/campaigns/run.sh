#!/usr/bin/env bash
# Campaign grouping (issue 16, item 3): N made-up submissions (default 100,000) with 20 planted copy-and-paste
# campaigns of 50 to 2,000 edited copies each; prints membership precision and recall, the time to group all N
# from nothing, and how long a new submission takes to join its group. One JVM, no database.
#   bash bench/campaigns/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/campaigns-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -pl api/triage -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "api/triage/target/classes:api/triage/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.triage.campaigns.CampaignBenchmark "${1:-100000}"
