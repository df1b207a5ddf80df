#!/usr/bin/env bash
# Search scaling: the same 16-trial hyperparameter search (CART on churn) with one worker process, then two.
# Prints both wall-clock times (first trial start to last trial end) and the speed-up; target >= 1.7x.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
./mvnw -v 2>/dev/null | grep -E "^Java version" || java -version 2>&1 | head -1
./mvnw -B -q -o -pl pipeline-worker -am package -DskipTests
./mvnw -B -o -pl platform-api -am verify -DskipITs -Dtest=SearchScalingBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "search-scaling:|Tests run:|BUILD"
