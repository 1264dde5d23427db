#!/usr/bin/env bash
# `make loadtest`: a regional deployment under load, on this machine.
#   1. a throwaway PostgreSQL cluster on a loopback port (LOADTEST_PG_PORT, 5458), always removed
#   2. migrate and load the demo (manage.py demo)
#   3. two gunicorn app servers on loopback ports (LOADTEST_PORTS, "8101 8102") and one task
#      worker (manage.py db_worker: tasks go through the database, as in production)
#   4. manage.py loadtest: LOADTEST_USERS (50) simulated users for LOADTEST_SECONDS (60), spread
#      over both servers, then the figures and the lost-write check (docs/loadtest.md)
# Not part of `make test`: it takes a few minutes and needs PostgreSQL's server programs.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
PG_PORT=${LOADTEST_PG_PORT:-5458}
PORTS=${LOADTEST_PORTS:-"8101 8102"}
USERS=${LOADTEST_USERS:-50}
SECONDS_RUN=${LOADTEST_SECONDS:-60}
WORKERS=${LOADTEST_GUNICORN_WORKERS:-3}
THREADS=${LOADTEST_GUNICORN_THREADS:-4}

PG_BIN=${PG_BIN:-}
if [[ -z $PG_BIN ]]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x $candidate/initdb && -x $candidate/pg_ctl ]]; then PG_BIN=$candidate; break; fi
  done
fi
if [[ -z $PG_BIN ]]; then
  echo "make loadtest needs PostgreSQL's server programs (Debian: apt-get install postgresql-15)," \
    "or PG_BIN set to the folder holding initdb and pg_ctl." >&2
  exit 1
fi

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/assurance-loadtest.XXXXXX")
PIDS=()
as_pg() { "$@"; }
if [[ $(id -u) == 0 ]]; then
  chown postgres "$RUN_DIR"
  as_pg() { runuser -u postgres -- "$@"; }
fi
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_pg "$PG_BIN/pg_ctl" -D "$RUN_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$RUN_DIR"
}
trap cleanup EXIT
trap "exit 130" INT TERM

echo "==> PostgreSQL on 127.0.0.1:$PG_PORT ($RUN_DIR)"
as_pg "$PG_BIN/initdb" -D "$RUN_DIR/data" -A trust -U assurance -E UTF8 >"$RUN_DIR/initdb.log"
as_pg "$PG_BIN/pg_ctl" -D "$RUN_DIR/data" -l "$RUN_DIR/postgres.log" -w \
  -o "-p $PG_PORT -k $RUN_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null

export DATABASE_URL="postgres://assurance@127.0.0.1:$PG_PORT/postgres"
export DJANGO_SETTINGS_MODULE=assurance.operations.loadtest.settings
export ASSURANCE_ENV=development DEBUG=false TASKS_USE_DATABASE=true
export MEDIA_ROOT="$RUN_DIR/media" PYTHONDONTWRITEBYTECODE=1

echo "==> Migrate and load the demo"
$BIN/python manage.py migrate --no-input -v0
$BIN/python manage.py demo >"$RUN_DIR/demo.log"

# Keep-alive longer than a simulated user's pause, as behind a load balancer: with gunicorn's 2 s
# default a server may close a connection just as the client reuses it (a reset, not a fault of
# the service). No control socket: its default path is one per user, and two servers (or other
# gunicorns of the same user) would contend for it.
SERVERS=()
for port in $PORTS; do
  $BIN/gunicorn assurance.wsgi --bind "127.0.0.1:$port" --workers "$WORKERS" \
    --threads "$THREADS" --worker-class gthread --timeout 60 --keep-alive 75 --no-control-socket --log-level warning \
    --error-logfile "$RUN_DIR/gunicorn-$port.log" &
  PIDS+=($!)
  SERVERS+=(--server "http://127.0.0.1:$port")
done
$BIN/python manage.py db_worker -v0 >"$RUN_DIR/worker.log" 2>&1 &
PIDS+=($!)
for port in $PORTS; do  # wait for each server to answer its floor page
  for _ in $(seq 100); do
    if $BIN/python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/__loadtest__/floor/', timeout=2)" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
done
echo "==> App servers on ports $PORTS ($WORKERS workers x $THREADS threads each), one task worker"

rc=0
$BIN/python manage.py loadtest "${SERVERS[@]}" --users "$USERS" --seconds "$SECONDS_RUN" || rc=$?
if [[ $rc != 0 ]]; then
  echo "==> Server logs (last lines)" >&2
  tail -n 20 "$RUN_DIR"/gunicorn-*.log >&2 || true
fi
exit "$rc"
