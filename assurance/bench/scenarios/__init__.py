"""The scenarios of `make bench`: every module of this package registers its own with
``@scenario(name)`` from ``assurance.bench.harness``; importing the package loads them all."""

from __future__ import annotations

import importlib
import pkgutil


def load() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
