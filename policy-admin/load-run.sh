#!/usr/bin/env bash
# Load run of the decision service on this machine only (127.0.0.1), persistence and explanations on.
# Starts the built service on a spare port with the chosen database, warms it up, then measures, in
# the same run and against the same service:
#   1. closed loop, GET /api/v1/me (authenticated, no work: the ceiling) and POST /api/v1/decisions,
#      C connections each sending its next request when the previous answered;
#   2. open model at a fixed arrival rate R (latency from each request's intended send time, so no
#      coordinated omission), /me then decisions, R requests/s for S seconds each;
# then checks that the audit chain is intact and holds exactly one record per acknowledged decision,
# stops the service and prints one summary line (`load-run summary ...`). Every figure line carries
# the load average (1/5/15 min) read before and after it. Load generator: policy-admin/src/load/LoadRun.java
# (HdrHistogram percentiles; see its comment for why this tool).
#
#   policy-admin/load-run.sh h2 [connections] [requests] [rate] [seconds]
#   policy-admin/load-run.sh postgres [connections] [requests] [rate] [seconds]
#     defaults: 8 connections, 10000 requests per closed run, 2000 requests/s for 10 s per open run
#
# Environment: FULCRUM_LOAD_PORT (18080), FULCRUM_LOAD_PGDB (fulcrum_load: dropped and created on
# 127.0.0.1:5432 as user postgres), FULCRUM_LOAD_WARMUP (4000 decisions and 4000 /me calls),
# FULCRUM_LOAD_OPEN_CONNECTIONS (64), FULCRUM_WAR (the WAR to deploy, e.g. an older build to compare),
# FULCRUM_REQUEST_LOG (false by default here: one log line per request is not what is measured),
# FULCRUM_SERVICE_JAVA_OPTS. Exit status 1 if any request failed, a run hit its time bound, or the
# audit check failed.
#
# Needs curl, jq, java 17 (and psql for postgres). Build first: ./mvnw -B -o -q -pl policy-admin -am package -DskipTests
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-h2}"
CONNECTIONS="${2:-8}"
REQUESTS="${3:-10000}"
RATE="${4:-2000}"
SECONDS_OPEN="${5:-10}"
PORT="${FULCRUM_LOAD_PORT:-18080}"
PGDB="${FULCRUM_LOAD_PGDB:-fulcrum_load}"
WARMUP="${FULCRUM_LOAD_WARMUP:-4000}"
OPEN_CONNECTIONS="${FULCRUM_LOAD_OPEN_CONNECTIONS:-64}"
case "$DB" in h2 | postgres) ;; *) echo "load-run: database is h2 or postgres, not '$DB'" >&2; exit 2 ;; esac
HDR="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
if [ ! -f "$HDR" ]; then
  "$ROOT/mvnw" -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 >&2
