"""python manage.py bench_benchmarks: import speed beside a plain bulk insert of the same rows.

Each measurement runs in a transaction that is rolled back, so the database is left as it was.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.benchmarks.reader import (
    DATA_DIR,
    DEFAULT_MAPPING,
    load_mapping,
    section_for,
)
from assurance.dataset.benchmarks.services import benchmark_records, benchmarks_import
from assurance.dataset.catalogue.models import Frequency, Indicator
from assurance.dataset.catalogue.services import catalogue_load


class _Rollback(Exception):
    pass


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    try:
        with transaction.atomic():
            fn()
            raise _Rollback
    except _Rollback:
        pass
    return time.perf_counter() - start


class Command(BaseCommand):
    help = "Time import_benchmarks on the shipped files beside a plain bulk insert of the rows."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="*")

    def handle(self, *args: Any, **options: Any) -> None:
        # The starter catalogue's codes must exist (the bench database also holds synthetic
        # indicators, so "any indicator" is not enough); loading it is idempotent.
        catalogue_load()
        sections = load_mapping(DEFAULT_MAPPING)
        paths = [Path(p) for p in options["files"]] or sorted(
            DATA_DIR / s.file for s in sections if (DATA_DIR / s.file).exists()
        )
        indicators = {i.code: i for i in Indicator.objects.filter(partnership__isnull=True)}
        total_rows = total_import = total_plain = 0.0
        self.stdout.write(
            "import_benchmarks (read, check and insert) beside a plain bulk insert of the same "
            "rows; ratio = import time / plain insert time"
        )
        self.stdout.write(f"{'file':<60} {'rows':>7} {'import r/s':>11} {'plain r/s':>10} ratio")
        for path in paths:
            section = section_for(sections, path.name)
            # either layout (DfE or LAIT), with the rates computed from the population file
            records = benchmark_records(path, section)
            objs = [
                Benchmark(
                    indicator=indicators[r.indicator],
                    area_code=r.area_code,
                    area_level=r.area_level,
                    area_name=r.area_name,
                    la_number=r.la_number,
                    region_code=r.region_code,
                    period_type=Frequency.ANNUAL,
                    period_start=r.period_start,
                    period_end=r.period_end,
                    time_period=r.time_period,
                    numerator=r.numerator,
                    denominator=r.denominator,
                    value=r.value,
                    missing_reason=r.missing_reason,
                    source_file=path.name,
                )
                for r in records
            ]

            def plain(objs: list[Benchmark] = objs) -> None:
                Benchmark.objects.all().delete()
                Benchmark.objects.bulk_create(objs, batch_size=2000)

            def full(path: Path = path) -> None:
                benchmarks_import(path=path)

            t_plain = _timed(plain)
            t_import = _timed(full)
            n = len(objs)
            total_rows += n
            total_import += t_import
            total_plain += t_plain
            self.stdout.write(
                f"{path.name[:60]:<60} {n:>7} {n / t_import:>11,.0f} {n / t_plain:>10,.0f} "
                f"{t_import / t_plain:.2f}x"
            )
        label = "all files (import vs insert only)"
        self.stdout.write(
            f"{label:<60} {int(total_rows):>7} "
            f"{total_rows / total_import:>11,.0f} {total_rows / total_plain:>10,.0f} "
            f"{total_import / total_plain:.2f}x"
        )
