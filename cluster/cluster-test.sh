#!/usr/bin/env bash
# The cluster test (README, "Cluster"): 3 members + HAProxy on 127.0.0.1 over one PostgreSQL
# database, started by ./fulcrum-cluster, and checked:
#   1. nothing of the cluster listens on anything but 127.0.0.1 (ss -ltnp);
#   2. the same Idempotency-Key sent concurrently to all three members: one decision;
#      a distributed impact run (a generated book partitioned across the 3 members through the
#      data grid) equals the single-member run of the same input byte for byte, with more than one
#      member computing ranges (timings of both printed with the load average);
#   3. a bounded load through the balancer (8 clients, 25 s, cluster/ClusterLoad.java); during it
#      an activation on member 1 (members 2 and 3 list it within 1 s of its answer; no decision
#      after its instant carries the old version, none before it the new one, none a mix), then a
#      kill -9 of member 3 (the balancer marks it DOWN and stops routing to it) 2 s into a
#      distributed impact (member 1 recomputes member 3's range; the result equals the single run);
#   4. every acknowledged decision stored exactly once (client-side ids against the database),
#      /audit/verify intact and the chain holding exactly the stored decisions and events;
#   5. member 3 restarted: the time until it is ready, back in the balancer and in the data grid,
#      on the new version.
# Always stops what it started (./fulcrum-cluster down). Exit status 1 on any failed check.
# Run by the policy-admin build in the integration-test phase (-DskipCluster or -DskipITs skip it).
#
# Environment: FULCRUM_CLUSTER_TEST_DB (fulcrum_cluster_test: dropped and created), the ports of
# ./fulcrum-cluster (balancer 8140, members 8141-8143, data grid 5710-5712, statistics 8179),
# CLUSTER_TEST_CLIENTS (8), CLUSTER_TEST_SECONDS (25), CLUSTER_TEST_IMPACT_ACCOUNTS (3000: the
# generated book of the distributed impact). Needs curl, jq, psql, java 17.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${FULCRUM_CLUSTER_TEST_DB:-fulcrum_cluster_test}"
CLIENTS="${CLUSTER_TEST_CLIENTS:-8}"
SECONDS_LOAD="${CLUSTER_TEST_SECONDS:-25}"
OUT="${CLUSTER_TEST_OUT:-$ROOT/policy-admin/target/cluster-test}"
export FULCRUM_CLUSTER_RUN="${FULCRUM_CLUSTER_RUN:-$OUT/run}"
export FULCRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" FULCRUM_DB_USER=postgres FULCRUM_MODE=demo
export FULCRUM_REQUEST_LOG="${FULCRUM_REQUEST_LOG:-false}"
# a distributed impact whose member is killed mid-run: the coordinator notices the member leaving
# the data grid; the range timeout only bounds the case where it does not
export FULCRUM_CLUSTER_IMPACT_RANGE_TIMEOUT="${FULCRUM_CLUSTER_IMPACT_RANGE_TIMEOUT:-PT3M}"
LB="http://127.0.0.1:${FULCRUM_CLUSTER_LB_PORT:-8140}/"
BASE="${FULCRUM_CLUSTER_HTTP_BASE:-8141}"
HZ="${FULCRUM_CLUSTER_HZ_BASE:-5710}"
IMPACT_ACCOUNTS="${CLUSTER_TEST_IMPACT_ACCOUNTS:-3000}"
STATS="http://127.0.0.1:${FULCRUM_CLUSTER_STATS_PORT:-8179}/stats;csv"
BODY="$ROOT/policy-admin/src/test/resources/requests/btc-isolated-long.json"
member() { echo "http://127.0.0.1:$((BASE + $1 - 1))/"; }
AUD=(-u auditor:auditor-demo)
START=$(date +%s)
FAILED=0
fail() { echo "cluster-test: FAILED: $*" >&2; FAILED=1; }
ok() { echo "cluster-test: ok: $*"; }
sql() { psql -h 127.0.0.1 -U postgres -d "$DB" -tAq -c "$1"; }
now() { date +%s.%N; }
elapsed() { awk "BEGIN { printf \"%.2f\", $2 - $1 }"; }
lb_state() { curl -sf -m 3 "$STATS" | awk -F, -v s="m$1" '$1 == "members" && $2 == s { print $18 }'; }

