"""What the indicator catalogue offers to search: the active indicators (public information,
the same for every partnership), linked to their page by code."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat
from django.urls import reverse

from assurance.core.registry import SearchSource
from assurance.dataset.catalogue import selectors
from assurance.dataset.catalogue.models import Indicator


def _indicators(actor: Any) -> QuerySet[Any] | None:
    return (
        selectors.indicator_list(partnership=actor.partnership)
        if actor.can("indicator.view")
        else None
    )


INDICATORS = SearchSource(
    kind="indicator",
    label="Indicators",
    singular="Indicator",
    records=_indicators,
    model=Indicator,
    fields=("title", "code", "definition"),
    title=Concat(F("code"), Value(": "), F("title")),
    summary=F("definition"),
    key_field="code",
    link=lambda actor, code: reverse(
        "dataset:indicator_detail", args=[actor.partnership.slug, code]
    ),
    order=40,
)

SOURCES = (INDICATORS,)
