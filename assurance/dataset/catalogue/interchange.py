"""The indicator catalogue as a table: CSV and Excel export and import.

One column per catalogue field (the same names as catalogue/starter.yaml). Reading returns
entries for ``services.catalogue_load_entries``; a bad cell raises CatalogueFileError naming the
sheet (for Excel), row and column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook

from assurance.core.spreadsheets import workbook_bytes
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in COLUMNS])
    writer.writerows(catalogue_rows(indicators))
    return out.getvalue()


def catalogue_xlsx(indicators: Iterable[Indicator]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    ws.append([name for name, _ in COLUMNS])
    for row in catalogue_rows(indicators):
        ws.append(row)
    return workbook_bytes(wb)


def _entries(header: list[Any], rows: Iterable[tuple[int, list[Any]]], where: str) -> list[dict]:
    names = [str(h or "").strip() for h in header]
    known = {name for name, _ in COLUMNS}
    unknown = [n for n in names if n and n not in known]
    if "code" not in names or unknown:
        raise CatalogueFileError(
            f"{where}row 1: the header needs a 'code' column and only the catalogue's columns"
            + (f" (unknown: {', '.join(unknown)})" if unknown else "")
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
                except ValueError as exc:
                    raise CatalogueFileError(
                        f"{where}row {line}, column '{name}': '{text}' is not a whole number"
                    ) from exc
            elif text or name not in INTEGER_COLUMNS:
                entry[name] = text
        entries.append(entry)
    return entries


def read_catalogue(path: Path | str) -> list[dict[str, Any]]:
    """Entries from a .yaml, .csv or .xlsx catalogue file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return list(data.get("indicators", []))
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        if not rows:
            raise CatalogueFileError("The file is empty")
        return _entries(rows[0], enumerate(rows[1:], start=2), "")
    if suffix == ".xlsx":
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        values = [list(r) for r in ws.iter_rows(values_only=True)]
        if not values:
            raise CatalogueFileError(f"Sheet '{ws.title}' is empty")
        return _entries(values[0], enumerate(values[1:], start=2), f"Sheet '{ws.title}', ")
    raise CatalogueFileError("Use a .yaml, .csv or .xlsx file")