rm -rf "$OUT"
mkdir -p "$OUT"
cleanup() {
  "$ROOT/fulcrum-cluster" down > /dev/null 2>&1 || true
  for i in 1 2 3; do cp "$FULCRUM_CLUSTER_RUN/member-$i.log" "$OUT/" 2> /dev/null || true; done
}
trap cleanup EXIT
trap "exit 143" TERM INT
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" > /dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB" > /dev/null || { echo "cluster-test: PostgreSQL not reachable" >&2; exit 1; }

echo "cluster-test: starting 3 members and the balancer ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
T=$(now)
"$ROOT/fulcrum-cluster" up 3 || { echo "cluster-test: the cluster did not start" >&2; exit 1; }
echo "cluster-test: cluster up in $(elapsed "$T" "$(now)") s"

# 1. Only 127.0.0.1.
PIDS="$(cat "$FULCRUM_CLUSTER_RUN"/member-*.pid "$FULCRUM_CLUSTER_RUN/haproxy.pid" | paste -sd'|')"
ss -ltnp | grep -E "pid=($PIDS)," > "$OUT/listening.txt"
if grep -v -E '(\[::ffff:127\.0\.0\.1\]|127\.0\.0\.1):[0-9]+ ' "$OUT/listening.txt" | grep -q .; then
  fail "a member or the balancer listens beyond 127.0.0.1: $(grep -v -E '(\[::ffff:127\.0\.0\.1\]|127\.0\.0\.1):' "$OUT/listening.txt")"
else
  ok "every socket of the cluster listens on 127.0.0.1 ($(wc -l < "$OUT/listening.txt") sockets: $(awk '{print $4}' "$OUT/listening.txt" | sed 's/.*://' | sort -n | paste -sd' '))"
fi
VIEW="$(curl -sf "${AUD[@]}" "$(member 2)api/v1/cluster" | jq -c .members)"
[ "$VIEW" = "[\"127.0.0.1:$HZ\",\"127.0.0.1:$((HZ + 1))\",\"127.0.0.1:$((HZ + 2))\"]" ] && ok "data grid members seen by member 2: $VIEW" || fail "data grid members seen by member 2: $VIEW"

# 2. The same idempotency key to all three members at once.
KEY="same-key-$(date +%s%N)"
for i in 1 2 3; do
  curl -s -o "$OUT/idem-$i.json" -w '%{http_code}\n' -u decider:decider-demo -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $KEY" --data-binary "@$BODY" "$(member "$i")api/v1/decisions" > "$OUT/idem-$i.status" &
done
wait
IDS="$(for i in 1 2 3; do jq -r .id "$OUT/idem-$i.json"; done | sort -u)"
CODES="$(cat "$OUT"/idem-*.status | sort | paste -sd' ')"
STORED="$(sql "select count(*) from margin_decision where idempotency_key = '$KEY'")"
if [ "$(echo "$IDS" | wc -l)" = 1 ] && [ "$STORED" = 1 ] && [ "$CODES" = "200 200 201" ]; then
  ok "one idempotency key sent to 3 members at once: statuses $CODES, one decision $IDS stored"
else
  fail "one idempotency key to 3 members: statuses $CODES, ids $(echo $IDS), stored $STORED"
fi

