"""The exception report for the executive: only the indicators that need its attention.

An indicator of the partnership's data set for the business year (one with a target or a
priority on the targets page) is an exception when at least one of these holds:

1. **concerning special cause variation**: the latest point of its XmR chart is special cause
   concerning (the variation verdict, read with polarity, NHS "Making Data Count");
2. **a missed target**: the latest value misses the target by more than the tolerance (red;
   a value within the tolerance, amber, is not an exception);
3. **worse than England beyond the margin**: the latest value is worse than England's published
   value for the latest published year by more than the partnership's margin (per cent of
   England's value, set on the partnership settings page). Counts are never compared with
   England (a local count and a national count are not comparable); percentages, rates,
   ratios and days are.

The report is assembled once as a ``core.documents.Report`` and rendered as the page, a PDF
and a Word document from the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assurance.core.business_year import business_year_label
from assurance.core.documents import Report, Table
from assurance.dataset.benchmarks.rules import Rag, worse_than
from assurance.dataset.catalogue.models import Unit
from assurance.dataset.charts.spc import Variation
from assurance.dataset.performance.scorecards import ScorecardRow, scorecard_rows
from assurance.dataset.targets import selectors as targets
from assurance.partnerships.models import Partnership


@dataclass
class Exception_:
    row: ScorecardRow
    reasons: list[str] = field(default_factory=list)


def _fmt(value: Decimal | None, places: int) -> str:
    return "–" if value is None else f"{value:,.{places}f}"


def exception_items(*, partnership: Partnership, business_year: int) -> list[Exception_]:
    settings = [
        s
        for s in targets.setting_list(partnership=partnership, business_year=business_year)
        if s.indicator.active and (s.target is not None or s.priorities.all())
    ]
    rows = scorecard_rows(partnership=partnership, settings=settings)
    margin = Decimal(partnership.exception_margin)
    items = []
    for setting in settings:
        row = rows[setting.indicator_id]
        indicator, places = row.indicator, row.indicator.decimal_places
        reasons = []
        if row.spc is not None and row.spc.variation is Variation.CONCERNING:
            reasons.append("Special cause concerning variation at the latest point")
        if row.rag is Rag.RED:
            reasons.append(
                f"Target missed: {_fmt(row.value, places)} against a target of "
                f"{_fmt(row.target, places)}"
                + (f" (tolerance {_fmt(row.tolerance, places)})" if row.tolerance else "")
            )
        england = row.panel.england.value if row.panel.england else None
        if indicator.unit != Unit.COUNT and worse_than(
            row.value, england, indicator.polarity, margin
        ):
            reasons.append(
                f"Worse than England by more than {margin}%: {_fmt(row.value, places)} against "
                f"{_fmt(england, places)} ({row.panel.time_period})"
            )
        if reasons:
            items.append(Exception_(row, reasons))
    items.sort(key=lambda e: (e.row.indicator.phase, e.row.indicator.order, e.row.indicator.code))
    return items


def exception_report(
    *, partnership: Partnership, business_year: int, items: list[Exception_] | None = None
) -> Report:
    if items is None:
        items = exception_items(partnership=partnership, business_year=business_year)
    label = business_year_label(business_year)
    report = Report(
        title=f"Exception report for the executive, {label}",
        subtitle=f"{partnership.name} · multi-agency data set",
        organisation=partnership.name,
    )
    report.paragraph(
        "Only the indicators that need the executive's attention: concerning special cause "
        "variation at the latest point, a target missed by more than its tolerance, or a value "
        f"worse than England's by more than {partnership.exception_margin}% of England's value "
        "(counts are not compared with England)."
    )
    if not items:
        report.paragraph(f"No indicator is an exception in {label}.")
        return report
    report.table(
        Table(
            caption="Exceptions at a glance",
            header=["Indicator", "Why", "Latest", "Target", "England"],
            rows=[
                [
                    e.row.indicator.title,
                    "; ".join(r.split(":")[0] for r in e.reasons),
                    f"{_fmt(e.row.value, e.row.indicator.decimal_places)}"
                    + (f" ({e.row.time_period})" if e.row.time_period else ""),
                    _fmt(e.row.target, e.row.indicator.decimal_places),
                    _fmt(
                        e.row.panel.england.value if e.row.panel.england else None,
                        e.row.indicator.decimal_places,
                    ),
                ]
                for e in items
            ],
            numeric_from=2,
        )
    )
    for e in items:
        report.heading(e.row.indicator.title)
        report.bullets(e.reasons)
        if e.row.direction_label:
            report.paragraph(f"Direction of travel: {e.row.direction_label.lower()}.")
        if e.row.commentary:
            for agency, text in e.row.commentary:
                report.quote(f"{agency}: {text}")
        else:
            report.paragraph("No commentary with the latest value.")
    return report
