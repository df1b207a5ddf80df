#!/usr/bin/env bash
# Platform overhead: the train step as Cairn runs it (task dispatch through the outbox and Kafka, loading the split
# from the store, training, packaging and uploading the model) against the same XGBoost model trained directly with
# Tribuo in a plain JVM, as a ratio (target <= 1.15); and the fixed cost of a whole pipeline run beyond its steps'
# own work, in seconds (target < 1 s). Five pairs of runs, one of each side in turn, after warm-up; the medians are
# compared (one run on a shared machine can be off by a second). Figures are recorded in bench/platform-overhead.md.
# PAIRS=n changes the number of pairs.
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
value() { sed -n "s/^$1=//p" <<<"$2"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Warm the stack (the worker's JIT, each task partition's first record) with two untimed runs; then alternate one
# platform run with one plain-JVM run (its own warm-up run first), so that both sides meet the same moments of a
# shared machine whose speed drifts by tens of per cent over minutes. The stack stays up, idle, during the plain runs.
java_run cli dev.cairn.cli.bench.PlatformOverheadBenchmark "$csv" "$target" "$rounds" 0 2 >/dev/null
pairs=${PAIRS:-5}
platform_all="" direct_all="" fixed_all=""
for i in $(seq "$pairs"); do
  platform=$(java_run cli dev.cairn.cli.bench.PlatformOverheadBenchmark "$csv" "$target" "$rounds" 1 0)
  direct=$(java_run pipeline-worker dev.cairn.worker.bench.PlainXgboostBenchmark "$csv" "$target" "$rounds" 1)
  p=$(value platform_train_seconds "$platform") d=$(value direct_train_seconds "$direct")
  f=$(value fixed_cost_seconds "$platform")
  echo "pair $i: through the platform $p s, plain JVM $d s, ratio $(awk -v p="$p" -v d="$d" 'BEGIN { printf "%.3f", p / d }'), fixed cost $f s"
  platform_all+="$p"$'\n' direct_all+="$d"$'\n' fixed_all+="$f"$'\n'
done
[ -z "$started" ] || ./cairn down >/dev/null 2>&1

platform_train=$(printf '%s' "$platform_all" | median)
direct_train=$(printf '%s' "$direct_all" | median)
echo
echo "| measure (median of $pairs) | value | target |"
echo "| --- | --- | --- |"
echo "| train step through the platform | ${platform_train} s | |"
echo "| the same training in a plain JVM | ${direct_train} s | |"
awk -v p="$platform_train" -v d="$direct_train" 'BEGIN { printf "| overhead ratio | %.3f | <= 1.15 |\n", p / d }'
echo "| fixed cost of a run beyond its steps | $(printf '%s' "$fixed_all" | median) s | < 1 s |"
