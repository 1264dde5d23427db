"""Reads for the data set: the catalogue, benchmark series and their SPC."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from .models import AreaLevel, Benchmark, Indicator
from .spc import Polarity, SpcResult, xmr

if TYPE_CHECKING:
    from .collection_selectors import SeriesPoint

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
    rows: Sequence[Benchmark] | Sequence[SeriesPoint]
    result: SpcResult


def series_spc(
    *,
    indicator: Indicator,
    rows: Sequence[Benchmark] | Sequence[SeriesPoint],
    target: Decimal | float | None = None,
    rebase_at: Sequence[int] = (),
) -> SeriesSpc:
    """The XmR chart of a series: published national statistics (``Benchmark`` rows) or the
    partnership's own values (``SeriesPoint``), with the target for the assurance verdict and
    the positions where the limits are recalculated."""
    values = [float(r.value) if r.value is not None else None for r in rows]
    return SeriesSpc(
        rows=rows,
        result=xmr(
            values,
            polarity=Polarity(indicator.polarity),
            target=float(target) if target is not None else None,
            rebase_at=list(rebase_at),
        ),
    )


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
    from .aggregates import national_rank, quartile_band

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


# A partnership's own published series from quarterly collection (collection_selectors.py):
# rows of the same shape as benchmark rows, in period order, with revision marks.
from .collection_selectors import SeriesPoint, partnership_series  # noqa: E402, F401
