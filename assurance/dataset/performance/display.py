"""What each row of a scorecard and each entry of the exception report shows, worked out once per
row in Python from its stored summary row (ADR 023): the text of each cell, the tag's colour, the
SPC icons, the trend's sparkline and its words, the address of the indicator's page.

The templates then draw each row with plain lookups in one loop: no model property, template
filter, URL reversal or comparison of an icon's kind to evaluate per cell, which was most of
what these pages cost (docs/bench.md). The texts are those the templates wrote before (the same
``floatformat`` rounding, the same words), so the pages look exactly as they did.

Display texts are derived at each request from the stored figures, never stored themselves: a
change of wording reaches every page at once, with no summary to recompute.

**Drawn once per content.** Even so, drawing a row costs dozens of template nodes (its icons,
its tag), and a scorecard of 150 indicators is most of a page's time. So the templates keep the
rows they drew in the cache, under the digest of exactly what they show (``digest``: every text,
icon, figure and address of every row): the same rows are drawn once per process, and any change
of what a row shows is a new digest, so a cached row is never out of date (ADR 032).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, cached_property
from typing import Any, NotRequired, TypedDict
from urllib.parse import quote

from django.urls import reverse

from assurance.core.registry import status_colour
from assurance.dataset.benchmarks.rules import RAG_LABELS, Rag
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.icons import SpcIcon, assurance_icon_of, variation_icon_of
from assurance.dataset.charts.lines import Sparkline, sparkline
from assurance.dataset.charts.spc import Assurance, Variation
from assurance.dataset.charts.spc import Polarity as SpcPolarity
from assurance.dataset.performance.breakdowns import LocalityNote
from assurance.dataset.performance.models import SOURCE_LABELS, IndicatorSummary

BETTER_WHEN = {"higher": "Higher", "lower": "Lower"}  # otherwise "Neither"


class TableRow(TypedDict):
    """One row of the scorecard's table."""

    code: str
    title: str
    href: str
    value: str  # "42.5%"; empty when there is no value yet
    period: str  # "Q2 2025/26, revised"
    target: str  # "45.0%"; empty when none is set
    rag: str  # "Met", "Within tolerance", "Missed" or empty
    rag_colour: str
    variation: SpcIcon
    assurance: SpcIcon
    england: str
    neighbours: str
    better: str
    by_locality: NotRequired[LocalityNote]  # breakdowns.with_locality_notes


@dataclass(frozen=True)
class Trend:
    """The last values of a row's trend, as stored, and what draws them: the sparkline and its
    text alternative, worked out only when the row is drawn (not when it is drawn already)."""

    title: str
    places: int
    points: tuple[tuple[str, str | None], ...]  # (period, value as stored, or None)

    @cached_property
    def values(self) -> list[tuple[str, Decimal | None]]:
        return [(p, None if v is None else Decimal(v)) for p, v in self.points]

    @cached_property
    def line(self) -> Sparkline | None:
        return sparkline([v for _, v in self.values])

    @cached_property
    def label(self) -> str:
        """The sparkline's text alternative: the values it draws, oldest first."""
        places = self.places
        values = "; ".join(
            f"{p}: {v:,.{places}f}" if v is not None else f"{p}: no value" for p, v in self.values
        )
        return f"Trend of {self.title.lower()}, oldest first: {values}"


class Card(TypedDict):
    """One indicator of the scorecard in detail: a summary card."""

    code: str
    title: str
    href: str
    rag: str
    rag_colour: str
    latest: str  # "42.5"; empty when there is no value yet
    period: str
    revised: bool
    source: str  # "Published national statistics · percentage"
    target: str  # "45" (up to 2 decimal places); empty when none is set
    tolerance: str
    verdicts: str  # "Common cause variation: no significant change. No assurance verdict: …."
    direction: str
    compared_key: str  # "Compared with (2025)"
    compared: str  # "England 40.1; West Midlands 41.0; Solihull's statistical neighbours 39.9"
    trend: Trend
    commentary: list[list[str]]
    by_locality: NotRequired[LocalityNote]  # breakdowns.with_locality_notes


class ExceptionCard(TypedDict):
    """One indicator of the exception report."""

    code: str
    title: str
    href: str
    rag: str
    rag_colour: str
    reasons: list[str]
    latest: str  # "42.5 in Q2 2025/26"; empty when there is no value yet
    direction: str
    trend: Trend
    commentary: list[list[str]]
    by_locality: NotRequired[LocalityNote]  # breakdowns.with_locality_notes


def indicator_hrefs(slug: str, codes: Iterable[str]) -> dict[str, str]:
    """Code → the address of the indicator's page in the partnership. One URL reversal for the
    lot (reversing once per row was a tenth of a scorecard's time): the codes differ only in
    the last part of the path, and a code is capital letters, digits and hyphens."""
    sample = reverse("dataset:indicator_detail", args=[slug, "X"])
    base = sample.removesuffix("X/")
    return {code: f"{base}{quote(code, safe='')}/" for code in codes}


class DrawnRows(Sequence[Any]):
    """The rows of a table the cache holds drawn (``services.table_state``): their number is
    known (or not needed), and the rows themselves are worked out (``draw``) only if the
    template draws them, when the cache has lost them."""

    def __init__(self, count: int | None, draw: Callable[[], Sequence[Any]]) -> None:
        self._count, self._draw = count, draw  # count None: as many as are drawn

    @cached_property
    def rows(self) -> Sequence[Any]:
        return self._draw()

    def __len__(self) -> int:
        return len(self.rows) if self._count is None else self._count

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def __getitem__(self, index: Any) -> Any:
        return self.rows[index]


