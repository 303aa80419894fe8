#!/usr/bin/env bash
# Load run of POST /api/v1/decisions with persistence on, on this machine only (127.0.0.1).
# Starts the built service on a spare port with the chosen database, warms it up, measures, stops it.
#
#   policy-admin/load-run.sh h2 [clients] [requests]         embedded H2 (in memory)
#   policy-admin/load-run.sh postgres [clients] [requests]   PostgreSQL 127.0.0.1:5432, database fulcrum_load
#
# FULCRUM_REQUEST_LOG=false turns the per-request log line off.
#
# Build first: mvn -q -DskipTests install
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-h2}"
CLIENTS="${2:-8}"
REQUESTS="${3:-5000}"
PORT="${FULCRUM_LOAD_PORT:-18080}"
WORK="$(mktemp -d)"
export FULCRUM_DATA="$WORK" FULCRUM_PORT="$PORT" FULCRUM_MODE=demo
export FULCRUM_SERVICE_JAVA_OPTS="${FULCRUM_SERVICE_JAVA_OPTS:--Xms1g -Xmx2g -Xss4m}"
ARGS=(--in-memory)
if [ "$DB" = "postgres" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists fulcrum_load" >/dev/null
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database fulcrum_load" >/dev/null
  export FULCRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/fulcrum_load" FULCRUM_DB_USER=postgres
  ARGS=()
fi
"$ROOT/fulcrum-service" "${ARGS[@]}" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; cp "$WORK/service.log" "$ROOT/policy-admin/target/load-run-service.log" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 1
done
echo "load-run: $DB, $CLIENTS clients, $REQUESTS requests (after warm-up)"
java "$ROOT/policy-admin/src/load/LoadRun.java" "http://127.0.0.1:$PORT/" "$CLIENTS" "$REQUESTS" 2000 \
  "$ROOT/policy-admin/src/test/resources/requests/btc-isolated-long.json"
curl -s -u auditor:auditor-demo "http://127.0.0.1:$PORT/api/v1/audit/verify"; echo
