"""Reads that compare a partnership's local authority with others: its latest published value,
England, its region, its statistical neighbours and their average, its national rank and
quartile band, and the direction of travel (rules in benchmarking.py and aggregates.py).

``benchmark_panels`` answers for any number of indicators in a fixed number of queries (three,
two without ranks), so the scorecard costs the same with 10 indicators as with 150.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q

from assurance.dataset.benchmarks.aggregates import national_rank, quartile_band
from assurance.dataset.benchmarks.models import AreaLevel, Benchmark
from assurance.dataset.benchmarks.rules import (
    Direction,
    NeighbourAverage,
    direction_of_travel,
    neighbour_average,
)
from assurance.dataset.catalogue.models import Indicator
from assurance.partnerships.models import Partnership
from assurance.partnerships.neighbours import la_names

ENGLAND = "E92000001"
FIELDS = (
    "indicator_id",
    "area_code",
    "area_name",
    "area_level",
    "region_code",
    "period_type",
    "period_start",
    "time_period",
    "value",
    "missing_reason",
)

PeriodKey = tuple[str, date]  # (period_type, period_start)


@dataclass(frozen=True)
class AreaValue:
    code: str
    name: str
    value: Decimal | None
    missing_reason: str = ""


@dataclass(frozen=True)
class SeriesRow:
    """One period of the benchmark chart: the LA beside its comparators."""

    time_period: str
    la: Decimal | None
    neighbours: Decimal | None
    region: Decimal | None
    england: Decimal | None


@dataclass
class Panel:
    indicator: Indicator
    time_period: str | None = None  # the LA's latest period with a value
    la: AreaValue | None = None
    previous_period: str | None = None
    previous: Decimal | None = None
    direction: Direction | None = None
    region: AreaValue | None = None
    england: AreaValue | None = None
    neighbours: list[AreaValue] = field(default_factory=list)
    average: NeighbourAverage = field(default_factory=lambda: NeighbourAverage(None, 0, 0))
    rank: int | None = None
    of: int = 0
    band: str | None = None
    la_series: list[tuple[str, Decimal | None]] = field(default_factory=list)
    series: list[SeriesRow] = field(default_factory=list)  # with history only


def _key(row: dict[str, Any]) -> PeriodKey:
    return (row["period_type"], row["period_start"])


def _area(
    row: dict[str, Any] | None, code: str, name: str = "", *, rename: bool = False
) -> AreaValue:
    """An area's value; ``name`` names it when it has no row (or always, with ``rename``)."""
    if row is None:
        return AreaValue(code, name or la_names().get(code, code), None, "")
    named = name if rename and name else row["area_name"]
    return AreaValue(code, named, row["value"], row["missing_reason"])


def own_area_name(partnership: Partnership) -> str:
    """The one name a partnership's own area goes by on every data page: its local authority's
    name as the partnership gave it, else the published statistics' name of its LA code."""
    if partnership.local_authority_name:
        return partnership.local_authority_name
    if partnership.la_code:
        return la_names().get(partnership.la_code, "the local authority")
    return "the local authority"


