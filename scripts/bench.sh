#!/usr/bin/env bash
# `make bench`: a large synthetic deployment in its own database, timed against the floor.
# Its database is never the development one: var/bench/bench.sqlite3, or, when DATABASE_URL is
# set, a PostgreSQL database named after it with "_bench" appended (dropped and created here).
# BENCH_PARTNERSHIPS (150), BENCH_AUDIT_YEARS (5), BENCH_REPEAT (30) and BENCH_ONLY (scenario
# names) make quicker runs; see docs/bench.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=assurance.bench.settings
export PYTHONDONTWRITEBYTECODE=1
if [[ -z "${DATABASE_URL:-}" ]]; then
  rm -f var/bench/bench.sqlite3 var/bench/bench.sqlite3-wal var/bench/bench.sqlite3-shm
else
  .venv/bin/python - <<'PY'
import django
from django.conf import settings
from django.db import connection

django.setup()
name = settings.DATABASES["default"]["NAME"]
assert name.endswith("_bench"), name
with connection._nodb_cursor() as cursor:
    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    cursor.execute(f'CREATE DATABASE "{name}"')
print(f"bench database: PostgreSQL {name} (created afresh)")
PY
fi
.venv/bin/python manage.py migrate --no-input -v0
# The data set (issue 4): import_benchmarks on the shipped DfE files beside a plain bulk insert,
# into the new, empty database (full runs only; each file's work is rolled back). Run first:
# after the dataset scenario the table holds a million synthetic rows, and the plain insert's
# "delete everything first" would time the delete.
if [[ -z "${BENCH_ONLY:-}" ]]; then
  .venv/bin/python manage.py bench_benchmarks
fi
.venv/bin/python manage.py bench
