"""Writes of the indicator catalogue: loading it from the starter file (``starter.yaml``) or an
uploaded table, matched on the code (idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.summaries.services import summaries_stale

STARTER_CATALOGUE = Path(__file__).parent / "starter.yaml"

CATALOGUE_FIELDS = {
    "title": "title",
    "definition": "definition",
    "numerator": "numerator_definition",
    "denominator": "denominator_definition",
    "unit": "unit",
    "polarity": "polarity",
    "sector": "owning_sector",
    "phase": "phase",
    "frequency": "frequency",
    "source": "source",
    "national_measure": "national_measure",
    "themes": "themes",
    "decimal_places": "decimal_places",
}


class CatalogueError(ValueError):
    pass


def catalogue_load(*, path: Path | str = STARTER_CATALOGUE) -> tuple[int, int]:
    """Create or update indicators from a catalogue file (.yaml, .csv or .xlsx; matched on code).

    Returns (created, updated). A bad entry raises CatalogueError naming it; nothing is stored.
    """
    from assurance.dataset.catalogue.interchange import CatalogueFileError, read_catalogue

    try:
        entries = read_catalogue(path)
    except (CatalogueFileError, OSError, yaml.YAMLError) as exc:
        raise CatalogueError(str(exc)) from exc
    return catalogue_load_entries(entries=entries)


@transaction.atomic
def catalogue_load_entries(*, entries: list[dict[str, Any]]) -> tuple[int, int]:
    created = updated = 0
    for order, entry in enumerate(entries, start=1):
        code = str(entry.get("code", "")).strip()
        fields: dict[str, Any] = {"order": order}
        for key, attr in CATALOGUE_FIELDS.items():
            if key in entry:
                fields[attr] = entry[key] if entry[key] is not None else ""
        indicator = Indicator.objects.filter(code=code).first() or Indicator(code=code)
        is_new = indicator.pk is None
        for attr, value in fields.items():
            setattr(indicator, attr, value)
        try:
            indicator.full_clean()
        except ValidationError as exc:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise CatalogueError(f"Indicator {order} ({code or 'no code'}): {problems}") from exc
        indicator.save()
        created += is_new
        updated += not is_new
    summaries_stale()  # a definition changes every partnership's verdicts
    return created, updated
