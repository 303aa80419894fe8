#!/usr/bin/env bash
# Throughput and latency through the balancer for 3, 2 and 1 members (README, "Cluster"), with the
# existing load tool (policy-admin/src/load/LoadRun.java, closed model, POST /api/v1/decisions):
# starts 3 members (./fulcrum-cluster up 3, database fulcrum_cluster_figures: dropped and created),
# measures, stops member 3, measures with 2, stops member 2, measures with 1, then stops everything.
# Every line carries the load average before and after it. Not part of the build (minutes).
#
#   cluster/cluster-figures.sh [connections] [requests]     defaults: 8 connections, 3000 requests
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONNECTIONS="${1:-8}"
REQUESTS="${2:-3000}"
DB="${FULCRUM_CLUSTER_FIGURES_DB:-fulcrum_cluster_figures}"
export FULCRUM_CLUSTER_RUN="${FULCRUM_CLUSTER_RUN:-/tmp/fulcrum-cluster-figures}"
export FULCRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" FULCRUM_DB_USER=postgres FULCRUM_MODE=demo
export FULCRUM_REQUEST_LOG=false
LB="http://127.0.0.1:${FULCRUM_CLUSTER_LB_PORT:-8140}/"
STATS="http://127.0.0.1:${FULCRUM_CLUSTER_STATS_PORT:-8179}/stats;csv"
HDR="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
[ -f "$HDR" ] || "$ROOT/mvnw" -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 >&2
WORK="$(mktemp -d)"
trap '"$ROOT/fulcrum-cluster" down > /dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
javac -d "$WORK" -cp "$HDR" "$ROOT/policy-admin/src/load/LoadRun.java"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" > /dev/null
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB" > /dev/null
"$ROOT/fulcrum-cluster" up 3
run() {
  java -XX:+UseSerialGC -Xmx512m -cp "$WORK:$HDR" LoadRun url="$LB" endpoint=decisions model=closed \
    connections="$CONNECTIONS" requests="$REQUESTS" warmup=$((REQUESTS / 2)) seconds=600 tag="m$1" \
    body="$ROOT/policy-admin/src/test/resources/requests/btc-isolated-long.json"
}
down_in_balancer() {
  for _ in $(seq 1 100); do
    curl -sf "$STATS" | awk -F, -v s="m$1" '$1 == "members" && $2 == s { print $18 }' | grep -q DOWN && return 0
    sleep 0.1
  done
  return 1
}
echo "members=3 $(run 3)"
"$ROOT/fulcrum-cluster" stop 3
down_in_balancer 3
echo "members=2 $(run 2)"
"$ROOT/fulcrum-cluster" stop 2
down_in_balancer 2
echo "members=1 $(run 1)"
echo "audit: $(curl -sf -u auditor:auditor-demo "${LB}api/v1/audit/verify" | head -c 200)"
