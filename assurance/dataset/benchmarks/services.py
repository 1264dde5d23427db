"""Writes of the national statistics: importing the DfE's open-data files (``reader.py``) in one
transaction per file, in batches, and the shipped files for the demo."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Q

from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.benchmarks.reader import (
    DATA_DIR,
    DEFAULT_MAPPING,
    BenchmarkFileError,
    BenchmarkRecord,
    MappingSection,
    load_mapping,
    read_benchmarks,
    read_populations,
    section_for,
)
from assurance.dataset.catalogue.models import Frequency, Indicator
from assurance.dataset.summaries.services import summaries_stale

BATCH = 2000


@dataclass(frozen=True)
class ImportResult:
    file: str
    rows: int
    replaced: int
    missing: int


def benchmarks_import(
    *, path: Path | str, mapping: Path | str = DEFAULT_MAPPING, batch_size: int = BATCH
) -> ImportResult:
    """Load one DfE open-data CSV file into Benchmark rows, in one transaction.

    Rows for the same indicators and periods as the file are replaced, so importing the same (or
    a revised) file again leaves one row per indicator, area and period.
    """
    path = Path(path)
    section = section_for(load_mapping(mapping), path.name)
    codes = {m.indicator for m in section.measures}
    # national indicators only: a partnership's local indicator has no national statistics
    indicators = {
        i.code: i for i in Indicator.objects.filter(code__in=codes, partnership__isnull=True)
    }
    unknown = sorted(codes - set(indicators))
    if unknown:
        raise BenchmarkFileError(
            "The mapping names indicators that are not in the catalogue: " + ", ".join(unknown)
        )
    records = benchmark_records(path, section)
    # the rows of the same indicators and periods as the file's are replaced
    starts: dict[str, set[Any]] = {}
    for r in records:
        starts.setdefault(r.indicator, set()).add(r.period_start)
    same = Q(pk__in=[])
    for code, periods in starts.items():
        same |= Q(indicator=indicators[code], period_start__in=periods)
    with transaction.atomic():
        replaced, _ = Benchmark.objects.filter(same, period_type=Frequency.ANNUAL).delete()
        _insert(records, indicators=indicators, source_file=path.name, batch_size=batch_size)
        summaries_stale()  # national figures are every partnership's comparators
    return ImportResult(
        file=path.name,
        rows=len(records),
        replaced=replaced,
        missing=sum(1 for r in records if r.value is None),
    )


def benchmark_records(path: Path, section: MappingSection) -> list[BenchmarkRecord]:
    """The file's records, in the DfE open-data layout or LAIT's; a rate per 10,000 and LAIT's
    areas read the shipped ONS population estimates."""
    from assurance.dataset.benchmarks.lait import lait_areas, read_lait

    population = DATA_DIR / section.population if section.population else None
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            if section.layout == "lait":
                if population is None:
                    raise BenchmarkFileError(
                        f"Mapping for {section.file}: LAIT's areas need the 'population' file"
                    )
                with population.open(encoding="utf-8-sig", newline="") as areas:
                    return list(read_lait(stream, section, lait_areas(areas)))
            populations = None
            if population is not None:
                with population.open(encoding="utf-8-sig", newline="") as estimates:
                    populations = read_populations(estimates)
            return list(read_benchmarks(stream, section, populations))
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchmarkFileError(f"Cannot read {path}: {exc}") from exc


INSERT_FIELDS = [
    "indicator",
    "area_code",
    "area_level",
    "area_name",
    "la_number",
    "region_code",
    "period_type",
    "period_start",
    "period_end",
    "time_period",
    "numerator",
    "denominator",
    "value",
    "missing_reason",
    "published",
    "source_file",
]


def _insert(
    records: list[BenchmarkRecord],
    *,
    indicators: dict[str, Indicator],
    source_file: str,
    batch_size: int,
) -> None:
    """Multi-row INSERT statements: the model has no signals, history or defaults computed in
    Python, so Django's per-object bulk_create machinery buys nothing here. Values go through the
    backend's own adapters (decimals and dates), so SQLite and PostgreSQL store what the ORM
    would."""
    ops = connection.ops
    names = [f"{n}_id" if n == "indicator" else n for n in INSERT_FIELDS]
    columns = ", ".join(ops.quote_name(n) for n in names)
    one_row = "(" + ", ".join(["%s"] * len(names)) + ")"
    table = ops.quote_name(Benchmark._meta.db_table)
    # Multi-row VALUES, at most 16,000 parameters a statement (SQLite allows 32,766).
    per_statement = max(1, min(batch_size, 16000 // len(names)))

    def dec(value: Decimal | None) -> Any:
        return None if value is None else ops.adapt_decimalfield_value(value, 16, 4)

    rows = [
        (
            indicators[r.indicator].pk,
            r.area_code,
            r.area_level,
            r.area_name,
            r.la_number,
            r.region_code,
            Frequency.ANNUAL.value,
            ops.adapt_datefield_value(r.period_start),
            ops.adapt_datefield_value(r.period_end),
            r.time_period,
            dec(r.numerator),
            dec(r.denominator),
            dec(r.value),
            r.missing_reason,
            True,
            source_file,
        )
        for r in records
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            values = ", ".join([one_row] * len(chunk))
            # identifiers are the model's own (quoted); every value is a query parameter
            sql = f"INSERT INTO {table} ({columns}) VALUES {values}"  # noqa: S608
            cursor.execute(sql, [v for row in chunk for v in row])


def benchmarks_import_shipped() -> list[ImportResult]:
    """Import every shipped file the default mapping names (for the demo and ``make run``)."""

    return [
        benchmarks_import(path=DATA_DIR / section.file)
        for section in load_mapping(DEFAULT_MAPPING)
        if (DATA_DIR / section.file).exists()
    ]
