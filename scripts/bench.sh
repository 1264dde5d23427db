#!/usr/bin/env bash
# `make bench`: a large synthetic deployment in its own database, timed against the floor.
# BENCH_PARTNERSHIPS (150), BENCH_AUDIT_YEARS (5) and BENCH_REPEAT (30) make quicker runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=assurance.bench.settings
if [[ -z "${DATABASE_URL:-}" ]]; then
  rm -f var/bench/bench.sqlite3 var/bench/bench.sqlite3-wal var/bench/bench.sqlite3-shm
else
  .venv/bin/python manage.py flush --no-input
fi
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py bench