# 2b. A distributed impact equals the single-member run, byte for byte. Member 1 coordinates;
# the first distributed run warms every member (compiling both versions), then the single-member
# run and a second distributed run are timed.
IMPACT_BODY="{\"policy\":\"tiered-perps\",\"version\":\"2\",\"baseline\":\"tiered-perps@1\",\"suite\":\"perps-book.yaml\",\"generate\":$IMPACT_ACCOUNTS}"
impact() { # impact OUTFILE [QUERY]: POST /cluster/impact to member 1; prints the HTTP status
  curl -s -m 900 -o "$1" -w '%{http_code}' -u author:author-demo -H 'Content-Type: application/json' \
    -d "$IMPACT_BODY" "$(member 1)api/v1/cluster/impact${2:-}"
}
echo "cluster-test: impact of tiered-perps@2 against @1 over perps-book.yaml with $IMPACT_ACCOUNTS generated accounts"
load() { cut -d' ' -f1-3 /proc/loadavg; }
L1="$(load)"; T=$(now); C1="$(impact "$OUT/impact-dist-warm.json")"; W1="$(elapsed "$T" "$(now)")"
L2="$(load)"; T=$(now); C2="$(impact "$OUT/impact-single.json" '?members=1')"; W2="$(elapsed "$T" "$(now)")"
L3="$(load)"; T=$(now); C3="$(impact "$OUT/impact-dist.json")"; W3="$(elapsed "$T" "$(now)")"
L4="$(load)"
if [ "$C1$C2$C3" = 200200200 ]; then
  for f in single dist dist-warm; do jq -j .report "$OUT/impact-$f.json" > "$OUT/impact-$f.report.json"; done
  COMPUTED="$(jq -r '[.ranges[].computedBy] | unique | length' "$OUT/impact-dist.json")"
  NOTES="$(jq -r '[.ranges[] | select(.note != null) | "range \(.range): \(.note)"] | join("; ")' "$OUT/impact-dist.json")"
  SUM="$(sha256sum < "$OUT/impact-single.report.json" | cut -d' ' -f1)"
  CHANGED="$(jq -r .changedCells "$OUT/impact-single.report.json")"
  jq -r '.ranges[] | "  range \(.range) [\(.fromAccount), \(.toAccount)): assigned to \(.assignedTo), computed by \(.computedBy) in \(.seconds) s\(if .note then " (\(.note))" else "" end)"' "$OUT/impact-dist.json"
  if cmp -s "$OUT/impact-single.report.json" "$OUT/impact-dist.report.json" \
    && cmp -s "$OUT/impact-single.report.json" "$OUT/impact-dist-warm.report.json" \
    && [ "$SUM" = "$(jq -r .reportSha256 "$OUT/impact-dist.json")" ] && [ "$SUM" = "$(jq -r .reportSha256 "$OUT/impact-single.json")" ] \
    && [ "$COMPUTED" -gt 1 ] && [ "$CHANGED" -gt 0 ]; then
    ok "distributed impact = single-member run byte for byte (sha256 $SUM, $(wc -c < "$OUT/impact-single.report.json") bytes, $CHANGED changed cells); $COMPUTED members computed ranges${NOTES:+ ($NOTES)}"
  else
    fail "distributed impact differs from the single-member run or ran on one member: sha256 single $SUM, distributed $(sha256sum < "$OUT/impact-dist.report.json" | cut -d' ' -f1), warm-up $(sha256sum < "$OUT/impact-dist-warm.report.json" | cut -d' ' -f1); members computing ranges $COMPUTED; changed cells $CHANGED${NOTES:+; $NOTES}"
  fi
  echo "cluster-test: impact timings ($IMPACT_ACCOUNTS accounts x $(jq -r .marketStates "$OUT/impact-single.json") states): distributed, first (warms every member) $W1 s; single member $W2 s (decide $(jq -r .decideSeconds "$OUT/impact-single.json") s); distributed over 3 $W3 s (decide $(jq -r .decideSeconds "$OUT/impact-dist.json") s); load average before each and after: $L1 / $L2 / $L3 / $L4" | tee "$OUT/impact-timings.txt"
else
  fail "distributed impact: HTTP $C1 / $C2 / $C3: $(head -c 300 "$OUT/impact-dist-warm.json") $(head -c 300 "$OUT/impact-single.json")"
fi

