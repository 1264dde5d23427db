"""Scorecards per priority: for each indicator set to report under a priority (targets page),
its latest value, target and RAG, direction of travel, England / region / statistical
neighbours, a sparkline and the commentary.

Where the latest value comes from:

* **published national statistics** indicators: the LA's published figures (``Benchmark``);
* **agency return** indicators: the partnership's own published values (collection rounds),
  agencies' figures for a period combined as ``collection_selectors.partnership_series`` does
  (counts add up, rates recomputed from summed numerators and denominators, days averaged).
  Until a round is published the row says "No values yet": never a made-up figure.

England, region and neighbours always come from the published national figures (annual), so
for a quarterly agency return they are the latest published year's, labelled with that year.

Reads are bulk: the whole scorecard costs the same number of queries with 10 indicators as with
150 (``tests/test_scorecards.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from assurance.dataset.benchmarks.comparisons import Panel, benchmark_panels, own_area_name
from assurance.dataset.benchmarks.rules import (
    DIRECTION_LABELS,
    RAG_LABELS,
    Direction,
    Rag,
    direction_of_travel,
    rag,
)
from assurance.dataset.catalogue.models import Indicator, Source
from assurance.dataset.charts.icons import SpcIcon, assurance_icon, variation_icon
from assurance.dataset.charts.lines import Sparkline, sparkline
from assurance.dataset.charts.spc import Polarity, SpcResult, xmr
from assurance.dataset.collection.models import IndicatorValue, Revision, RoundStatus
from assurance.dataset.collection.rules import WITH_DENOMINATOR, Period, compute_value
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Partnership

SPARK_POINTS = 12


@dataclass
class OwnPoint:
    """A partnership's published value for one period (agencies combined)."""

    period_start: date
    time_period: str
    value: Decimal
    revised: bool = False
    commentary: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ScorecardRow:
    indicator: Indicator
    setting: IndicatorSetting | None
    panel: Panel
    source_label: str
    time_period: str | None = None
    value: Decimal | None = None
    revised: bool = False
    rag: Rag | None = None
    direction: Direction | None = None
    values: list[tuple[str, Decimal | None]] = field(default_factory=list)
    spark: Sparkline | None = None
    commentary: list[tuple[str, str]] = field(default_factory=list)
    spc: SpcResult | None = None

    @property
    def target(self) -> Decimal | None:
        return self.setting.target if self.setting else None

    @property
    def tolerance(self) -> Decimal | None:
        return self.setting.tolerance if self.setting else None

    @property
    def rag_label(self) -> str:
        return RAG_LABELS[self.rag] if self.rag else ""

    @property
    def direction_label(self) -> str:
        return DIRECTION_LABELS[self.direction] if self.direction else ""

    @property
    def value_text(self) -> str:
        """The latest value with its unit: "42.5%"."""
        return self.indicator.with_unit(self.value)

    @property
    def target_text(self) -> str:
        return self.indicator.with_unit(self.target)

    @property
    def england_text(self) -> str:
        england = self.panel.england
        return self.indicator.with_unit(england.value) if england else ""

    @property
    def neighbours_text(self) -> str:
        if not self.panel.neighbours:
            return ""
        return self.indicator.with_unit(self.panel.average.value)

    @property
    def variation_icon(self) -> SpcIcon:
        return variation_icon(self.spc)

    @property
    def assurance_icon(self) -> SpcIcon:
        return assurance_icon(self.spc)

    @property
    def spark_text(self) -> str:
        """The sparkline's text alternative: the values it draws, oldest first."""
        shown = [(p, v) for p, v in self.values[-SPARK_POINTS:]]
        if not shown:
            return ""
        places = self.indicator.decimal_places
        parts = [f"{p}: {v:,.{places}f}" if v is not None else f"{p}: no value" for p, v in shown]
        return "; ".join(parts)


