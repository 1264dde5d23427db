#!/usr/bin/env bash
# The whole suite, as `make test` and CI run it:
#   1. manage.py check, makemigrations --check, ruff format/lint, import contracts, mypy
#   2. pytest on SQLite (everything but the browser tests; `make coverage` is this run with a
#      coverage report, kept out of here: it made this run take almost twice as long)
#   3. the same tests on a throwaway PostgreSQL 15 cluster started here and always removed (with the
#      real migrations, applied once while step 1 runs: they create PostgreSQL's search indexes
#      and the btree_gin extension)
#   4. the browser tests (Playwright + Debian Chromium + axe-core)
# A part that cannot run (no PostgreSQL, no Chromium) is announced loudly; with CI=true it fails.
set -euo pipefail
cd "$(dirname "$0")/.."

export ASSURANCE_ENV=test
export PYTHONDONTWRITEBYTECODE=1
BIN=.venv/bin
PY=$BIN/python
CI=${CI:-false}
WORKERS=${TEST_WORKERS:-2}
START=$SECONDS
SUMMARY=()
NOT_RUN=0

CURRENT_STEP="setting up"
PG_DIR=""
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; STEP_START=$SECONDS; CURRENT_STEP=$*; }
done_step() { SUMMARY+=("$(printf '%-44s %4ss' "$1" $((SECONDS - STEP_START)))"); }
loud() {
  printf '\n\033[1;31m%s\n!!! %s\n%s\033[0m\n\n' \
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' "$1" \
    '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!' >&2
}
not_run() {  # a part that cannot run here: loud, and fatal on CI
  loud "NOT RUN: $1"
  SUMMARY+=("$(printf '%-44s %s' "$2" 'NOT RUN')")
  NOT_RUN=$((NOT_RUN + 1))
  if [[ $CI == true ]]; then
    echo "CI=true: nothing may be skipped on CI." >&2
    exit 1
  fi
}
on_exit() {
  local rc=$?
  if [[ -n $PG_MIGRATE_PID ]]; then kill "$PG_MIGRATE_PID" 2>/dev/null || true; fi
  if [[ -n $PG_DIR ]]; then stop_pg; fi
  if [[ $rc != 0 ]]; then
    loud "make test FAILED (exit $rc) during: $CURRENT_STEP"
  fi
}
trap on_exit EXIT
trap "exit 130" INT TERM

run_pytest() {  # pytest, where exit code 5 (no tests collected) is a failure too
  local rc=0
  "$BIN/pytest" "$@" || rc=$?
  if [[ $rc == 5 ]]; then
    loud "pytest collected no tests ($*)"
    exit 1
  fi
  return "$rc"
}

# --- PostgreSQL, started first -----------------------------------------------------------------
# The checks below run one program at a time, on one core: on the other, a throwaway PostgreSQL
# cluster is started and the real migrations are applied to one database (about a minute and a
# half of CPU). The PostgreSQL run copies it for each of its workers instead of having every
# worker migrate its own.
PG_BIN=${PG_BIN:-}
if [[ -z $PG_BIN ]]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x $candidate/initdb && -x $candidate/pg_ctl ]]; then PG_BIN=$candidate; break; fi
  done
fi
PG_MIGRATE_PID=""
if [[ -n $PG_BIN && -x $PG_BIN/initdb ]]; then
  step "Starting a throwaway PostgreSQL cluster ($PG_BIN) and migrating, alongside the checks"
  PG_DIR=$(mktemp -d /tmp/assurance-pg.XXXXXX)
  as_pg() { "$@"; }
  if [[ $(id -u) == 0 ]]; then
    chown postgres "$PG_DIR"
    as_pg() { runuser -u postgres -- "$@"; }
  fi
  stop_pg() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
  }
  PG_PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U assurance -E UTF8 >"$PG_DIR/initdb.log"
  # autovacuum=off: every test runs in a transaction that is rolled back, so autovacuum finds the
  # tables full of dead rows and records them as empty while the next test's open transaction holds
  # thousands of rows; the planner then nests sequential scans (one aggregate took 45 s instead of
  # milliseconds, and the suite 19 minutes). Never vacuumed, tables are estimated from their size.
  # max_locks_per_transaction=256: a restore test runs pg_restore --single-transaction, which
  # locks every table; two workers restoring at once ran out of the default lock table.
  pg_options="-c listen_addresses=127.0.0.1 -c fsync=off -c autovacuum=off"
  pg_options+=" -c max_locks_per_transaction=256"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR $pg_options" start >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U assurance assurance_migrated
  # As pytest-django builds a test database: migrate with --run-syncdb.
  DATABASE_URL="postgres://assurance@127.0.0.1:$PG_PORT/assurance_migrated" \
    $PY manage.py migrate --no-input --run-syncdb >"$PG_DIR/migrate.log" 2>&1 &
  PG_MIGRATE_PID=$!
  done_step "PostgreSQL started"