# 3. Load through the balancer, an activation on member 1, a member killed.
ACTIVE="$(curl -sf "${AUD[@]}" "${LB}api/v1/policies/active" | jq -r .active)"
POLICY="${ACTIVE%@*}"
OLD="${ACTIVE#*@}"
NEW="$(curl -sf "${AUD[@]}" "${LB}api/v1/policies/$POLICY/versions" | jq -r --arg old "$OLD" '[.[] | select(.state == "APPROVED" and .version != $old)] | last | .version')"
[ -n "$NEW" ] && [ "$NEW" != null ] || { fail "no other approved version of $POLICY to activate"; exit 1; }
HEAD0="$(sql "select last_sequence from audit_chain_head")"
echo "cluster-test: load: $CLIENTS clients for $SECONDS_LOAD s through the balancer; $POLICY $OLD -> $NEW on member 1 at ~6 s; kill -9 member 3 at ~12 s"
LOAD_START=$(now)
timeout $((SECONDS_LOAD + 300)) java -Xmx256m "$ROOT/cluster/ClusterLoad.java" url="$LB" clients="$CLIENTS" seconds="$SECONDS_LOAD" \
  body="$BODY" out="$OUT/acked.tsv" tag="ct$(date +%s)" > "$OUT/load.txt" 2> "$OUT/load.err" &
LOADER=$!
sleep 6
T_SEND=$(now)
curl -s -o "$OUT/activate.json" -u approver:approver-demo -H 'Content-Type: application/json' \
  -d '{"reason":"cluster test: activation during load"}' "$(member 1)api/v1/policies/$POLICY/versions/$NEW/activate"
T_ANSWER=$(now)
EFFECTIVE="$(jq -r .effectiveAt "$OUT/activate.json")"
RECORDED="$(jq -r .at "$OUT/activate.json")"
[ "$EFFECTIVE" != null ] || fail "activation refused: $(cat "$OUT/activate.json")"
for i in 2 3; do
  SEEN=""
  for _ in $(seq 1 100); do
    if curl -sf -m 2 "${AUD[@]}" "$(member "$i")api/v1/policies/active" \
      | jq -e --arg r "$POLICY@$NEW" '.active == $r or any(.scheduled[]; .policy == $r)' > /dev/null; then
      SEEN=$(now)
      break
    fi
    sleep 0.05
  done
  if [ -z "$SEEN" ]; then
    fail "member $i did not learn of the activation within 5 s"
  else
    # When the member started serving the new state (its /cluster loadedAt), against the time the
    # activation was recorded on member 1: the polling above runs at the mercy of a busy machine.
    LOADED="$(curl -sf "${AUD[@]}" "$(member "$i")api/v1/cluster" | jq -r .loadedAt)"
    LAG="$(python3 -c "from datetime import datetime as d; p=lambda s: d.fromisoformat(s.replace('Z','+00:00')); print('%.3f' % (p('$LOADED') - p('$RECORDED')).total_seconds())")"
    AHEAD="$(python3 -c "from datetime import datetime as d; p=lambda s: d.fromisoformat(s.replace('Z','+00:00')); print('%.3f' % (p('$EFFECTIVE') - p('$LOADED')).total_seconds())")"
    echo "member $i: activation recorded $RECORDED, loaded here $LOADED (+$LAG s), effective $EFFECTIVE ($AHEAD s later); listed by /policies/active $(elapsed "$T_ANSWER" "$SEEN") s after member 1 answered ($(elapsed "$T_SEND" "$T_ANSWER") s)" >> "$OUT/switch.txt"
    awk "BEGIN { exit !($LAG <= 1.0) }" && ok "member $i loaded the activation $LAG s after member 1 recorded it, $AHEAD s before it took effect" \
      || fail "member $i loaded the activation $LAG s after member 1 recorded it (more than 1 s; $AHEAD s before it took effect)"
  fi
done
sleep "$(awk "BEGIN { d = 12 - ($(now) - $LOAD_START); print (d > 0 ? d : 0) }")"
# a distributed impact running while member 3 is killed: its range must be recomputed by member 1
T_IMPACT_KILL=$(now)
(impact "$OUT/impact-kill.json" > "$OUT/impact-kill.status"; now > "$OUT/impact-kill.done") &
IMPACT_KILL=$!
sleep 2
T_KILL=$(now)
"$ROOT/fulcrum-cluster" kill 3
DOWN_AT=""
for _ in $(seq 1 200); do
  [ "$(lb_state 3)" = DOWN ] && { DOWN_AT=$(now); break; }
  sleep 0.05
