"""Demo data for the data set: the starter catalogue and the shipped national benchmarks."""

from __future__ import annotations

from typing import Any

from .services import benchmarks_import_shipped, catalogue_load


def load_demo_dataset(command: Any = None) -> None:
    catalogue_load()
    results = benchmarks_import_shipped()
    if command is not None:
        rows = sum(r.rows for r in results)
        command.stdout.write(f"Data set: catalogue and {rows} benchmark rows loaded")