def benchmark_panels(
    *,
    indicators: Sequence[Indicator],
    la_code: str,
    neighbour_codes: Sequence[str],
    history: bool = False,
    ranks: bool = True,
    la_name: str = "",
) -> dict[int, Panel]:
    """Indicator id → its panel for the LA. Without ``history`` the comparators are read for the
    LA's latest period only; with it, for every period (the benchmark chart). ``ranks=False``
    leaves out the national rank and quartile band (they read every LA's value of each
    indicator: the scorecard does not show them). ``la_name`` names the LA (the partnership's
    one name for its area, ``own_area_name``) instead of the published statistics' name."""
    panels = {i.pk: Panel(indicator=i) for i in indicators}
    if not indicators or not la_code:
        return panels
    ids = list(panels)
    neighbours = [c for c in neighbour_codes if c != la_code]

    # 1. the LA's own series for every indicator (direction of travel, sparkline, latest period)
    la_rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in (
        Benchmark.objects.filter(indicator_id__in=ids, area_code=la_code)
        .order_by("period_type", "period_start")
        .values(*FIELDS)
    ):
        la_rows[row["indicator_id"]].append(row)
    latest: dict[int, dict[str, Any]] = {}
    for pk, rows in la_rows.items():
        # the most frequent period type the LA has (annual national statistics, usually)
        kind = max(
            {r["period_type"] for r in rows}, key=lambda t: sum(r["period_type"] == t for r in rows)
        )
        rows[:] = [r for r in rows if r["period_type"] == kind]
        panel = panels[pk]
        panel.la_series = [(r["time_period"], r["value"]) for r in rows]
        present = [r for r in rows if r["value"] is not None]
        if present:
            latest[pk] = present[-1]
            panel.time_period = present[-1]["time_period"]
            panel.la = _area(present[-1], la_code, la_name, rename=True)
            before = [r for r in rows if r["period_start"] < present[-1]["period_start"]]
            if before:
                panel.previous_period = before[-1]["time_period"]
                panel.previous = before[-1]["value"]
                panel.direction = direction_of_travel(
                    panel.previous, panel.la.value, panel.indicator.polarity
                )
    if not latest:
        return panels
    # the region the DfE publishes the LA under (Inner or Outer London for London), from the
    # LA's own rows (no query of its own: an LA-code-only filter has no index)
    region = next(
        (r["region_code"] for rows in la_rows.values() for r in reversed(rows) if r["region_code"]),
        "",
    )

    # 2. the comparators: England, region and neighbours (latest periods, or all with history)
    others = [ENGLAND, *neighbours] + ([region] if region else [])
    comparators = Benchmark.objects.filter(indicator_id__in=list(latest), area_code__in=others)
    if not history:
        comparators = comparators.filter(
            period_start__in={r["period_start"] for r in latest.values()}
        )
    by_area: dict[tuple[int, PeriodKey], dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in comparators.values(*FIELDS):
        by_area[(row["indicator_id"], _key(row))][row["area_code"]] = row

    # 3. every LA's value in each indicator's latest period (rank and quartile band)
    all_las: dict[int, list[Decimal]] = defaultdict(list)
    condition = Q()
    for pk, row in latest.items():
        condition |= Q(
            indicator_id=pk, period_type=row["period_type"], period_start=row["period_start"]
        )
    for pk, value in (
        Benchmark.objects.filter(
            condition, area_level=AreaLevel.LOCAL_AUTHORITY, value__isnull=False
        ).values_list("indicator_id", "value")
        if ranks
        else []
    ):
        if value is not None:
            all_las[pk].append(value)

    for pk, row in latest.items():
        panel = panels[pk]
        polarity = panel.indicator.polarity
        areas = by_area.get((pk, _key(row)), {})
        panel.england = _area(areas.get(ENGLAND), ENGLAND, "England")
        panel.region = _area(areas.get(region), region) if region else None
        panel.neighbours = [_area(areas.get(code), code) for code in neighbours]
        panel.average = neighbour_average(n.value for n in panel.neighbours)
        value = row["value"]
        values = all_las.get(pk, [])
        if ranks:
            panel.rank = national_rank(value, values, polarity)
            panel.of = len(values)
            panel.band = quartile_band(value, values, polarity) if values else None
        if history:
            panel.series = []
            for r in la_rows[pk]:
                found = by_area.get((pk, _key(r)), {})
                england, reg = found.get(ENGLAND), found.get(region)
                panel.series.append(
                    SeriesRow(
                        time_period=r["time_period"],
                        la=r["value"],
                        neighbours=neighbour_average(
                            found[c]["value"] if c in found else None for c in neighbours
                        ).value
                        if neighbours
                        else None,
                        region=reg["value"] if reg else None,
                        england=england["value"] if england else None,
                    )
                )
    return panels


def benchmark_panel(
    *, indicator: Indicator, la_code: str, neighbour_codes: Sequence[str], la_name: str = ""
) -> Panel:
    """One indicator's panel with its history (the indicator page and the API)."""
    return benchmark_panels(
        indicators=[indicator],
        la_code=la_code,
        neighbour_codes=neighbour_codes,
        history=True,
        la_name=la_name,
    )[indicator.pk]
