#!/usr/bin/env bash
# Platform overhead: the train step as Cairn runs it (task dispatch through the outbox and Kafka, loading the split
# from the store, training, packaging and uploading the model) against the same XGBoost model trained directly with
# Tribuo in a plain JVM, as a ratio (target <= 1.15); and the fixed cost of a whole pipeline run beyond its steps'
# own work, in seconds (target < 1 s). Figures are recorded in bench/platform-overhead.md.
# Usage: bench/platform-overhead.sh [csv] [target] [rounds]   (default: letter from ../shared/data, 100 rounds)
# Starts the local stack with ./cairn up unless one runs (and stops it again); needs libgomp1 and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."

csv=$(realpath "${1:-../shared/data/letter_train.csv}")
target=${2:-letter}
rounds=${3:-100}

./mvnw -B -q -pl cli,pipeline-worker -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
. .mvn/find-jdk.sh
java_run() { # module, main class, args...
  local module=$1 main=$2; shift 2
  "$JAVA_HOME/bin/java" -Xmx4g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" "$main" "$@"
}

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); data: $csv ($target), XGBoost rounds: $rounds"

started=""
if ! ./cairn status >/dev/null 2>&1; then
  # Its output goes to a file: the stack's background process keeps the streams it inherits.
  up_log=$(mktemp)
  ./cairn up >"$up_log" 2>&1 || { cat "$up_log"; exit 1; }
  started=1
fi
platform=$(java_run cli dev.cairn.cli.bench.PlatformOverheadBenchmark "$csv" "$target" "$rounds" | tee /dev/stderr)
[ -z "$started" ] || ./cairn down >/dev/null 2>&1
# The direct peer runs alone, after the stack is down, so neither competes with the other for the cores.
direct=$(java_run pipeline-worker dev.cairn.worker.bench.PlainXgboostBenchmark "$csv" "$target" "$rounds" | tee /dev/stderr)

value() { sed -n "s/^$1=//p" <<<"$2"; }
platform_train=$(value platform_train_seconds "$platform")
direct_train=$(value direct_train_seconds "$direct")
echo
echo "| measure | value | target |"
echo "| --- | --- | --- |"
echo "| train step through the platform | ${platform_train} s | |"
echo "| the same training in a plain JVM | ${direct_train} s | |"
awk -v p="$platform_train" -v d="$direct_train" 'BEGIN { printf "| overhead ratio | %.3f | <= 1.15 |\n", p / d }'
echo "| fixed cost of a run beyond its steps | $(value fixed_cost_seconds "$platform") s | < 1 s |"