def digest(rows: Sequence[Mapping[str, Any]], *, partnership_id: int) -> str:
    """The key of the drawn rows in the cache: the partnership and everything the rows show
    (their dicts' ``repr``: texts, figures, icons, sparklines, addresses), in order."""
    content = repr([partnership_id, *rows]).encode()
    return hashlib.blake2b(content, digest_size=20).hexdigest()


def _fixed(value: Decimal | float | None, places: int, *, whole: bool = False) -> str:
    """``value`` as the ``floatformat`` filter writes it with ``places`` (``whole``: with
    ``-places``, a whole number without decimals), at a tenth of its cost: rounded half up,
    never "-0.0", no thousands separator. Empty for no value."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if whole and value == value.to_integral_value():
        return str(int(value))
    rounded = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{rounded if rounded else rounded.copy_abs():f}"


def _rag(row: IndicatorSummary) -> tuple[str, str]:
    if not row.rag:
        return "", ""
    return RAG_LABELS[Rag(row.rag)], status_colour("rag", row.rag)


@cache
def _variation_icon(variation: str, polarity: str) -> SpcIcon:
    return variation_icon_of(Variation(variation) if variation else None, SpcPolarity(polarity))


@cache
def _assurance_icon(assurance: str, polarity: str, *, has_target: bool) -> SpcIcon:
    return assurance_icon_of(
        Assurance(assurance) if assurance else None, SpcPolarity(polarity), has_target=has_target
    )


def _icons(row: IndicatorSummary, indicator: Indicator) -> tuple[SpcIcon, SpcIcon]:
    return (
        _variation_icon(row.variation, indicator.polarity),
        _assurance_icon(
            row.assurance,
            indicator.polarity,
            has_target=row.target is not None and bool(row.variation),
        ),
    )


def _trend(row: IndicatorSummary, indicator: Indicator) -> Trend:
    return Trend(
        title=indicator.title,
        places=indicator.decimal_places,
        points=tuple((p, v) for p, v in row.trend),
    )


# The summary row's columns ``table_rows`` reads (the scorecard's table reads only these)
TABLE_FIELDS = (
    "time_period",
    "value",
    "revised",
    "target",
    "rag",
    "variation",
    "assurance",
    "compared_period",
    "england",
    "neighbours",
    "neighbours_average",
)


def table_rows(rows: Sequence[IndicatorSummary], *, hrefs: Mapping[str, str]) -> list[TableRow]:
    """The scorecard's table: one row per summary row (each read with its indicator)."""
    out: list[TableRow] = []
    for row in rows:
        indicator = row.indicator
        with_unit = indicator.with_unit
        rag, colour = _rag(row)
        variation, assurance = _icons(row, indicator)
        out.append(
            {
                "code": indicator.code,
                "title": indicator.title,
                "href": hrefs[indicator.code],
                "value": with_unit(row.value),
                "period": row.time_period + (", revised" if row.revised else ""),
                "target": with_unit(row.target),
                "rag": rag,
                "rag_colour": colour,
                "variation": variation,
                "assurance": assurance,
                "england": with_unit(row.england) if row.compared_period else "",
                "neighbours": with_unit(row.neighbours_average) if row.neighbours else "",
                "better": BETTER_WHEN.get(indicator.polarity, "Neither"),
            }
        )
    return out


def _compared(row: IndicatorSummary, places: int, la_name: str) -> str:
    if not row.compared_period:
        return "No published national figures"
    parts = [f"England {_fixed(row.england, places) or 'not published'}"]
    if row.region_name:
        parts.append(f"{row.region_name} {_fixed(row.region, places) or 'not published'}")
    if row.neighbours:
        average = _fixed(row.neighbours_average, places) or "no values"
        parts.append(f"{la_name}'s statistical neighbours {average}")
    return "; ".join(parts)


def cards(
    rows: Sequence[IndicatorSummary], *, hrefs: Mapping[str, str], la_name: str
) -> list[Card]:
    """The scorecard in detail: one summary card per summary row."""
    out: list[Card] = []
    for row in rows:
        indicator = row.indicator
        places = indicator.decimal_places
        rag, colour = _rag(row)
        variation, assurance = _icons(row, indicator)
        out.append(
            {
                "code": indicator.code,
                "title": indicator.title,
                "href": hrefs[indicator.code],
                "rag": rag,
                "rag_colour": colour,
                "latest": _fixed(row.value, places),
                "period": row.time_period,
                "revised": row.revised,
                "source": f"{SOURCE_LABELS.get(indicator.source, '')} · "
                f"{indicator.get_unit_display().lower()}",
                "target": _fixed(row.target, 2, whole=True),
                "tolerance": _fixed(row.tolerance, 2, whole=True),
                "verdicts": f"{variation.label}. {assurance.label}.",
                "direction": row.direction_label or "Not yet known",
                "compared_key": "Compared with"
                + (f" ({row.compared_period})" if row.compared_period else ""),
                "compared": _compared(row, places, la_name),
                "trend": _trend(row, indicator),
                "commentary": row.commentary,
            }
        )
    return out


def exception_cards(items: Sequence[Any], *, hrefs: Mapping[str, str]) -> list[ExceptionCard]:
    """The exception report's entries (``exceptions.Exception_``: a summary row and its
    reasons)."""
    out: list[ExceptionCard] = []
    for item in items:
        row: IndicatorSummary = item.row
        indicator = row.indicator
        rag, colour = _rag(row)
        out.append(
            {
                "code": indicator.code,
                "title": indicator.title,
                "href": hrefs[indicator.code],
                "rag": rag,
                "rag_colour": colour,
                "reasons": item.reasons,
                "latest": f"{_fixed(row.value, indicator.decimal_places)} in {row.time_period}"
                if row.value is not None
                else "",
                "direction": row.direction_label or "Not yet known",
                "trend": _trend(row, indicator),
                "commentary": row.commentary,
            }
        )
    return out