done
[ -n "$DOWN_AT" ] && ok "balancer marked member 3 DOWN $(elapsed "$T_KILL" "$DOWN_AT") s after kill -9" || fail "balancer did not mark member 3 DOWN within 10 s"
SESS_AT_DOWN="$(curl -sf -m 3 "$STATS" | awk -F, '$1 == "members" && $2 == "m3" { print $8 }')"
wait $LOADER
LOAD_STATUS=$?
cat "$OUT/load.txt"
[ "$LOAD_STATUS" = 0 ] || fail "load: some requests were never acknowledged (status $LOAD_STATUS): $(tail -3 "$OUT/load.err")"
SESS_AFTER="$(curl -sf -m 3 "$STATS" | awk -F, '$1 == "members" && $2 == "m3" { print $8 }')"
[ "$SESS_AT_DOWN" = "$SESS_AFTER" ] && ok "no request routed to member 3 after it was DOWN (its session count stayed $SESS_AFTER)" \
  || fail "requests routed to member 3 after DOWN: sessions $SESS_AT_DOWN -> $SESS_AFTER"

wait $IMPACT_KILL
WK="$(elapsed "$T_KILL" "$(cat "$OUT/impact-kill.done")")"
WI="$(elapsed "$T_IMPACT_KILL" "$(cat "$OUT/impact-kill.done")")"
M3="127.0.0.1:$((HZ + 2))"
if [ "$(cat "$OUT/impact-kill.status")" = 200 ] && jq -j .report "$OUT/impact-kill.json" > "$OUT/impact-kill.report.json" \
  && cmp -s "$OUT/impact-single.report.json" "$OUT/impact-kill.report.json"; then
  LOST="$(jq -r --arg m "$M3" '[.ranges[] | select(.assignedTo == $m) | "range \(.range) computed by \(.computedBy) in \(.seconds) s: \(.note)"] | join("; ")' "$OUT/impact-kill.json")"
  if jq -e --arg m "$M3" '[.ranges[] | select(.assignedTo == $m)] | length > 0 and all(.computedBy != $m and (.note // "" | test("left the cluster")))' "$OUT/impact-kill.json" > /dev/null; then
    ok "distributed impact with member 3 killed mid-run = single-member run byte for byte; its ranges recomputed by the coordinator ($LOST); answered in $WI s, $WK s after the kill, while the load ran"
  else
    fail "distributed impact with member 3 killed mid-run: equal to the single run, but member 3's ranges were not recomputed after it left: $LOST"
  fi
else
  fail "distributed impact with member 3 killed mid-run: HTTP $(cat "$OUT/impact-kill.status"), report $(sha256sum < "$OUT/impact-kill.report.json" 2> /dev/null | cut -d' ' -f1) vs single $(sha256sum < "$OUT/impact-single.report.json" | cut -d' ' -f1): $(head -c 300 "$OUT/impact-kill.json")"
fi

# 4. Every acknowledged decision stored exactly once; the chain intact.
ACKED=$(wc -l < "$OUT/acked.tsv")
sql "create table acked (key text, id text, seq bigint, version text, created text, status int)" > /dev/null
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "\\copy acked from '$OUT/acked.tsv'" > /dev/null
MISSING="$(sql "select count(*) from acked a where not exists (select 1 from margin_decision d where d.id = a.id and d.idempotency_key = a.key and d.sequence = a.seq and d.policy_version = a.version)")"
DUPKEYS="$(sql "select count(*) from (select key from acked group by key having count(distinct id) > 1) x")"
STORED_KEYS="$(sql "select count(*) from margin_decision d where d.idempotency_key in (select key from acked)")"
DISTINCT_KEYS="$(sql "select count(distinct key) from acked")"
if [ "$ACKED" -gt 0 ] && [ "$MISSING" = 0 ] && [ "$DUPKEYS" = 0 ] && [ "$STORED_KEYS" = "$DISTINCT_KEYS" ]; then
  ok "$ACKED acknowledged decisions, each stored exactly once (0 missing, $STORED_KEYS rows for $DISTINCT_KEYS keys)"
