#!/usr/bin/env bash
# Serving benchmark: single-row /predict and /v2/.../infer of Cairn's inference server for the churn logistic
# regression, a trivial endpoint on the same server stack (the physical limit), and the peer (scikit-learn + Flask
# under gunicorn) serving the same kind of model trained on the same CSV, all under the same wrk load in one run.
# Also the time from starting the server ("deploy") to its first successful prediction.
#
#   bench/serving.sh                 # wrk -t2 -c16, 15 s per endpoint after a 5 s warm-up
#   DURATION=30 bench/serving.sh
#
# Needs: wrk, gunicorn, python3-sklearn, python3-flask, python3-pandas (Debian: apt-get install wrk gunicorn
# python3-sklearn python3-flask python3-pandas). Prints the figures; bench/serving.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
CSV=${CSV:-$ROOT/pipeline-worker/src/test/resources/data/modeldata_wa_churn.csv}
. .mvn/find-jdk.sh    # the JDK 21+ the build uses (JAVA_HOME, else the newest under /usr/lib/jvm)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PY=/usr/bin/python3   # Debian's python, where python3-sklearn lives (a pyenv shim may come first on PATH)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cairn-bench-serving.XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for tool in wrk gunicorn curl; do
  command -v $tool >/dev/null || { echo "missing $tool: apt-get install wrk gunicorn curl" >&2; exit 2; }
done
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== machine"
echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$JAVA" -version 2>&1 | head -1
echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); $(gunicorn --version); scikit-learn $($PY -c 'import sklearn; print(sklearn.__version__)'); flask $($PY -c 'import importlib.metadata as m; print(m.version("flask"))')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build (offline)"
./mvnw -B -q -o -pl deploy -am package -DskipTests
./mvnw -B -q -o -pl deploy -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/deploy/target/test-classes:$ROOT/model-store/target/classes:$ROOT/contracts/target/classes:$(cat "$WORK/cp.txt")"

echo "== models"
PACKAGE=$("$JAVA" -cp "$CP" dev.cairn.deploy.ChurnModel "$WORK/store" "$CSV" | tail -1)
echo "cairn: Tribuo logistic regression, package $PACKAGE"
echo "peer:  $($PY bench/serving-peer/train.py "$CSV" "$WORK/peer.joblib")"

# One customer as the two APIs take it (the second row of the CSV).
cat > "$WORK/predict.json" <<'JSON'
{"features":{"female":0,"senior_citizen":0,"partner":0,"dependents":0,"tenure":34,"phone_service":1,"multiple_lines":"No","internet_service":"DSL","online_security":"Yes","online_backup":"No","device_protection":"Yes","tech_support":"No","streaming_tv":"No","streaming_movies":"No","contract":"One year","paperless_billing":0,"payment_method":"Mailed check","monthly_charges":56.95,"total_charges":1889.5}}
JSON
$PY - "$WORK/predict.json" "$WORK/infer.json" <<'PYEOF'
import json, sys
features = json.load(open(sys.argv[1]))["features"]
def tensor(name, value):
    kind = "BYTES" if isinstance(value, str) else ("INT64" if isinstance(value, int) else "FP64")
    return {"name": name, "shape": [1], "datatype": kind, "data": [value]}
json.dump({"inputs": [tensor(k, v) for k, v in features.items()]}, open(sys.argv[2], "w"))
PYEOF

echo "== start"
CAIRN_PORT=$(free_port)
START=$(date +%s%N)
CAIRN_STORE_ROOT="$WORK/store" CAIRN_MODEL_NAME=churn CAIRN_MODEL_VERSION=1 CAIRN_MODEL_PACKAGE=$PACKAGE \
  CAIRN_HTTP_PORT=$CAIRN_PORT CAIRN_PREDICTIONS_ENABLED=${PREDICTIONS:-false} CAIRN_SERVING_BASELINE_ENDPOINT=true \
  "$JAVA" ${JAVA_OPTS:-} -jar deploy/target/quarkus-app/quarkus-run.jar >"$WORK/cairn.log" 2>&1 &
PIDS+=($!)
until curl -sf -o /dev/null -H 'Content-Type: application/json' --data @"$WORK/predict.json" \
    "http://127.0.0.1:$CAIRN_PORT/predict"; do
  sleep 0.02
  kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$WORK/cairn.log"; exit 1; }
done
FIRST_MS=$(( ($(date +%s%N) - START) / 1000000 ))
echo "cairn: first successful prediction ${FIRST_MS} ms after 'java -jar' (JVM start, load + checksum, warm-up)"
grep -o 'started in [0-9.]*s\|loaded in.*started' "$WORK/cairn.log" | sed 's/^/cairn: /' || true

PEER_PORT=$(free_port)
PEER_MODEL="$WORK/peer.joblib" gunicorn --chdir bench/serving-peer -w "$(nproc)" -b 127.0.0.1:$PEER_PORT \
  --log-level warning app:app >"$WORK/peer.log" 2>&1 &
PIDS+=($!)
until curl -sf -o /dev/null -H 'Content-Type: application/json' --data @"$WORK/predict.json" \
    "http://127.0.0.1:$PEER_PORT/predict"; do sleep 0.1; done
echo "peer: gunicorn, $(nproc) sync workers"

declare -A RPS P50 P99 ERRS
run() {  # name url body
  BODY="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/serving-post.lua "$2" >/dev/null
  BODY="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/serving-post.lua "$2" \
    >"$WORK/$1.wrk"
  RPS[$1]=$(awk '/^Requests\/sec/ {print $2}' "$WORK/$1.wrk")
  P50[$1]=$(awk '$1=="50%" {print $2}' "$WORK/$1.wrk")
  P99[$1]=$(awk '$1=="99%" {print $2}' "$WORK/$1.wrk")
  ERRS[$1]=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/$1.wrk" | tr '\n' ' ')
  printf '%-10s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" "${ERRS[$1]:-}"
}

echo "== wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP} s warm-up each), single-row requests"
run baseline "http://127.0.0.1:$CAIRN_PORT/baseline" "$WORK/predict.json"
run predict "http://127.0.0.1:$CAIRN_PORT/predict" "$WORK/predict.json"
run infer "http://127.0.0.1:$CAIRN_PORT/v2/models/churn/infer" "$WORK/infer.json"
run peer "http://127.0.0.1:$PEER_PORT/predict" "$WORK/predict.json"

echo "== ratios"
awk -v b="${RPS[baseline]}" -v p="${RPS[predict]}" -v i="${RPS[infer]}" -v f="${RPS[peer]}" 'BEGIN {
  printf "predict / peer:     %6.1fx\n", p / f
  printf "infer / peer:       %6.1fx\n", i / f
  printf "predict / baseline: %6.1f %%\n", 100 * p / b
  printf "infer / baseline:   %6.1f %%\n", 100 * i / b
}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
