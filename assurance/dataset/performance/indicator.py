"""What the indicator page adds to the published series: the target and its assurance verdict,
the rebase point, and the comparison with statistical neighbours, the region and England (with
the benchmark chart)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from assurance.core.business_year import business_year_label, current_business_year
from assurance.dataset.benchmarks.comparisons import Panel, benchmark_panel, own_area_name
from assurance.dataset.benchmarks.rules import DIRECTION_LABELS, RAG_LABELS, rag
from assurance.dataset.catalogue.models import Indicator, Unit
from assurance.dataset.charts.lines import line_chart
from assurance.dataset.charts.spc import Assurance
from assurance.dataset.targets import selectors as targets
from assurance.partnerships.models import Partnership

ASSURANCE_LABELS = {
    Assurance.CONSISTENTLY_MET: "Target consistently met",
    Assurance.CONSISTENTLY_FAILED: "Target consistently failed",
    Assurance.HIT_AND_MISS: "Hit and miss: the target may or may not be met",
}


# how long a drawing of the figures is kept: its key changes with what it shows, so this only
# bounds how long an unused one takes room
FIGURES_SECONDS = 24 * 3600


def figures_key(
    *,
    partnership: Partnership,
    indicator: Indicator,
    version: tuple[int, str],
    area: str,
    rebase: str,
    can_manage: bool,
) -> str:
    """The cache key of the indicator page's figures (ADR 032): the partnership's data version
    and when it moved on (every change of a published value, a revision, a target, the national
    statistics or the catalogue moves it on, ADR 023), and everything else they are drawn from:
    the indicator's every field, the year's target and tolerance and the current business year
    (read here, so a change made outside the services is drawn anew too), the partnership's
    name, address, local authority and neighbours, the area and rebase asked for, and whether
    the reader may change the target (a link in them)."""
    year = current_business_year()
    setting = targets.setting_values(
        partnership=partnership, indicator=indicator, business_year=year
    )
    parts = [
        partnership.pk,
        partnership.slug,
        partnership.name,
        own_area_name(partnership),
        partnership.la_code,
        partnership.neighbour_codes,
        version,
        year,
        [getattr(indicator, f.attname) for f in indicator._meta.concrete_fields],
        setting,
        area,
        rebase,
        can_manage,
    ]
    return "indicator-figures:" + hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def rebase_positions(labels: Sequence[str], query: Mapping[str, Any]) -> tuple[list[int], str]:
    """The position of the period chosen in ``?rebase=`` (the limits are recalculated from
    there), and the label; nothing when the period is not in the series or is the first."""
    chosen = str(query.get("rebase") or "")
    if chosen in labels[1:]:
        return [list(labels).index(chosen)], chosen
    return [], ""


def comparison_context(*, partnership: Partnership, indicator: Indicator) -> dict[str, Any]:
    year = current_business_year()
    setting = targets.setting_for(partnership=partnership, indicator=indicator, business_year=year)
    panel: Panel | None = None
    chart = None
    totals_only = indicator.unit == Unit.COUNT
    la_name = own_area_name(partnership)
    if partnership.la_code:
        panel = benchmark_panel(
            indicator=indicator,
            la_code=partnership.la_code,
            neighbour_codes=partnership.neighbour_codes,
            la_name=la_name,
        )
        if panel.series:
            labels = [r.time_period for r in panel.series]
            series = [("la", la_name, [r.la for r in panel.series])]
            if panel.neighbours:
                series.append(
                    (
                        "neighbours",
                        "Statistical neighbours (average)",
                        [r.neighbours for r in panel.series],
                    )
                )
            # A count for England or a region is a total over many authorities: it belongs in
            # the table, but drawn beside one authority's count it flattens that line to zero.
            if panel.region and not totals_only:
                series.append(("region", panel.region.name, [r.region for r in panel.series]))
            if not totals_only:
                series.append(("england", "England", [r.england for r in panel.series]))
            chart = line_chart(labels, series, unit=indicator.axis_unit)
    target = setting.target if setting else None
    tolerance = setting.tolerance if setting else None
    latest_rag = rag(
        panel.la.value if panel and panel.la else None, target, tolerance, indicator.polarity
    )
    return {
        "la_name": la_name,
        "setting": setting,
        "target": target,
        "target_year": year,
        "target_year_label": business_year_label(year),
        "panel": panel,
        "direction_label": DIRECTION_LABELS.get(panel.direction)
        if panel and panel.direction
        else "",
        "rag": latest_rag,
        "rag_label": RAG_LABELS.get(latest_rag) if latest_rag else "",
        "benchmark_chart": chart,
        "counts_not_charted": totals_only,
    }
