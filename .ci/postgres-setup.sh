#!/usr/bin/env bash
# Makes sure PostgreSQL answers on 127.0.0.1:5432 and that the decision service's test database
# (fulcrum_test) exists. Called by .ci/run before `mvn verify`; safe to run again.
set -euo pipefail
HOST=127.0.0.1
PORT=5432
DB=fulcrum_test
for _ in $(seq 1 30); do
  pg_isready -q -h "$HOST" -p "$PORT" && break
  sleep 1
done
if ! pg_isready -q -h "$HOST" -p "$PORT"; then
  echo "postgres-setup: PostgreSQL is not answering on $HOST:$PORT" >&2
  exit 1
fi
if [ "$(psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" != "1" ]; then
  psql -h "$HOST" -p "$PORT" -U postgres -d postgres -qc "create database $DB"
  echo "postgres-setup: created database $DB"
else
  echo "postgres-setup: database $DB exists"
fi
