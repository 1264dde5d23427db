"""Reads for the indicator page and the API: a series' XmR chart (SPC) with its verdicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import router
from django.db.models import QuerySet, Subquery, TextField
from django.db.models.functions import Cast

from assurance.core import compiled
from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.spc import Polarity, SpcResult, xmr
from assurance.dataset.collection.selectors import SeriesPoint
from assurance.dataset.performance.models import IndicatorSummary
from assurance.dataset.summaries.models import SummaryVersion
from assurance.dataset.summaries.selectors import time_of_text
from assurance.partnerships.models import Partnership, Priority


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
    priority: Priority | None = None,
    exceptions_only: bool = False,
    fields: Sequence[str] = (),
) -> dict[int, IndicatorSummary]:
    """Indicator id → its stored summary row of the year (current or not: ``services.
    summaries_current`` decides), without the indicator (the page has read it with the
    setting): the indicators set to report under ``priority`` if given, else every row of the
    year; with ``exceptions_only``, only the rows that give a reason to be an exception; with
    ``fields``, only those columns (and what says whether the row is current), where a page
    shows no more: the scorecard's table reads no sparkline, commentary or reasons, whose JSON
    decoding was a third of reading its 150 rows.

    One query compiled once per process for each shape (``core.compiled``): a priority's rows
    are found by joining its settings, not by a list of 150 indicator ids, whose parameters
    were most of what building the query cost."""
    columns = ["indicator_id", "version", "inputs", *fields] if fields else _SUMMARY_FIELDS

    def build(values: Mapping[str, Any]) -> QuerySet[Any]:
        rows = IndicatorSummary.objects_for(Partnership(pk=values["partnership"])).filter(
            business_year=business_year
        )
        if priority is not None:
            rows = rows.filter(
                indicator__settings__partnership=values["partnership"],
                indicator__settings__business_year=business_year,
                indicator__settings__priorities=values["priority"],
            )
        if exceptions_only:
            rows = rows.exclude(exception_reasons=[])
        return rows.values_list(*columns)

    values = {"partnership": partnership.pk}
    if priority is not None:
        values["priority"] = priority.pk
    using = router.db_for_read(IndicatorSummary)
    shape = ".".join(map(str, (business_year, priority is not None, exceptions_only, *columns)))
    template = compiled.kept(
        f"{__name__}.summary_rows.{shape}", build, ints=tuple(values), using=using
    )
    found = {}
    for row in template.rows(values, using=using):
        summary = IndicatorSummary.from_db(using, columns, row)
        found[summary.indicator_id] = summary
    return found


_SUMMARY_FIELDS = [field.attname for field in IndicatorSummary._meta.concrete_fields]


def summary_stamps(
    *, partnership: Partnership, business_year: int
) -> tuple[tuple[int, Any] | None, dict[int, tuple[int, str]]]:
    """The partnership's data version and when it moved on (None if there is none, or no row
    of the year), and indicator id → the version and fingerprint its stored row of the year was
    computed at (what says whether it is current, without reading the row): one compiled
    query, the version read beside each row (when it moved on as text, parsed once: the
    driver made a time of it in every row)."""

    def build(values: Mapping[str, Any]) -> QuerySet[Any]:
        # not correlated: worked out once for the query (an InitPlan), not once per row
        version = SummaryVersion.unscoped.filter(partnership_id=values["partnership"])
        return (
            IndicatorSummary.objects_for(Partnership(pk=values["partnership"]))
            .filter(business_year=business_year)
            .values_list(
                "indicator_id",
                "version",
                "inputs",
                Subquery(version.values("version")[:1]),
                Cast(Subquery(version.values("changed_at")[:1]), TextField()),
            )
        )

    rows = compiled.read(
        f"{__name__}.summary_stamps.{business_year}",
        build,
        IndicatorSummary,
        ints={"partnership": partnership.pk},
    )
    if not rows or rows[0][3] is None:
        return None, {}
    current = (rows[0][3], time_of_text(rows[0][4]))
    return current, {indicator_id: (version, inputs) for indicator_id, version, inputs, *_ in rows}


def summary_years(*, partnership: Partnership) -> list[int]:
    """The business years the partnership has summary rows for."""
    return list(
        IndicatorSummary.objects_for(partnership)
        .order_by("business_year")
        .values_list("business_year", flat=True)
        .distinct()
    )
