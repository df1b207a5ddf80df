#!/usr/bin/env bash
# Drift and consumption benchmarks of the monitoring service (issue 5). Prints the machine, then:
#  1. drift of 1,000,000 rows x 20 features against a reference, on one core (DriftBench)
#  2. prediction events consumed per second by one monitoring instance from the real embedded Kafka (ConsumeBench)
# Usage: bench/drift.sh [rows] [events]   (defaults 1000000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
EVENTS=${2:-1000000}

JAVA_BIN=java
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA_BIN="$JAVA_HOME/bin/java"; else
  for j in /usr/lib/jvm/*/bin/java; do "$j" -version 2>&1 | grep -qE 'version "(2[1-9])' && JAVA_BIN=$j; done
fi

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_BIN" -version 2>&1

echo "== build (monitoring and the modules it needs, tests compiled, not run)"
./mvnw -B -q -o -pl monitoring -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="monitoring/target/test-classes:monitoring/target/classes:$(cat monitoring/target/test-classpath.txt)"

echo "== 1. drift: $ROWS rows x 20 features, one thread pinned to one core"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
$PIN "$JAVA_BIN" -Xmx2g -cp "$CP" dev.cairn.monitoring.bench.DriftBench "$ROWS"

echo "== 2. events consumed per second by one monitoring instance (real embedded Kafka, packaged app)"
(cd monitoring && "$JAVA_BIN" -Xmx1g -cp "$(echo "$CP" | sed 's#monitoring/target#target#g')" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  dev.cairn.monitoring.ConsumeBench target/quarkus-app/quarkus-run.jar "$EVENTS")
