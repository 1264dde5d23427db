"""The DfE children's services statistical neighbour model 2025 (shipped in ``data/``, OGL v3.0):
each local authority's ten closest authorities, closest first. It is the starting point of a
partnership's own list (``Partnership.statistical_neighbours``), which the business unit may
change."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).parent / "data" / "statistical_neighbours_2025.csv"


@dataclass(frozen=True)
class ModelEntry:
    la_number: str
    la_code: str
    la_name: str
    region_name: str
    neighbour_codes: tuple[str, ...]
    closeness: tuple[str, ...]


@cache
def _model() -> dict[str, ModelEntry]:
    entries: dict[str, ModelEntry] = {}
    with MODEL_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            entry = ModelEntry(
                la_number=row["la_number"],
                la_code=row["la_code"],
                la_name=row["la_name"],
                region_name=row["region_name"],
                neighbour_codes=tuple(row["neighbour_codes"].split()),
                closeness=tuple(row["closeness"].split(";")),
            )
            entries[entry.la_code] = entries[entry.la_number] = entry
    return entries


def dfe_2025_entry(la: str) -> ModelEntry | None:
    """The model's entry for a local authority, by ONS code (E08000029) or DfE number (334)."""
    return _model().get(la.strip()) if la else None


def dfe_2025_neighbours(la: str) -> list[str]:
    entry = dfe_2025_entry(la)
    return list(entry.neighbour_codes) if entry else []


def la_names() -> dict[str, str]:
    """ONS code → name of every local authority in the model."""
    return {e.la_code: e.la_name for e in _model().values()}
