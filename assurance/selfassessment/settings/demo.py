"""The demo's schools and colleges: the shipped synthetic GIAS extract, imported into every demo
partnership (each keeps the rows of its own local authority; idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assurance.partnerships.models import Partnership
from assurance.selfassessment.settings.services import gias_rows_from, settings_import

SAMPLE = Path(__file__).parent / "data" / "gias_sample.csv"


def load_demo_settings(command: Any = None) -> None:
    rows = gias_rows_from(SAMPLE)
    for slug in ("northfield", "southvale"):
        partnership = Partnership.unscoped.filter(slug=slug).first()
        if partnership is not None:
            settings_import(partnership=partnership, rows=rows, source=SAMPLE.name)
