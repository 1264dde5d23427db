"""Reads for the data set: the catalogue, benchmark series and their SPC."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from .models import AreaLevel, Benchmark, Indicator
from .spc import Polarity, SpcResult, xmr

ENGLAND = "E92000001"


def indicator_list(*, phase: int | None = None) -> QuerySet[Indicator]:
    qs = Indicator.objects.filter(active=True)
    if phase:
        qs = qs.filter(phase=phase)
    return qs.order_by("phase", "order", "code")


def indicator_by_code(*, code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code, active=True).first()


def benchmark_series(*, indicator: Indicator, area_code: str) -> list[Benchmark]:
    """An area's published figures for an indicator, oldest first."""
    return list(
        Benchmark.objects.filter(indicator=indicator, area_code=area_code).order_by(
            "period_type", "period_start"
        )
    )


def benchmark_areas(*, indicator: Indicator, la_code: str) -> list[dict[str, Any]]:
    """The areas a partnership compares with: its LA, its region and England (when present)."""
    latest = (
        Benchmark.objects.filter(indicator=indicator, area_code=la_code)
        .order_by("-period_start")
        .values("region_code", "area_name")
        .first()
    )
    areas = []
    if latest:
        areas.append({"code": la_code, "name": latest["area_name"]})
        region = (
            Benchmark.objects.filter(
                indicator=indicator,
                area_code=latest["region_code"],
                area_level=AreaLevel.REGIONAL,
            )
            .values("area_name")
            .first()
        )
        if region:
            areas.append({"code": latest["region_code"], "name": region["area_name"]})
    areas.append({"code": ENGLAND, "name": "England"})
    return areas


@dataclass(frozen=True)
class SeriesSpc:
    rows: list[Benchmark]
    result: SpcResult


def series_spc(*, indicator: Indicator, rows: list[Benchmark]) -> SeriesSpc:
    values = [float(r.value) if r.value is not None else None for r in rows]
    return SeriesSpc(rows=rows, result=xmr(values, polarity=Polarity(indicator.polarity)))
