"""Indicators collected by locality on the executive's pages: where a locality stands out in
the latest published period (the scorecard and the exception report), and the breakdown table
of the documents (the exception report's and the highlight report's PDF and Word).

Read in bulk for every indicator on a page (``collection.selectors.locality_breakdowns``: a
fixed number of queries), so a page's query count does not grow with its indicators."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypedDict

from django.urls import reverse

from assurance.core.documents import Table
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.selectors import by_locality_ids
from assurance.dataset.collection.selectors import Breakdown, locality_breakdowns
from assurance.dataset.localities.rules import standout
from assurance.partnerships.models import Partnership

# The documents show the last four published periods (a year of quarters)
DOCUMENT_PERIODS = 4


class LocalityNote(TypedDict):
    """What a page shows of an indicator collected by locality."""

    text: str  # "By locality in Q2 2026/27: highest: North (52); lowest: South (40)"
    href: str  # the indicator's breakdown page


def locality_notes(
    *, partnership: Partnership, indicators: Sequence[Indicator]
) -> dict[str, LocalityNote]:
    """By indicator code, for those collected by locality with published figures: the latest
    period's highest and lowest locality (or that none stands apart), and the breakdown
    page's address."""
    found = locality_breakdowns(partnership=partnership, indicators=indicators, latest=1)
    if not found:
        return {}
    sample = reverse("dataset:locality_breakdown", args=[partnership.slug, "X"])
    base = sample.removesuffix("X/localities/")
    notes: dict[str, LocalityNote] = {}
    by_id = {i.pk: i for i in indicators}
    for indicator_id, breakdown in found.items():
        indicator = by_id[indicator_id]
        row = breakdown.rows[-1]
        stands = standout(
            [(loc.name, v) for loc, v in zip(breakdown.localities, row.cells, strict=True)]
        )
        text = (
            stands.describe(indicator.decimal_places)
            if stands
            else "no locality stands apart from the others"
        )
        notes[indicator.code] = {
            "text": f"By locality in {row.time_period}: {text[0].lower()}{text[1:]}",
            "href": f"{base}{indicator.code}/localities/",
        }
    return notes


def locality_notes_of(
    *, partnership: Partnership, indicator_ids: Collection[int]
) -> dict[str, LocalityNote]:
    """``locality_notes`` of the indicators of these ids, read only for those collected by
    locality (usually none: then one compiled query, and no indicator read)."""
    indicators = _by_locality(partnership, indicator_ids)
    return locality_notes(partnership=partnership, indicators=indicators) if indicators else {}


def breakdown_tables_of(
    *, partnership: Partnership, indicator_ids: Collection[int]
) -> dict[int, Table]:
    """``breakdown_tables`` of the indicators of these ids, read only for those collected by
    locality (usually none: then one compiled query, and no indicator read)."""
    indicators = _by_locality(partnership, indicator_ids)
    return breakdown_tables(partnership=partnership, indicators=indicators) if indicators else {}


def _by_locality(partnership: Partnership, indicator_ids: Collection[int]) -> list[Indicator]:
    """The indicators of these ids that the partnership collects by locality."""
    split = by_locality_ids(partnership=partnership) & set(indicator_ids)
    return list(Indicator.objects.filter(pk__in=sorted(split))) if split else []


def with_locality_notes(rows: Sequence[Any], notes: dict[str, LocalityNote]) -> None:
    """Add each row's note (``by_locality``) where its indicator has one, before the rows'
    digest is taken, so that drawn rows are redrawn when a note changes."""
    for row in rows:
        if row["code"] in notes:
            row["by_locality"] = notes[row["code"]]


def _shown(value: Decimal | None, places: int) -> str:
    if value is None:
        return "–"
    return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,f}"


def breakdown_table(indicator: Indicator, breakdown: Breakdown) -> Table:
    """An indicator's last published periods by locality for a document: a row per locality
    and one for the whole, a column per period (oldest first), so that any number of
    localities fits the page's width."""
    rows = breakdown.rows[-DOCUMENT_PERIODS:]
    places = indicator.decimal_places
    return Table(
        caption=f"{indicator.title} by locality",
        header=["Locality", *(row.time_period for row in rows)],
        rows=[
            [loc.name, *(_shown(row.cells[i], places) for row in rows)]
            for i, loc in enumerate(breakdown.localities)
        ]
        + [["Whole partnership", *(_shown(row.total, places) for row in rows)]],
    )


def breakdown_tables(
    *, partnership: Partnership, indicators: Sequence[Indicator]
) -> dict[int, Table]:
    """By indicator id, the documents' breakdown table of those collected by locality."""
    by_id = {i.pk: i for i in indicators}
    found = locality_breakdowns(
        partnership=partnership, indicators=indicators, latest=DOCUMENT_PERIODS
    )
    return {pk: breakdown_table(by_id[pk], breakdown) for pk, breakdown in found.items()}
