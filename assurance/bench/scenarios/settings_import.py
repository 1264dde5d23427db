"""Self-assessments (issue 11): ``import_settings`` on a synthetic Get Information About Schools
extract of ``BENCH_SETTINGS_ROWS`` rows (25,000), beside a plain bulk insert of the same rows.

Both are rolled back after each run, so the deployment is left as it was. The import reads the
file, checks every line, looks up the partnership's settings and writes the rows and their
history rows; the plain insert only writes the rows, already made. The issue asks for the import
to run at 50% or more of the plain insert's speed."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from assurance.bench.harness import Bench, Timing, env_int, scenario
from assurance.selfassessment.settings.gias import read_gias, sample_lines
from assurance.selfassessment.settings.models import IMPORTED_FIELDS, Setting
from assurance.selfassessment.settings.services import BATCH, gias_rows_from, settings_import


class _Rollback(Exception):
    pass


def rolled_back(fn: Callable[[], Any]) -> Callable[[], None]:
    def run() -> None:
        try:
            with transaction.atomic():
                fn()
                raise _Rollback
        except _Rollback:
            pass

    return run


def write_extract(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            sample_lines(rows, la_number="334", la_name="Bench", first_urn=100001)
        )


def speed_line(import_: Timing, plain: Timing, rows: int) -> str:
    share = plain.median_ms / import_.median_ms * 100
    verdict = "meets" if share >= 50 else "BELOW"
    return (
        f"{rows:,} rows: import {rows / import_.median_ms * 1000:,.0f} rows/s, plain insert "
        f"{rows / plain.median_ms * 1000:,.0f} rows/s: the import runs at {share:.0f}% of the "
        f"plain insert's speed ({verdict} the 50% asked for)"
    )


@scenario("settings_import", order=80)
def settings_import_bench(bench: Bench) -> None:
    rows = env_int("BENCH_SETTINGS_ROWS", 25_000)
    repeat = max(3, min(bench.repeat, 7))
    partnership = bench.partnerships[0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gias.csv"
        write_extract(path, rows)
        with path.open(encoding="utf-8") as f:
            parsed = read_gias(f.read().splitlines())
        now = timezone.now()

        def plain() -> None:
            Setting.unscoped.bulk_create(
                [
                    Setting(
                        partnership=partnership,
                        urn=r.urn,
                        imported_at=now,
                        **{field: getattr(r, field) for field in IMPORTED_FIELDS},
                    )
                    for r in parsed
                ],
                batch_size=BATCH,
            )

        def full() -> None:
            settings_import(partnership=partnership, rows=gias_rows_from(path), source=path.name)

        plain_t = bench.time("plain bulk insert of the rows", rolled_back(plain), repeat)
        import_t = bench.time("import_settings: read, check, insert", rolled_back(full), repeat)
    bench.report(
        f"Settings import (issue 11): a GIAS extract of {rows:,} schools into an empty "
        "partnership, beside a plain bulk insert of the same rows (both rolled back)",
        [plain_t, import_t],
        baseline=plain_t,
    )
    bench.write(speed_line(import_t, plain_t, rows))
