"""Reading the DfE Local Authority Interactive Tool's data store into benchmark records.

LAIT publishes measures that the DfE's open-data files shipped here do not (assessments within
45 working days, first-time entrants to the youth justice system…) in a long layout: one row per
``measure_short``, year (``years``), area (``la_number``: the DfE's 3-digit LA number, 970 for
England, 980 to 990 for the regions) and ``value`` (``-`` when missing). The values are stored
as published, rounded half up to the places the mapping gives (LAIT keeps them as floating-point
numbers, 81.100000000000009 for 81.1).

Pure (no database). ``lait_areas`` names each LAIT area by its ONS code from the ONS mid-year
estimates file the DfE republishes (the latest code of each LA number, so North Yorkshire is
E06000065); ``read_lait`` yields ``BenchmarkRecord`` values or raises ``BenchmarkFileError``
naming the row and column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TextIO

from assurance.dataset.benchmarks.aggregates import round_half_up
from assurance.dataset.benchmarks.reader import (
    BenchmarkFileError,
    BenchmarkRecord,
    MappingSection,
    parse_number,
    period_bounds,
)

ENGLAND = "E92000001"
LAIT_ENGLAND = "970"
# LAIT's numbers of the regions (London, and Inner and Outer London as the DfE publishes them)
LAIT_REGIONS = {
    "980": "E12000001",
    "981": "E12000002",
    "982": "E12000003",
    "983": "E12000004",
    "984": "E12000005",
    "985": "E12000006",
    "986": "E12000007",
    "987": "E13000001",
    "988": "E13000002",
    "989": "E12000008",
    "990": "E12000009",
}
COLUMNS = ("measure_short", "years", "la_number", "value")
MISSING = "-"  # LAIT's one marker for a value not published (suppressed or not available)


@dataclass(frozen=True)
class Area:
    code: str
    level: str
    name: str
    la_number: str
    region_code: str


def lait_areas(populations: TextIO) -> dict[str, Area]:
    """LAIT number → area, from the ONS mid-year estimates file (DfE open-data layout)."""
    latest: dict[str, tuple[str, dict[str, str]]] = {}
    regions: dict[str, str] = {}
    for row in csv.DictReader(populations):
        row = {k.lstrip("\ufeff").strip(): (v or "").strip() for k, v in row.items() if k}
        level = row.get("geographic_level")
        if level == "Regional":
            regions[row["region_code"]] = row["region_name"]
        elif level == "Local authority":
            number = row.get("old_la_code", "")
            if number.isdigit() and row["time_period"] >= latest.get(number, ("", {}))[0]:
                latest[number] = (row["time_period"], row)
    areas = {LAIT_ENGLAND: Area(ENGLAND, "national", "England", "", "")}
    for number, code in LAIT_REGIONS.items():
        if code in regions:
            areas[number] = Area(code, "regional", regions[code], "", code)
    for number, (_, row) in latest.items():
        areas[number] = Area(
            row["new_la_code"], "local_authority", row["la_name"], number, row["region_code"]
        )
    return areas


def read_lait(
    stream: TextIO, section: MappingSection, areas: Mapping[str, Area]
) -> Iterator[BenchmarkRecord]:
    reader = csv.DictReader(stream)
    header = [h.lstrip("\ufeff").strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise BenchmarkFileError("The file has no column " + ", ".join(f"'{c}'" for c in missing))
    measures = {m.value: m for m in section.measures if m.value}
    seen: set[tuple[str, str, str]] = set()
    for line, row in enumerate(reader, start=2):
        m = measures.get((row.get("measure_short") or "").strip())
        if m is None:
            continue  # a measure the mapping does not import
        year = (row.get("years") or "").strip()
        if not (len(year) == 4 and year.isdigit()):
            raise BenchmarkFileError(f"Row {line}, column 'years': '{year}' is not a year")
        number = (row.get("la_number") or "").strip()
        area = areas.get(number)
        if area is None:
            raise BenchmarkFileError(
                f"Row {line}, column 'la_number': '{number}' is not a local authority, region "
                "or England in the ONS population estimates"
            )
        key = (m.indicator, area.code, year)
        if key in seen:
            raise BenchmarkFileError(
                f"Row {line}: a second row for {m.indicator}, area {area.code}, {year}"
            )
        seen.add(key)
        text = (row.get("value") or "").strip()
        value: Decimal | None
        if text == MISSING:
            value, reason = None, "x"
        else:
            try:
                value, reason = parse_number(text)
            except ValueError as exc:
                raise BenchmarkFileError(
                    f"Row {line}, column 'value': '{exc}' is not a number or '-'"
                ) from exc
        if value is not None and m.places is not None:
            value = round_half_up(value, m.places)
        start, end = period_bounds(year, m.period or section.period)
        yield BenchmarkRecord(
            indicator=m.indicator,
            area_code=area.code,
            area_level=area.level,
            area_name=area.name,
            la_number=area.la_number,
            region_code=area.region_code,
            period_start=start,
            period_end=end,
            time_period=year,
            numerator=None,
            denominator=None,
            value=value,
            missing_reason=reason,
        )