fi
WORK="$(mktemp -d)"
mkdir -p "$WORK/classes" "$ROOT/policy-admin/target"
javac -d "$WORK/classes" -cp "$HDR" "$ROOT/policy-admin/src/load/LoadRun.java"
export FULCRUM_DATA="$WORK" FULCRUM_PORT="$PORT" FULCRUM_MODE=demo
export FULCRUM_REQUEST_LOG="${FULCRUM_REQUEST_LOG:-false}"
export FULCRUM_SERVICE_JAVA_OPTS="${FULCRUM_SERVICE_JAVA_OPTS:--Xms1g -Xmx2g -Xss4m}"
ARGS=(--in-memory)
if [ "$DB" = "postgres" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $PGDB" >/dev/null
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $PGDB" >/dev/null
  export FULCRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PGDB" FULCRUM_DB_USER=postgres
  ARGS=()
fi
# Bounded: the service is stopped after 30 minutes whatever happens.
timeout 1800 "$ROOT/fulcrum-service" "${ARGS[@]}" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; cp "$WORK/service.log" "$ROOT/policy-admin/target/load-run-service.log" 2>/dev/null; rm -rf "$WORK"' EXIT
# Ready within 20 minutes (a start takes about a minute on a quiet machine, far longer on a busy one).
READY=false
for _ in $(seq 1 1200); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && { READY=true; break; }
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 1
done
[ "$READY" = true ] || { echo "load-run: the service was not ready within 20 minutes" >&2; exit 1; }
URL="http://127.0.0.1:$PORT/"
head_sequence() {
  curl -sf -u auditor:auditor-demo "${URL}api/v1/audit/verify" | sed -n 's/.*"headSequence":\([0-9]*\).*/\1/p'
}
FAILED=0
# load <name> key=value...: one LoadRun line, kept in $WORK/<name>
load() {
  local name="$1"
  shift
  timeout 900 java -XX:+UseSerialGC -Xmx512m -cp "$WORK/classes:$HDR" LoadRun url="$URL" \
    body="$ROOT/policy-admin/src/test/resources/requests/btc-isolated-long.json" "$@" \
    > "$WORK/$name" || FAILED=1
  echo "$name: $(cat "$WORK/$name")"
}
# field <run> <key>: the first value of key in that run's line
field() { grep -o " $2=[^ ]*" "$WORK/$1" | head -1 | cut -d= -f2; }
HEAD0="$(head_sequence)"
echo "load-run: $DB, port $PORT, $CONNECTIONS connections, $REQUESTS requests per closed run, open model $RATE/s x ${SECONDS_OPEN}s, $(nproc) cores"
load warm-decisions endpoint=decisions model=closed connections="$CONNECTIONS" requests="$WARMUP" tag=warm seconds=300
load warm-me endpoint=me model=closed connections="$CONNECTIONS" requests="$WARMUP" seconds=300
JVM="$(pgrep -P "$SERVICE" java || true)"
# jit: methods compiled and JIT compile time (s), cumulative, from jstat (empty without a JDK jstat)
jit() { [ -n "$JVM" ] && jstat -compiler "$JVM" 2>/dev/null | awk 'NR == 2 { print $1, $4 }'; }
JIT0="$(jit || true)"
load closed-me endpoint=me model=closed connections="$CONNECTIONS" requests="$REQUESTS" seconds=300
load closed-decisions endpoint=decisions model=closed connections="$CONNECTIONS" requests="$REQUESTS" tag=closed seconds=300
OPEN_REQUESTS=$(awk "BEGIN { printf \"%d\", $RATE * $SECONDS_OPEN }")
OPEN_BOUND=$((SECONDS_OPEN * 3 + 30))
load open-me endpoint=me model=open rate="$RATE" connections="$OPEN_CONNECTIONS" requests="$OPEN_REQUESTS" seconds="$OPEN_BOUND"
load open-decisions endpoint=decisions model=open rate="$RATE" connections="$OPEN_CONNECTIONS" requests="$OPEN_REQUESTS" tag=open seconds="$OPEN_BOUND"
JIT1="$(jit || true)"
JIT=unknown
if [ -n "$JIT0" ] && [ -n "$JIT1" ]; then
  JIT=$(echo "$JIT0 $JIT1" | awk '{ printf "%d methods in %.1f s of compile time", $3 - $1, $4 - $2 }')
fi
echo "JIT during the measured runs: $JIT"
VERIFY="$(curl -s -u auditor:auditor-demo "${URL}api/v1/audit/verify")"
echo "audit verify: $VERIFY"
HEAD1="$(echo "$VERIFY" | sed -n 's/.*"headSequence":\([0-9]*\).*/\1/p')"
ACKED=0
for run in warm-decisions closed-decisions open-decisions; do
  ACKED=$((ACKED + $(field $run ok)))
done
STORED=$((HEAD1 - HEAD0))
AUDIT=broken
if echo "$VERIFY" | grep -q '"intact":true' && [ "$STORED" -eq "$ACKED" ]; then
  AUDIT=intact
else
  FAILED=1
fi
# First decision after activating another version: the activation compiles and warms it before it
# takes effect (PolicyEngine.reload), so the decision right after the answer must not pay for it.
ACTIVE="$(curl -sf -u auditor:auditor-demo "${URL}api/v1/policies/active" | jq -r .active)"
POLICY="${ACTIVE%@*}"
OTHER="$(curl -sf -u auditor:auditor-demo "${URL}api/v1/policies/$POLICY/versions" \
  | jq -r '[.[] | select(.state == "APPROVED")][0].version // empty')"
FIRST=none
if [ -n "$OTHER" ]; then
  ACTIVATE_MS=$(curl -s -o "$WORK/activate" -w '%{time_total}' -u approver:approver-demo -H 'Content-Type: application/json' \
    -d '{"reason":"load run: first decision after an activation"}' "${URL}api/v1/policies/$POLICY/versions/$OTHER/activate" \
    | awk '{ printf "%.0f", $1 * 1000 }')
  FIRST_MS=$(curl -s -o "$WORK/first" -w '%{http_code} %{time_total}' -u decider:decider-demo -H 'Content-Type: application/json' \
    --data-binary "@$ROOT/policy-admin/src/test/resources/requests/btc-isolated-long.json" "${URL}api/v1/decisions" \
    | awk '{ printf "%s %.1f", $1, $2 * 1000 }')
  [ "$(jq -r .decision.policy.version "$WORK/first")" = "$OTHER" ] || FAILED=1
  FIRST="$POLICY@$OTHER activate=${ACTIVATE_MS}ms first_decision=${FIRST_MS#* }ms (status ${FIRST_MS% *})"
  echo "first decision after activating $FIRST"
  VERIFY="$(curl -s -u auditor:auditor-demo "${URL}api/v1/audit/verify")"
  echo "audit verify: $VERIFY"
  echo "$VERIFY" | grep -q '"intact":true' || { AUDIT=broken; FAILED=1; }
fi
ME="$(field closed-me throughput | tr -d '/s')"
DEC="$(field closed-decisions throughput | tr -d '/s')"
RATIO=$(awk "BEGIN { printf \"%.2f\", ($ME > 0 ? $DEC / $ME : 0) }")
echo "load-run summary db=$DB cores=$(nproc) closed(${CONNECTIONS}c): me=${ME}/s decisions=${DEC}/s ratio=$RATIO" \
  "decisions_p50=$(field closed-decisions p50)ms decisions_p99=$(field closed-decisions p99)ms me_p99=$(field closed-me p99)ms" \
  "| open ${RATE}/s: decisions_p99=$(field open-decisions p99)ms (achieved $(field open-decisions throughput)) me_p99=$(field open-me p99)ms" \
  "| acknowledged=$ACKED chained=$STORED audit=$AUDIT | activation: $FIRST | jit: $JIT | loadavg $(field closed-me loadavg_before) .. $(field open-decisions loadavg_after)"
exit $FAILED
