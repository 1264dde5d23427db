"""Reads for the indicator page and the API: a series' XmR chart (SPC) with its verdicts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.spc import Polarity, SpcResult, xmr
from assurance.dataset.collection.selectors import SeriesPoint


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
