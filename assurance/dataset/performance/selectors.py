"""Reads for the indicator page and the API: a series' XmR chart (SPC) with its verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.spc import Polarity, SpcResult, xmr
from assurance.dataset.collection.selectors import SeriesPoint
from assurance.dataset.performance.models import IndicatorSummary
from assurance.partnerships.models import Partnership


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


def summary_rows(
    *,
    partnership: Partnership,
    business_year: int,
    indicator_ids: Sequence[int],
    exceptions_only: bool = False,
    fields: Sequence[str] = (),
) -> dict[int, IndicatorSummary]:
    """Indicator id → its stored summary row (current or not: ``services.summaries_current``
    decides), without the indicator (the page has read it with the setting); with
    ``exceptions_only``, only the rows that give a reason to be an exception; with ``fields``,
    only those columns (and what says whether the row is current), where a page shows no more:
    the scorecard's table reads no sparkline, commentary or reasons, whose JSON decoding was a
    third of reading its 150 rows."""
    rows = IndicatorSummary.objects_for(partnership).filter(
        business_year=business_year, indicator_id__in=list(indicator_ids)
    )
    if fields:
        rows = rows.only("indicator_id", "version", "inputs", *fields)
    if exceptions_only:
        rows = rows.exclude(exception_reasons=[])
    return {row.indicator_id: row for row in rows}


def summary_stamps(
    *, partnership: Partnership, business_year: int, indicator_ids: Sequence[int]
) -> dict[int, tuple[int, str]]:
    """Indicator id → the version and fingerprint its stored row was computed at (what says
    whether it is current, without reading the row)."""
    return {
        indicator_id: (version, inputs)
        for indicator_id, version, inputs in IndicatorSummary.objects_for(partnership)
        .filter(business_year=business_year, indicator_id__in=list(indicator_ids))
        .values_list("indicator_id", "version", "inputs")
    }


def summary_years(*, partnership: Partnership) -> list[int]:
    """The business years the partnership has summary rows for."""
    return list(
        IndicatorSummary.objects_for(partnership)
        .order_by("business_year")
        .values_list("business_year", flat=True)
        .distinct()
    )