fi

step "Django system checks"
$PY manage.py check --fail-level WARNING
done_step "manage.py check"

step "Migrations match the models"
$PY manage.py makemigrations --check --dry-run
done_step "makemigrations --check"

step "ruff format --check"
$BIN/ruff format --check .
done_step "ruff format"

step "ruff check"
$BIN/ruff check .
done_step "ruff check"

step "Import contracts (lint-imports)"
$BIN/lint-imports
done_step "lint-imports"

step "mypy assurance"
$BIN/mypy assurance
done_step "mypy"

# On SQLite the test databases are built straight from the models (--nomigrations): replaying the
# migrations cost each worker about two minutes of CPU (more under coverage) before its first test,
# and they hold nothing SQLite needs (their one data migration changes rows a new database has not
# got; the search indexes are PostgreSQL's). `makemigrations --check` above keeps the models and
# the migrations in step, and the PostgreSQL run below applies the real migrations.
step "pytest on SQLite"
run_pytest -m "not browser" -n "$WORKERS" -q --nomigrations -p no:cov
done_step "pytest (SQLite)"

# --- PostgreSQL ---------------------------------------------------------------------------------
if [[ -n $PG_DIR ]]; then
  step "pytest on a throwaway PostgreSQL cluster ($PG_BIN)"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
  rc=0
  wait "$PG_MIGRATE_PID" || rc=$?
  PG_MIGRATE_PID=""
  if [[ $rc != 0 ]]; then
    cat "$PG_DIR/migrate.log" >&2
    loud "manage.py migrate failed on PostgreSQL (exit $rc)"
    exit 1
  fi
  # Each xdist worker's test database (pytest-django names them test_postgres_gw0, _gw1…) is a
  # copy of the migrated one; --reuse-db makes pytest-django keep it (its own migrate then finds
  # nothing to apply). The cluster is thrown away afterwards.
  if ((WORKERS > 0)); then
    names=$(seq -f 'test_postgres_gw%g' 0 $((WORKERS - 1)))
  else
    names=test_postgres
  fi
  for name in $names; do
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U assurance -T assurance_migrated "$name"
  done
  DATABASE_URL="postgres://assurance@127.0.0.1:$PG_PORT/postgres" \
    run_pytest -m "not browser" -n "$WORKERS" -q -p no:cov --reuse-db
  stop_pg
  done_step "pytest (PostgreSQL)"
else
  not_run "no PostgreSQL here (apt-get install postgresql-15): the PostgreSQL run was skipped" \
    "pytest (PostgreSQL)"
fi

# --- Browser tests ------------------------------------------------------------------------------
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ -x $CHROMIUM_PATH ]]; then
  step "Browser tests (Chromium, axe-core)"
  # On both cores, test by test: each module's live server and demo (a copy of the demo its
  # worker loaded once, assurance/tests/demo_database.py) are set up on the workers that run its
  # tests, so the role walks of test_journeys.py no longer all fall to one worker. Its database
  # is built from the models, as in the SQLite run above (--nomigrations).
  run_pytest -m browser -q --nomigrations -p no:cov -p no:randomly -n "$WORKERS" --dist load
  done_step "pytest -m browser"
else
  not_run "no Chromium at $CHROMIUM_PATH (apt-get install chromium): browser tests skipped" \
    "pytest -m browser"
fi

printf '\n\033[1m==> Summary\033[0m\n'
printf '  %s\n' "${SUMMARY[@]}"
ELAPSED=$(printf '%dm%02ds' $(((SECONDS - START) / 60)) $(((SECONDS - START) % 60)))
if ((NOT_RUN)); then
  loud "Everything that ran passed ($ELAPSED), but $NOT_RUN part(s) did NOT RUN: see above."
else
  printf '  All checks passed in %s.\n' "$ELAPSED"
fi
