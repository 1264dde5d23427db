"""Reads of the published national statistics: an area's series, the areas an indicator has
figures for, and where a local authority stands among all of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from assurance.core import compiled
from assurance.dataset.benchmarks.models import AreaLevel, Benchmark
from assurance.dataset.catalogue.models import Indicator

ENGLAND = "E92000001"


def benchmark_series(*, indicator: Indicator, area_code: str) -> list[Benchmark]:
    """An area's published figures for an indicator, oldest first."""
    return list(
        Benchmark.objects.filter(indicator=indicator, area_code=area_code).order_by(
            "period_type", "period_start"
        )
    )


def _areas_query(values: Mapping[str, Any]) -> QuerySet[Any]:
    """The LA's latest published row's region code and name, with the region's name."""
    region = Benchmark.objects.filter(
        indicator_id=values["indicator"],
        area_code=OuterRef("region_code"),
        area_level=AreaLevel.REGIONAL,
    ).values("area_name")[:1]
    return (
        Benchmark.objects.filter(indicator_id=values["indicator"], area_code=values["la"])
        .order_by("-period_start")
        .values_list("region_code", "area_name", Subquery(region))[:1]
    )


def benchmark_areas(
    *, indicator: Indicator, la_code: str, la_name: str = ""
) -> list[dict[str, Any]]:
    """The areas a partnership compares with: its LA (named ``la_name`` when given), its region
    and England (when present). One query compiled once per process (every indicator page)."""
    rows = compiled.read(
        f"{__name__}.areas",
        _areas_query,
        Benchmark,
        ints={"indicator": indicator.pk},
        texts={"la": la_code},
    )
    areas = []
    if rows:
        region_code, area_name, region_name = rows[0]
        areas.append({"code": la_code, "name": la_name or area_name})
        if region_name is not None:
            areas.append({"code": region_code, "name": region_name})
    areas.append({"code": ENGLAND, "name": "England"})
    return areas


@dataclass(frozen=True)
class Standing:
    time_period: str
    value: Any
    rank: int | None
    of: int
    band: str | None


def la_standing(*, indicator: Indicator, la_code: str) -> Standing | None:
    """The LA's latest published value, its national rank (1 = best) and quartile band among all
    local authorities with a value that year (LAIT's method: aggregates.py)."""
    from assurance.dataset.benchmarks.aggregates import national_rank, quartile_band

    latest = (
        Benchmark.objects.filter(indicator=indicator, area_code=la_code, value__isnull=False)
        .order_by("-period_start")
        .first()
    )
    if latest is None or latest.value is None:
        return None
    value = latest.value
    values: list[Decimal] = [
        v
        for v in Benchmark.objects.filter(
            indicator=indicator,
            area_level=AreaLevel.LOCAL_AUTHORITY,
            period_type=latest.period_type,
            period_start=latest.period_start,
            value__isnull=False,
        ).values_list("value", flat=True)
        if v is not None
    ]
    return Standing(
        time_period=latest.time_period,
        value=value,
        rank=national_rank(value, values, indicator.polarity),
        of=len(values),
        band=quartile_band(value, values, indicator.polarity),
    )