else
  fail "acknowledged $ACKED: missing $MISSING, keys with two ids $DUPKEYS, rows $STORED_KEYS for $DISTINCT_KEYS keys"
fi
# the versions around the activation instant (decisions without ?policy=: all of the load's)
OLD_AFTER="$(sql "select count(*) from margin_decision where created_at >= '$EFFECTIVE' and policy_version = '$OLD' and policy_id = '$POLICY'")"
NEW_BEFORE="$(sql "select count(*) from margin_decision where created_at < '$EFFECTIVE' and policy_version = '$NEW' and policy_id = '$POLICY'")"
MIXED="$(sql "select count(*) from margin_decision where (decision_json::json -> 'policy' ->> 'version') is distinct from policy_version or (decision_json::json -> 'policy' ->> 'hash') is distinct from policy_hash")"
AROUND="$(sql "select policy_version || ':' || count(*) from margin_decision where sequence > $HEAD0 group by policy_version order by 1" | paste -sd' ')"
if [ "$OLD_AFTER" = 0 ] && [ "$NEW_BEFORE" = 0 ] && [ "$MIXED" = 0 ]; then
  ok "activation at $EFFECTIVE: 0 decisions after it on $OLD, 0 before it on $NEW, 0 mixed (versions during the load: $AROUND)"
else
  fail "activation at $EFFECTIVE: $OLD_AFTER after it on $OLD, $NEW_BEFORE before it on $NEW, $MIXED mixed"
fi
VERIFY="$(curl -sf "${AUD[@]}" "${LB}api/v1/audit/verify")"
echo "$VERIFY" > "$OUT/verify.json"
RECORDS="$(sql "select count(*) from audit_record")"
ROWS="$(sql "select (select count(*) from margin_decision) + (select count(*) from policy_event)")"
HEAD="$(echo "$VERIFY" | jq -r .headSequence)"
if [ "$(echo "$VERIFY" | jq -r .intact)" = true ] && [ "$HEAD" = "$RECORDS" ] && [ "$RECORDS" = "$ROWS" ]; then
  ok "/audit/verify intact: head $HEAD = $RECORDS records = $ROWS decisions and events"
else
  fail "/audit/verify: $(echo "$VERIFY" | head -c 400); records $RECORDS, rows $ROWS"
fi

# 5. Member 3 rejoins.
T_RESTART=$(now)
"$ROOT/fulcrum-cluster" start 3 > "$OUT/restart.txt" 2>&1 || fail "member 3 did not restart: $(tail -3 "$OUT/restart.txt")"
T_READY=$(now)
UP_AT=""
for _ in $(seq 1 200); do
  [ "$(lb_state 3)" = UP ] && { UP_AT=$(now); break; }
  sleep 0.05
done
V3="$(curl -sf "${AUD[@]}" "$(member 3)api/v1/cluster")"
if [ -n "$UP_AT" ] && [ "$(echo "$V3" | jq -r '.members | length')" = 3 ] && [ "$(echo "$V3" | jq -r .active)" = "$POLICY@$NEW" ]; then
  ok "member 3 rejoined: ready $(elapsed "$T_RESTART" "$T_READY") s after its restart, UP in the balancer after $(elapsed "$T_RESTART" "$UP_AT") s, data grid of 3, active $POLICY@$NEW"
else
  fail "member 3 after restart: balancer ${UP_AT:+UP}${UP_AT:-not UP}, view $V3"
fi
CODE="$(curl -s -o /dev/null -w '%{http_code}' -u decider:decider-demo -H 'Content-Type: application/json' --data-binary "@$BODY" "$(member 3)api/v1/decisions")"
[ "$CODE" = 201 ] && ok "member 3 decides again" || fail "member 3 answered $CODE to a decision"

echo "cluster-test: $([ $FAILED = 0 ] && echo passed || echo FAILED) in $(($(date +%s) - START)) s (load average $(cut -d' ' -f1-3 /proc/loadavg)); details in $OUT"
exit $FAILED
