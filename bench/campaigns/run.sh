#!/usr/bin/env bash
# Campaign grouping (issue 16, item 3): N made-up submissions (default 100,000) with 20 planted copy-and-paste
# campaigns of 50 to 2,000 edited copies each; prints membership precision and recall, the time to group all N
# from nothing. One JVM with the node's 256 MB heap (HEAP=1g for N much above 100,000: the made-up texts are held
# too), no database.
#   bash bench/campaigns/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/campaigns-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -o -q -pl triage -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx${HEAP:-256m} -cp "triage/target/classes:triage/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.triage.campaigns.CampaignBenchmark "${1:-100000}"
