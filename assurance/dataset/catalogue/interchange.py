"""The indicator catalogue as a table: CSV and Excel export and import.

One column per catalogue field (the same names as catalogue/starter.yaml). Writing and reading
go through ``core.spreadsheets`` (formula-like text stays text; files are read within its
limits) and YAML through ``core.bounded_yaml``. Reading returns entries for
``services.catalogue_load_entries``; a bad cell raises CatalogueFileError naming the sheet (for
Excel), row and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from assurance.core import bounded_yaml
from assurance.core.spreadsheets import (
    MAX_CSV_BYTES,
    MAX_UNZIPPED,
    UploadProblem,
    append_row,
    csv_text,
    open_upload,
    read_csv,
    shown,
    workbook_bytes,
)
from assurance.dataset.catalogue.models import Indicator

COLUMNS = [
    ("code", "code"),
    ("title", "title"),
    ("definition", "definition"),
    ("numerator", "numerator_definition"),
    ("denominator", "denominator_definition"),
    ("unit", "unit"),
    ("polarity", "polarity"),
    ("sector", "owning_sector"),
    ("phase", "phase"),
    ("frequency", "frequency"),
    ("source", "source"),
    ("national_measure", "national_measure"),
    ("benchmark_source", "benchmark_source"),
    ("no_benchmark_reason", "no_benchmark_reason"),
    ("themes", "themes"),
    ("decimal_places", "decimal_places"),
]
INTEGER_COLUMNS = {"phase", "decimal_places"}
SHEET = "Indicators"


class CatalogueFileError(ValueError):
    pass


def catalogue_rows(indicators: Iterable[Indicator]) -> list[list[Any]]:
    return [[getattr(i, attr) for _, attr in COLUMNS] for i in indicators]


def catalogue_csv(indicators: Iterable[Indicator]) -> str:
    return csv_text([[name for name, _ in COLUMNS], *catalogue_rows(indicators)])


def catalogue_xlsx(indicators: Iterable[Indicator]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    append_row(ws, [name for name, _ in COLUMNS])
    for row in catalogue_rows(indicators):
        append_row(ws, row)
    return workbook_bytes(wb)


def _entries(
    header: Sequence[Any], rows: Iterable[tuple[int, Sequence[Any]]], where: str
) -> list[dict]:
    names = [str(h or "").strip() for h in header]
    known = {name for name, _ in COLUMNS}
    unknown = [n for n in names if n and n not in known]
    if "code" not in names or unknown:
        raise CatalogueFileError(
            f"{where}row 1: the header needs a 'code' column and only the catalogue's columns"
            + (f" (unknown: {', '.join(shown(u) for u in unknown[:10])})" if unknown else "")
        )
    entries = []
    for line, row in rows:
        if not any(v not in (None, "") for v in row):
            continue
        entry: dict[str, Any] = {}
        for name, value in zip(names, row, strict=False):
            if not name:
                continue
            text = "" if value is None else str(value).strip()
            if name in INTEGER_COLUMNS and text:
                try:
                    entry[name] = int(float(text))
                except (ValueError, OverflowError) as exc:
                    raise CatalogueFileError(
                        f"{where}row {line}, column '{name}': '{shown(text)}' is not a whole number"
                    ) from exc
            elif text or name not in INTEGER_COLUMNS:
                entry[name] = text
        entries.append(entry)
    return entries


def _content(path: Path, limit: int) -> bytes:
    if path.stat().st_size > limit:
        raise CatalogueFileError(f"The file is larger than {limit // 1024 // 1024} MB")
    return path.read_bytes()


def read_catalogue(path: Path | str) -> list[dict[str, Any]]:
    """Entries from a .yaml, .csv or .xlsx catalogue file."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            return _yaml_entries(bounded_yaml.load(_content(path, bounded_yaml.MAX_BYTES)))
        if suffix == ".csv":
            rows = read_csv(_content(path, MAX_CSV_BYTES))
            if not rows:
                raise CatalogueFileError("The file is empty")
            return _entries(rows[0], enumerate(rows[1:], start=2), "")
        if suffix == ".xlsx":
            upload = open_upload(_content(path, MAX_UNZIPPED))
            sheet = SHEET if SHEET in upload.sheetnames else (upload.sheetnames or [SHEET])[0]
            header = upload.header(sheet)
            if not header:
                raise CatalogueFileError(f"Sheet '{sheet}' is empty")
            values = upload.rows(sheet, columns=len(header))
            return _entries(list(header), enumerate(values[1:], start=2), f"Sheet '{sheet}', ")
    except UploadProblem as problem:
        raise CatalogueFileError("; ".join(problem.problems)) from problem
    except UnicodeDecodeError as exc:
        raise CatalogueFileError("The file must be saved as UTF-8") from exc
    raise CatalogueFileError("Use a .yaml, .csv or .xlsx file")


def _yaml_entries(data: Any) -> list[dict[str, Any]]:
    indicators = (data or {}).get("indicators", []) if isinstance(data, dict | None) else None
    if not isinstance(indicators, list) or not all(isinstance(i, dict) for i in indicators):
        raise CatalogueFileError("The file must have a list of indicators, each a set of fields")
    return indicators