def partnership_values(
    *, partnership: Partnership, indicators: Sequence[Indicator]
) -> dict[int, list[OwnPoint]]:
    """Indicator id → the partnership's published values, oldest first, agencies combined
    (two queries whatever the number of indicators)."""
    by_indicator = {i.pk: i for i in indicators}
    rows = list(
        IndicatorValue.objects_for(partnership)
        .filter(indicator_id__in=list(by_indicator), round__status=RoundStatus.PUBLISHED)
        .order_by("round__period_start", "agency__name")
        .values(
            "pk",
            "indicator_id",
            "numerator",
            "denominator",
            "value",
            "commentary",
            "agency__short_name",
            "round__frequency",
            "round__period_start",
            "round__period_end",
        )
    )
    revised = set(
        Revision.objects_for(partnership)
        .filter(value__indicator_id__in=list(by_indicator))
        .values_list("value_id", flat=True)
    )
    grouped: dict[tuple[int, date], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["round__frequency"] == by_indicator[r["indicator_id"]].frequency:
            grouped[(r["indicator_id"], r["round__period_start"])].append(r)
    series: dict[int, list[OwnPoint]] = defaultdict(list)
    for (pk, start), group in sorted(grouped.items(), key=lambda kv: kv[0][1]):
        unit = by_indicator[pk].unit
        if len(group) == 1:
            value = group[0]["value"]
        else:
            numerator = sum((g["numerator"] for g in group), Decimal(0))
            if unit in WITH_DENOMINATOR:
                denominator = sum((g["denominator"] or Decimal(0) for g in group), Decimal(0))
                value = compute_value(unit, numerator, denominator)
            elif unit == "days":
                value = (numerator / len(group)).quantize(Decimal("0.0001"))
            else:
                value = numerator
        period = Period(group[0]["round__frequency"], start, group[0]["round__period_end"])
        series[pk].append(
            OwnPoint(
                period_start=start,
                time_period=period.short_label,
                value=value,
                revised=any(g["pk"] in revised for g in group),
                commentary=[
                    (g["agency__short_name"], g["commentary"]) for g in group if g["commentary"]
                ],
            )
        )
    return series


def scorecard_rows(
    *, partnership: Partnership, settings: Sequence[IndicatorSetting]
) -> dict[int, ScorecardRow]:
    """Indicator id → its scorecard row, for the indicators of ``settings``."""
    indicators = [s.indicator for s in settings]
    panels = benchmark_panels(
        indicators=indicators,
        la_code=partnership.la_code,
        neighbour_codes=partnership.neighbour_codes,
        ranks=False,
        la_name=own_area_name(partnership),
    )
    agency = [i for i in indicators if i.source == Source.AGENCY_RETURN]
    own = partnership_values(partnership=partnership, indicators=agency) if agency else {}
    rows: dict[int, ScorecardRow] = {}
    for setting in settings:
        indicator, panel = setting.indicator, panels[setting.indicator_id]
        polarity = indicator.polarity
        if indicator.source == Source.AGENCY_RETURN:
            points = own.get(indicator.pk, [])
            row = ScorecardRow(indicator, setting, panel, "Partnership's published returns")
            row.values = [(p.time_period, p.value) for p in points]
            if points:
                last = points[-1]
                row.time_period, row.value, row.revised = last.time_period, last.value, last.revised
                row.commentary = last.commentary
                if len(points) > 1:
                    row.direction = direction_of_travel(points[-2].value, last.value, polarity)
        else:
            row = ScorecardRow(indicator, setting, panel, "Published national statistics")
            row.values = panel.la_series
            if panel.la is not None:
                row.time_period, row.value = panel.time_period, panel.la.value
                row.direction = panel.direction
        row.rag = rag(row.value, row.target, row.tolerance, polarity)
        row.spark = sparkline([v for _, v in row.values[-SPARK_POINTS:]])
        present = [float(v) if v is not None else None for _, v in row.values]
        if any(v is not None for v in present):
            row.spc = xmr(
                present,
                polarity=Polarity(polarity),
                target=float(row.target) if row.target is not None else None,
            )
        rows[indicator.pk] = row
    return rows
