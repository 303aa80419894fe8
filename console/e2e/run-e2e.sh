#!/usr/bin/env bash
# Browser tests of the console against a real decision service: starts the service from
# policy-admin/target (the built WAR and payara-micro.jar, through ./fulcrum-service) on a free
# 127.0.0.1 port with an in-memory H2 database and the demo users, waits until /health/ready says UP,
# runs the tests (node --test, headless /usr/bin/chromium through playwright-core) with BASE_URL,
# and always stops the service it started, by its PID. Exits with the tests' status.
#
# Settings (environment): SCREENSHOT_DIR (default policy-admin/target/console-screenshots),
# CHROMIUM (default /usr/bin/chromium), E2E_READY_SECONDS (default 600), E2E_TEST_SECONDS
# (default 1200: the whole test run), E2E_JAVA_OPTS (the service's JVM options, default
# -Xms256m -Xmx1g -Xss4m). The service's log: policy-admin/target/console-e2e/service.log.
set -euo pipefail
E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/../.." && pwd)"
TARGET="$ROOT/policy-admin/target"
OUT="$TARGET/console-e2e"
export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$TARGET/console-screenshots}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
READY_SECONDS="${E2E_READY_SECONDS:-600}"
TEST_SECONDS="${E2E_TEST_SECONDS:-1200}"

fail() { echo "run-e2e: $*" >&2; exit 1; }

[ -x "$CHROMIUM" ] || fail "$CHROMIUM is missing: the browser tests need Chromium (apt-get install -y chromium chromium-driver; .ci/run does it)"
command -v node >/dev/null 2>&1 || fail "node is missing: the browser tests need Node.js 20 or later and npm"
command -v npm >/dev/null 2>&1 || fail "npm is missing: the browser tests need Node.js 20 or later and npm"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || fail "Node.js $(node --version) is too old: the browser tests (playwright-core) need Node.js 20 or later"
[ -f "$TARGET/fulcrum-policy-admin.war" ] && [ -f "$TARGET/payara-micro.jar" ] \
  || fail "policy-admin/target has no fulcrum-policy-admin.war and payara-micro.jar: package policy-admin first"

# Dependencies first (playwright-core only; it never downloads a browser here), so that the
# service does not wait for them. npm ci again when the lock file is newer than the installed tree.
cd "$E2E_DIR"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 npm ci --no-audit --no-fund --loglevel=error
fi

# A free port: the kernel picks one for a listener on 127.0.0.1, which is then closed.
PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
BASE_URL="http://127.0.0.1:$PORT"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/fulcrum-e2e.XXXXXX")"
SERVICE_PID=""

stop_service() {
  local status=$?
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "run-e2e: stopping the service (PID $SERVICE_PID)" >&2
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$SERVICE_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "run-e2e: the service did not stop within 30 s: kill -9 $SERVICE_PID" >&2
      kill -KILL "$SERVICE_PID" 2>/dev/null || true
    fi
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
  exit "$status"
}
trap stop_service EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$OUT" "$SCREENSHOT_DIR"
# The service under test is a copy of the built WAR with one test-support endpoint added,
# TamperResource (edits the database behind the service's back, as someone with database access
# would), so a test can break the audit chain and see the audit page name the broken link. The
# copy lives in this run's temporary data directory; the built WAR itself is never changed.
TAMPER=io/fulcrum/admin/it/TamperResource.class
[ -f "$TARGET/test-classes/$TAMPER" ] \
  || fail "policy-admin/target/test-classes has no $TAMPER: compile policy-admin's tests first"
TEST_WAR="$DATA/fulcrum-policy-admin-e2e.war"
STAGE="$DATA/war-stage"
mkdir -p "$STAGE/WEB-INF/classes/$(dirname "$TAMPER")"
cp "$TARGET/fulcrum-policy-admin.war" "$TEST_WAR"
cp "$TARGET/test-classes/$TAMPER" "$STAGE/WEB-INF/classes/$TAMPER"
(cd "$STAGE" && jar uf "$TEST_WAR" "WEB-INF/classes/$TAMPER") || fail "could not add $TAMPER to the test WAR"
# A fixed checkpoint signing key (demo mode would make a random one), chosen so that the base64 of
# its public key holds a '+': the browser's verifier-key parser once split the whole line at every
# '+' and failed on about half of all random keys (CI, 2026-11-30). The seed is SHA-256 of
# "fulcrum-e2e-1"; flow.test.mjs checks the served key still has a '+' in its key part.
printf '%s\n' 'PRIVATE+KEY+fulcrum.local/decision-log+64265f6f+AYD/tComyDoZHahM/w/0N6EhIzYu7J6KBQ7mDmKS5sGO' \
  > "$DATA/audit-signing.key"
chmod 600 "$DATA/audit-signing.key"
echo "run-e2e: starting the service on $BASE_URL (log: $OUT/service.log)" >&2
# fulcrum-service execs java: $! is the service's own PID. Its database and user settings are
# cleared so that it is the in-memory H2 database with the demo users whatever the caller set.
env -u FULCRUM_DB_URL -u FULCRUM_DB_USER -u FULCRUM_DB_PASSWORD -u FULCRUM_USERS_FILE -u FULCRUM_MODE \
  -u FULCRUM_POLICY_ACTIVE -u FULCRUM_DB_DATASOURCE_CLASS \
  FULCRUM_DATA="$DATA" FULCRUM_PORT="$PORT" FULCRUM_BIND=127.0.0.1 FULCRUM_WAR="$TEST_WAR" \
  FULCRUM_AUDIT_SIGNING_KEY="$DATA/audit-signing.key" \
  FULCRUM_SERVICE_JAVA_OPTS="${E2E_JAVA_OPTS:--Xms256m -Xmx1g -Xss4m}" \
  "$ROOT/fulcrum-service" --in-memory >"$OUT/service.log" 2>&1 </dev/null &
SERVICE_PID=$!

deadline=$((SECONDS + READY_SECONDS))
ready() {
  node -e 'fetch(process.argv[1], {signal: AbortSignal.timeout(5000)}).then((r) => r.text())
    .then((t) => process.exit(/"status":"UP"/.test(t) ? 0 : 1), () => process.exit(1))' "$BASE_URL/health/ready"
}
until ready; do
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    tail -n 40 "$OUT/service.log" >&2
    fail "the service exited before it was ready (log above)"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 40 "$OUT/service.log" >&2
    fail "the service was not ready within $READY_SECONDS s ($BASE_URL/health/ready; log above)"
  fi
  sleep 2
done
echo "run-e2e: the service is ready after ${SECONDS} s; running the browser tests" >&2

set +e
BASE_URL="$BASE_URL" timeout --kill-after=10 "$TEST_SECONDS" node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$OUT/junit.xml" \
  tests/*.test.mjs
status=$?
set -e
[ "$status" -eq 124 ] && echo "run-e2e: the browser tests did not finish within $TEST_SECONDS s" >&2
echo "run-e2e: screenshots in $SCREENSHOT_DIR" >&2
exit "$status"
