#!/usr/bin/env bash
# Search scaling: the same 16-trial hyperparameter search with one worker process, then two (each warmed up by a
# 4-trial search first). Prints, per trial, its worker and start/end (seconds after submission), then the time from
# submission to the search's end for both and the speed-up (target >= 1.7x), and the mean number of trials running
# at once (the overlap the second worker brought). Figures and their reading: bench/search-scaling.md.
# Usage: bench/search-scaling.sh [letter-xgboost|churn-cart] [letter_train.csv]
#   letter-xgboost (default): XGBoost (30 rounds, one thread) on letter, each trial seconds of real work;
#   churn-cart: the old workload, sub-second CART trials on churn, dominated by per-trial fixed costs.
set -euo pipefail
cd "$(dirname "$0")/.."
workload=${1:-letter-xgboost}
letter=$(realpath "${2:-../shared/data/letter_train.csv}" 2>/dev/null || echo /work/shared/data/letter_train.csv)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), workload: $workload"
./mvnw -v 2>/dev/null | grep -E "^Java version" || java -version 2>&1 | head -1
./mvnw -B -q -o -pl pipeline-worker -am package -DskipTests
./mvnw -B -o -pl platform-api -am verify -DskipITs -Dtest=SearchScalingBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -Dcairn.bench.workload="$workload" -Dcairn.bench.letter="$letter" 2>&1 \
    | grep -E "search-scaling|Tests run:|BUILD"
