"""Demo data for the data set: the starter catalogue, the shipped national benchmarks and
Northfield's quarterly collection (``collection/demo.py``)."""

from __future__ import annotations

from typing import Any

from assurance.dataset.benchmarks.services import benchmarks_import_shipped
from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.collection.demo import load_demo_collection


def load_demo_dataset(command: Any = None) -> None:
    catalogue_load()
    results = benchmarks_import_shipped()
    if command is not None:
        rows = sum(r.rows for r in results)
        command.stdout.write(f"Data set: catalogue and {rows} benchmark rows loaded")
    load_demo_collection(command)
