#!/usr/bin/env bash
# Trains every algorithm of the pipeline worker on letter and churn through the worker's own steps and
# prints, with the machine it ran on, a Markdown table: train seconds, evaluate seconds, test accuracy
# and macro F1. Results are recorded in bench/algorithms.md.
# Usage: bench/algorithms.sh [algorithm[:param=value,...] ...]   (no argument: every algorithm, defaults;
#        a list parameter with slashes, e.g. mlp:layers=64/32,epochs=10)
# Needs libgomp1 (XGBoost) and a JDK 21+ (found as ./mvnw finds it). Builds from this working copy only
# (reactor classes, nothing installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=pipeline-worker/target/bench.classpath
./mvnw -B -o -q -pl pipeline-worker -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$classpath_file"

. .mvn/find-jdk.sh
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo
exec "$JAVA_HOME/bin/java" -Xmx4g -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "pipeline-worker/target/test-classes:pipeline-worker/target/classes:$(cat "$classpath_file")" \
  dev.cairn.worker.pipeline.AlgorithmBenchmark "$@"
