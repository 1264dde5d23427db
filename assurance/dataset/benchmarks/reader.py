"""Reading the Department for Education's open-data CSV layout into benchmark records.

Pure (no database): ``read_benchmarks`` turns a CSV text stream and a mapping section into
``BenchmarkRecord`` values, or raises ``BenchmarkFileError`` naming the row and column. The
service ``benchmarks_import`` (services.py) stores them in one transaction.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

import yaml

from assurance.core import bounded_yaml

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_MAPPING = Path(__file__).parent / "dfe_mapping.yaml"

# Published markers for a value that is not a number, with the reason we store.
MARKERS: dict[str, str] = {
    "c": "c",
    "x": "x",
    "z": "z",
    "k": "k",
    "u": "u",
    "low": "low",
    ".": ".",
    ":": ":",
    "": "blank",
}

REQUIRED_COLUMNS = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
)

# An ONS code; the workforce statistics publish joint services as "E06000061 / E06000062".
AREA_CODE = re.compile(r"[EKNSW]\d{8}( / [EKNSW]\d{8})?")

LEVELS = {
    "National": "national",
    "Regional": "regional",
    "Local authority": "local_authority",
}


class BenchmarkFileError(ValueError):
    """A file or mapping that cannot be imported; nothing is stored."""


@dataclass(frozen=True)
class Measure:
    indicator: str
    value: str | None
    numerator: tuple[str, ...]
    denominator: str | None
    where: tuple[tuple[str, str], ...]
    compute: str | None


@dataclass(frozen=True)
class MappingSection:
    file: str
    period: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class BenchmarkRecord:
    indicator: str
    area_code: str
    area_level: str
    area_name: str
    la_number: str
    region_code: str
    period_start: date
    period_end: date
    time_period: str
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    missing_reason: str


def _as_list(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(x) for x in raw)


def load_mapping(path: Path | str = DEFAULT_MAPPING) -> list[MappingSection]:
    try:
        data = bounded_yaml.load(Path(path).read_bytes())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BenchmarkFileError(f"Cannot read the mapping {path}: {exc}") from exc
    sections = []
    for n, sec in enumerate((data or {}).get("files", []), start=1):
        if not isinstance(sec, dict) or "file" not in sec:
            raise BenchmarkFileError(f"Mapping section {n} has no 'file'")
        period = sec.get("period", "reporting_year")
        if period not in ("reporting_year", "workforce"):
            raise BenchmarkFileError(f"Mapping for {sec['file']}: unknown period '{period}'")
        measures = []
        for m in sec.get("measures", []):
            if "indicator" not in m or not (m.get("value") or m.get("compute")):
                raise BenchmarkFileError(
                    f"Mapping for {sec['file']}: each measure needs 'indicator' and 'value'"
                )
            if m.get("compute") not in (None, "percent"):
                raise BenchmarkFileError(f"Mapping for {sec['file']}: unknown compute")
            measures.append(
                Measure(
                    indicator=str(m["indicator"]),
                    value=m.get("value"),
                    numerator=_as_list(m.get("numerator")),
                    denominator=m.get("denominator"),
                    where=tuple((str(k), str(v)) for k, v in (m.get("where") or {}).items()),
                    compute=m.get("compute"),
                )
            )
        sections.append(
            MappingSection(file=str(sec["file"]), period=period, measures=tuple(measures))
        )
    return sections


def section_for(sections: Iterable[MappingSection], filename: str) -> MappingSection:
    sections = list(sections)
    for sec in sections:
        if sec.file == filename:
            return sec
    if len(sections) == 1:
        return sections[0]
    raise BenchmarkFileError(f"The mapping has no section for the file {filename}")


def period_bounds(time_period: str, kind: str) -> tuple[date, date]:
    """The twelve months a DfE ``time_period`` covers.

    reporting_year: ``2025`` is April 2024 to March 2025 (the year to 31 March 2025).
    workforce: ``2025`` is the year to the census date, 30 September 2024.
    """
    year = int(time_period[:4])
    if kind == "workforce":
        return date(year - 2, 10, 1), date(year - 1, 9, 30)
    return date(year - 1, 4, 1), date(year, 3, 31)


def parse_number(raw: str | None) -> tuple[Decimal | None, str]:
    """(value, missing reason); raises ValueError for text that is neither."""
    text = (raw or "").strip()
    if text.lower() in MARKERS:
        return None, MARKERS[text.lower()]
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value, ""


def read_benchmarks(stream: TextIO, section: MappingSection) -> Iterator[BenchmarkRecord]:
    reader = csv.DictReader(stream)
    header = [h.lstrip("\ufeff").strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    needed = {
        c
        for m in section.measures
        for c in (m.value, m.denominator, *m.numerator, *(k for k, _ in m.where))
        if c
    }
    missing += sorted(needed - set(header))
    if missing:
        raise BenchmarkFileError("The file has no column " + ", ".join(f"'{c}'" for c in missing))
    seen: set[tuple[str, str, str]] = set()
    for line, row in enumerate(reader, start=2):
        level = LEVELS.get((row.get("geographic_level") or "").strip())
        if level is None:
            continue  # other geographies (e.g. local authority districts) are not kept
        if row.get("time_identifier", "").strip() != "Reporting year":
            raise BenchmarkFileError(
                f"Row {line}, column 'time_identifier': expected 'Reporting year', "
                f"found '{row.get('time_identifier')}'"
            )
        time_period = (row.get("time_period") or "").strip()
        if not (len(time_period) in (4, 6) and time_period.isdigit()):
            raise BenchmarkFileError(
                f"Row {line}, column 'time_period': '{time_period}' is not a year"
            )
        start, end = period_bounds(time_period, section.period)
        if level == "national":
            code, name = row["country_code"].strip(), row.get("country_name", "England").strip()
        elif level == "regional":
            code, name = row["region_code"].strip(), row["region_name"].strip()
        else:
            code, name = row["new_la_code"].strip(), row["la_name"].strip()
        if not AREA_CODE.fullmatch(code):
            column = {"national": "country_code", "regional": "region_code"}.get(
                level, "new_la_code"
            )
            raise BenchmarkFileError(
                f"Row {line}, column '{column}': '{code}' is not an ONS area code (or two joined "
                "with ' / ' for a joint service)"
            )
        la_number = (row.get("old_la_code") or "").strip()
        if not (len(la_number) == 3 and la_number.isdigit()):
            la_number = ""  # joint services publish "940 / 941": the ONS codes say which
        if len(name) > 100:
            raise BenchmarkFileError(f"Row {line}: the area name is longer than 100 characters")
        for m in section.measures:
            if any((row.get(k) or "").strip() != v for k, v in m.where):
                continue
            key = (m.indicator, code, time_period)
            if key in seen:
                raise BenchmarkFileError(
                    f"Row {line}: a second row for {m.indicator}, area {code}, {time_period}"
                )
            seen.add(key)
            values: dict[str, tuple[Decimal | None, str]] = {}
            for column in {c for c in (m.value, m.denominator, *m.numerator) if c}:
                try:
                    values[column] = parse_number(row.get(column))
                except ValueError as exc:
                    raise BenchmarkFileError(
                        f"Row {line}, column '{column}': '{exc}' is not a number or a "
                        "published marker"
                    ) from exc
            parts = [values[c] for c in m.numerator]
            present = [p[0] for p in parts if p[0] is not None]
            numerator = sum(present, Decimal(0)) if parts and len(present) == len(parts) else None
            denominator = values[m.denominator][0] if m.denominator else None
            if m.compute == "percent":
                reasons = [p[1] for p in parts if p[0] is None]
                if m.denominator and values[m.denominator][0] is None:
                    reasons.append(values[m.denominator][1])
                if reasons:
                    value, reason = None, reasons[0]
                elif not denominator or numerator is None:
                    value, reason = None, "z"
                else:
                    value = (Decimal(100) * numerator / denominator).quantize(
                        Decimal("0.1"), ROUND_HALF_UP
                    )
                    reason = ""
            else:
                value, reason = values[m.value]  # type: ignore[index]
            yield BenchmarkRecord(
                indicator=m.indicator,
                area_code=code,
                area_level=level,
                area_name=name,
                la_number=la_number,
                region_code=(row.get("region_code") or "").strip(),
                period_start=start,
                period_end=end,
                time_period=time_period,
                numerator=numerator,
                denominator=denominator,
                value=value,
                missing_reason=reason,
            )


def mapping_indicators(sections: Iterable[MappingSection]) -> Mapping[str, list[str]]:
    return {s.file: [m.indicator for m in s.measures] for s in sections}
