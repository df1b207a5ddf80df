#!/usr/bin/env bash
# Deploy to first successful prediction: starts the inference server for the churn logistic regression (Tribuo) the
# way the local runtime does (same JVM options, absolute jar path, with and without the AOT cache the deploy build
# writes), polls POST /predict every 20 ms, and prints the time from the process start to the first 200, with the
# server's own breakdown (Quarkus boot, model load + checksum, warm-up). Runs alternate between the two variants so
# both see the same machine load.
#
#   bench/deploy-time.sh            # 5 runs of each variant
#   RUNS=9 bench/deploy-time.sh
#
# Needs curl. Prints the figures; bench/deploy-time.md records runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
CSV=${CSV:-$ROOT/pipeline-worker/src/test/resources/data/modeldata_wa_churn.csv}
. .mvn/find-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OPTS=${SERVER_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}   # the local runtime's default cairn.deployments.java-options
APP=$ROOT/deploy/target/quarkus-app
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-deploy.XXXXXX")
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== machine"
echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$JAVA" -version 2>&1 | head -1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build (offline; writes $APP/app.aot on JDK 25+)"
./mvnw -B -q -o -pl deploy -am package -DskipTests >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
./mvnw -B -q -o -pl deploy -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/deploy/target/test-classes:$ROOT/model-store/target/classes:$ROOT/contracts/target/classes:$(cat "$WORK/cp.txt")"
[ -f "$APP/app.aot" ] || echo "no AOT cache (JDK before 25, or -Dcairn.aot.skip): only the plain variant runs"

PACKAGE=$("$JAVA" -cp "$CP" dev.cairn.deploy.ChurnModel "$WORK/store" "$CSV" 2>/dev/null | tail -1)
echo "model: churn logistic regression (Tribuo), package $PACKAGE"
cat > "$WORK/predict.json" <<'JSON'
{"features":{"female":0,"senior_citizen":0,"partner":0,"dependents":0,"tenure":34,"phone_service":1,"multiple_lines":"No","internet_service":"DSL","online_security":"Yes","online_backup":"No","device_protection":"Yes","tech_support":"No","streaming_tv":"No","streaming_movies":"No","contract":"One year","paperless_billing":0,"payment_method":"Mailed check","monthly_charges":56.95,"total_charges":1889.5}}
JSON

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
declare -A TIMES
one() {  # variant, extra JVM options
  local port log="$WORK/$1.log" start ms
  port=$(free_port)
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  CAIRN_STORE_ROOT="$WORK/store" CAIRN_MODEL_NAME=churn CAIRN_MODEL_VERSION=1 CAIRN_MODEL_PACKAGE=$PACKAGE \
    CAIRN_HTTP_PORT=$port CAIRN_PREDICTIONS_ENABLED=false "$JAVA" $OPTS $2 -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' --data @"$WORK/predict.json" \
      "http://127.0.0.1:$port/predict"; do
    sleep 0.02
    kill -0 "$PID" 2>/dev/null || { cat "$log"; exit 1; }
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  TIMES[$1]="${TIMES[$1]:-} $ms"
  printf '%-9s %6d ms   quarkus %-8s model %s   (load %s)\n' "$1" "$ms" \
    "$(grep -o 'started in [0-9.]*s' "$log" | awk '{print $3}')" \
    "$(grep -o 'loaded in [0-9]* ms, warmed ([0-9]* rows) in [0-9]* ms' "$log" | sed 's/loaded in //')" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

echo "== $RUNS runs each: process start -> first 200 from POST /predict"
for i in $(seq "$RUNS"); do
  one plain ""
  [ -f "$APP/app.aot" ] && one aot "-XX:AOTCache=$APP/app.aot"
done
echo "== medians"
for v in plain aot; do
  [ -n "${TIMES[$v]:-}" ] || continue
  echo "$v: median $(tr ' ' '\n' <<<"${TIMES[$v]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms over $(tr ' ' '\n' <<<"${TIMES[$v]}" | grep -c .) runs:${TIMES[$v]}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
