#!/usr/bin/env bash
# Server-side render time of the web UI's runs page with 10,000 runs in PostgreSQL (target: under 200 ms).
# Runs platform-api's RunsPageBench against the embedded PostgreSQL and Kafka of the test stack, and prints its
# figures and the machine. Usage: bench/ui-runs-page.sh   (from the repository root; builds what it needs, offline)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
echo "cores: $(nproc)"
grep -m1 'model name' /proc/cpuinfo | sed 's/.*: /cpu: /'
. .mvn/find-jdk.sh && "$JAVA_HOME/bin/java" -version 2>&1 | head -n 1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates every figure)"
echo "== runs page, 10,000 runs"
log=$(mktemp)
./mvnw -B -o -q -pl platform-api -am verify -Dtest=RunsPageBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false >"$log" 2>&1 || { tail -n 40 "$log"; exit 1; }
grep -h '^BENCH' "$log" | sed 's/^BENCH //'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
