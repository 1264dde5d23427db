"""The exception report for the executive: only the indicators that need its attention.

An indicator of the partnership's data set for the business year (one with a target or a
priority on the targets page) is an exception when its summary row gives a reason (the rules:
``rules.exception_reasons``; the rows: ``services.summaries_current``, ADR 023).

The report is assembled once as a ``core.documents.Report`` and rendered as the page, a PDF
and a Word document from the same figures. An indicator collected by locality carries its last
published periods by locality (``breakdowns.breakdown_tables``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from assurance.core import compiled
from assurance.core.business_year import business_year_label
from assurance.core.documents import Report, Table
from assurance.core.kept import kept
from assurance.dataset.catalogue.selectors import by_locality_read
from assurance.dataset.performance.breakdowns import breakdown_tables
from assurance.dataset.performance.indicator import FIGURES_SECONDS
from assurance.dataset.performance.models import IndicatorSummary
from assurance.dataset.performance.services import summaries_current
from assurance.dataset.summaries.selectors import summary_stamp_read
from assurance.dataset.summaries.services import summary_stamp_claim
from assurance.dataset.targets import selectors as targets
from assurance.partnerships.models import Partnership


@dataclass
class Exception_:
    row: IndicatorSummary
    reasons: list[str] = field(default_factory=list)


def _fmt(value: Decimal | None, places: int) -> str:
    return "–" if value is None else f"{value:,.{places}f}"


def exception_items(*, partnership: Partnership, business_year: int) -> list[Exception_]:
    """The year's exceptions, from the current summary rows (a fixed number of queries)."""
    settings = targets.reported_settings(partnership=partnership, business_year=business_year)
    rows = summaries_current(
        partnership=partnership,
        business_year=business_year,
        settings=settings,
        exceptions_only=True,  # every row checked, the exceptions' read
    )
    items = [
        Exception_(rows[s.indicator_id], list(rows[s.indicator_id].exception_reasons))
        for s in settings
        if s.indicator_id in rows and rows[s.indicator_id].exception_reasons
    ]
    items.sort(key=lambda e: (e.row.indicator.phase, e.row.indicator.order, e.row.indicator.code))
    return items


@dataclass(frozen=True)
class ExceptionLine:
    """An exception as another report lists it: the indicator and why it needs attention."""

    code: str
    title: str
    reasons: tuple[str, ...]
    indicator_id: int  # (not the indicator: the list is kept, and read back on every report)


def exception_lines(*, partnership: Partnership, business_year: int) -> list[ExceptionLine]:
    """The year's exceptions as ``exception_items`` finds them, in its order, worked out once
    per state of the figures and kept (ADR 032) under the key of everything they come from:
    the partnership's data version and when it moved on (a published value, a revision, a
    target, the national statistics or the catalogue moves it on, ADR 023), the year, the
    partnership's local authority, neighbours and exception margin, and each reported
    setting's target, tolerance and indicator as read now (so a change made outside the
    services is seen too). Two queries when kept; otherwise ``exception_items``' own."""
    parts = [
        partnership.pk,
        business_year,
        summary_stamp_claim(partnership=partnership),
        partnership.la_code,
        partnership.neighbour_codes,
        partnership.exception_margin,
        targets.reported_setting_values(partnership=partnership, business_year=business_year),
    ]
    return kept(
        "exception-lines",
        parts,
        lambda: [
            ExceptionLine(
                e.row.indicator.code, e.row.indicator.title, tuple(e.reasons), e.row.indicator.pk
            )
            for e in exception_items(partnership=partnership, business_year=business_year)
        ],
        FIGURES_SECONDS,
    )


def exception_lines_reads(*, partnership: Partnership, business_year: int) -> list[compiled.Read]:
    """What ``exception_lines`` reads when its lines are kept, and ``breakdown_tables_of`` first
    reads of them: for a report that lists them to read with its own (``compiled.ahead``)."""
    return [
        summary_stamp_read(partnership=partnership),
        targets.reported_setting_values_read(partnership=partnership, business_year=business_year),
        by_locality_read(partnership=partnership),
    ]


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
                    _fmt(e.row.england, e.row.indicator.decimal_places),
                ]
                for e in items
            ],
            numeric_from=2,
        )
    )
    by_locality = breakdown_tables(
        partnership=partnership, indicators=[e.row.indicator for e in items]
    )
    for e in items:
        report.heading(e.row.indicator.title)
        report.bullets(e.reasons)
        if e.row.indicator_id in by_locality:
            report.table(by_locality[e.row.indicator_id])
        if e.row.direction_label:
            report.paragraph(f"Direction of travel: {e.row.direction_label.lower()}.")
        if e.row.commentary:
            for agency, text in e.row.commentary:
                report.quote(f"{agency}: {text}")
        else:
            report.paragraph("No commentary with the latest value.")
    return report
