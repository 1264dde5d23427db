"""Reading the Department for Education's open-data CSV layout into benchmark records.

Pure (no database): ``read_benchmarks`` turns a CSV text stream and a mapping section into
``BenchmarkRecord`` values, or raises ``BenchmarkFileError`` naming the row and column. The
service ``benchmarks_import`` (services.py) stores them in one transaction. A rate per 10,000
children is computed from a count and the ONS mid-year estimate (``read_populations``), as the
DfE computes the rates LAIT publishes; LAIT's own long layout is read by ``lait.py``.
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
from assurance.dataset.benchmarks.aggregates import population_year, rate_per_10k

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


PERIODS = ("reporting_year", "workforce", "calendar_year")
COMPUTES = (None, "percent", "rate_10k")
LAYOUTS = ("dfe", "lait")


@dataclass(frozen=True)
class Measure:
    indicator: str
    value: str | None
    numerator: tuple[str, ...]
    denominator: str | None
    where: tuple[tuple[str, str], ...]
    compute: str | None
    places: int | None = None
    period: str | None = None  # the section's, unless the measure has its own


@dataclass(frozen=True)
class MappingSection:
    file: str
    period: str
    measures: tuple[Measure, ...]
    layout: str = "dfe"
    population: str | None = None

    @property
    def name(self) -> str:
        """The file's own name (``file`` may be in a folder of the data directory)."""
        return Path(self.file).name


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
        if period not in PERIODS:
            raise BenchmarkFileError(f"Mapping for {sec['file']}: unknown period '{period}'")
        layout = sec.get("layout", "dfe")
        if layout not in LAYOUTS:
            raise BenchmarkFileError(f"Mapping for {sec['file']}: unknown layout '{layout}'")
        measures = []
        for m in sec.get("measures", []):
            if "indicator" not in m or not (m.get("value") or m.get("compute")):
                raise BenchmarkFileError(
                    f"Mapping for {sec['file']}: each measure needs 'indicator' and 'value'"
                )
            if m.get("compute") not in COMPUTES:
                raise BenchmarkFileError(f"Mapping for {sec['file']}: unknown compute")
            if m.get("compute") == "rate_10k" and not (
                sec.get("population") and m.get("numerator")
            ):
                raise BenchmarkFileError(
                    f"Mapping for {sec['file']}: a rate per 10,000 needs a 'numerator' and the "
                    "section's 'population' file"
                )
            if m.get("period") not in (None, *PERIODS):
                raise BenchmarkFileError(
                    f"Mapping for {sec['file']}: unknown period '{m.get('period')}'"
                )
            places = m.get("places")
            if places is not None and not (isinstance(places, int) and 0 <= places <= 4):
                raise BenchmarkFileError(
                    f"Mapping for {sec['file']}: 'places' must be a whole number from 0 to 4"
                )
            measures.append(
                Measure(
                    indicator=str(m["indicator"]),
                    value=m.get("value"),
                    numerator=_as_list(m.get("numerator")),
                    denominator=m.get("denominator"),
                    where=tuple((str(k), str(v)) for k, v in (m.get("where") or {}).items()),
                    compute=m.get("compute"),
                    places=places,
                    period=m.get("period"),
                )
            )
        sections.append(
            MappingSection(
                file=str(sec["file"]),
                period=period,
                measures=tuple(measures),
                layout=layout,
                population=str(sec["population"]) if sec.get("population") else None,
            )
        )
    return sections


def section_for(sections: Iterable[MappingSection], filename: str) -> MappingSection:
    sections = list(sections)
    for sec in sections:
        if sec.file == filename or sec.name == filename:
            return sec
    if len(sections) == 1:
        return sections[0]
    raise BenchmarkFileError(f"The mapping has no section for the file {filename}")


def period_bounds(time_period: str, kind: str) -> tuple[date, date]:
    """The twelve months a DfE ``time_period`` covers.

    reporting_year: ``2025`` is April 2024 to March 2025 (the year to 31 March 2025).
    workforce: ``2025`` is the year to the census date, 30 September 2024.
    calendar_year: ``2024`` is January to December 2024 (the youth justice statistics).
    """
    year = int(time_period[:4])
    if kind == "workforce":
        return date(year - 2, 10, 1), date(year - 1, 9, 30)
    if kind == "calendar_year":
        return date(year, 1, 1), date(year, 12, 31)
    return date(year - 1, 4, 1), date(year, 3, 31)


Populations = Mapping[tuple[str, str], Decimal]  # (time_period, ONS area code) → children 0-17


def read_populations(stream: TextIO) -> dict[tuple[str, str], Decimal]:
    """The ONS mid-year estimates of children aged 0 to 17 (the DfE's republished file): each
    (mid-year, area) for England, the regions and the local authorities."""
    out: dict[tuple[str, str], Decimal] = {}
    for line, row in enumerate(csv.DictReader(stream), start=2):
        row = {k.lstrip("\ufeff").strip(): v for k, v in row.items() if k}
        level = LEVELS.get((row.get("geographic_level") or "").strip())
        code = {
            "national": row.get("country_code"),
            "regional": row.get("region_code"),
            "local_authority": row.get("new_la_code"),
        }.get(level or "")
        try:
            value, _ = parse_number(row.get("population_estimate"))
        except ValueError as exc:
            raise BenchmarkFileError(
                f"Population file, row {line}, column 'population_estimate': '{exc}' is not a "
                "number"
            ) from exc
        if code and value:
            out[((row.get("time_period") or "").strip(), code.strip())] = value
    return out


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


def read_benchmarks(
    stream: TextIO, section: MappingSection, populations: Populations | None = None
) -> Iterator[BenchmarkRecord]:
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
            if m.compute == "rate_10k":
                population = (populations or {}).get((_mid_year(time_period), code))
                value, reason = _rate(parts, numerator, population, places=m.places)
                denominator = population
            elif m.compute == "percent":
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


def _mid_year(time_period: str) -> str:
    """The mid-year estimate a reporting year's rate uses: the calendar year before its end."""
    return str(population_year(int(time_period[:4])))


def _rate(
    parts: list[tuple[Decimal | None, str]],
    count: Decimal | None,
    population: Decimal | None,
    *,
    places: int | None,
) -> tuple[Decimal | None, str]:
    """(value, missing reason) of a rate per 10,000 (rounded half up, at one decimal place
    unless the mapping says): the count's own marker when it is missing, 'x' (not available)
    when there is no population estimate for the area and year."""
    reasons = [p[1] for p in parts if p[0] is None]
    if reasons:
        return None, reasons[0]
    if count is None or not population:
        return None, "x"
    return rate_per_10k(count, population, 1 if places is None else places), ""


def mapping_indicators(sections: Iterable[MappingSection]) -> Mapping[str, list[str]]:
    return {s.file: [m.indicator for m in s.measures] for s in sections}
