#!/usr/bin/env bash
# CPU of the two text checks in every submission's request, the lead's phrases and the redaction, per answer of about
# 500 characters after 15 s of warm-up (one thread, no database, no model). Run it on two checkouts to compare.
#   bash bench/text-checks/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE=$(mktemp /tmp/text-checks-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -pl core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"
java -Xmx256m -cp "core/target/classes:core/target/test-classes:$(cat "$CP_FILE")" \
  org.carereview.consult.core.safeguarding.TextChecksBenchmark 2>&1 | grep -v '^SLF4J'
