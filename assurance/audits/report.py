"""The audit report, assembled from the records (never typed): the key messages first, as on
the findings page, then purpose, methodology, findings per KLOE with charts and their data, the
voice of children and families, and the recommendations with their actions. Rendered as a page,
a PDF and a Word document.

Each standard's table of responses by agency is on the page and in the Word document; the PDF
prints instead the standard's chart with each agency's number meeting it and interval beside its
bar, and a sentence of the count of each response from all agencies, and says where the tables
are (ADR 011: a PDF of 24 standards × 10 agencies laid out 2,000 table cells).
"""

from __future__ import annotations

from collections import Counter

from assurance.audits import selectors
from assurance.audits.figures import FindingsTable, findings_figure
from assurance.audits.findings import METHOD_NOTE
from assurance.audits.lifecycle import sample_warning
from assurance.audits.models import AgencyReturn, Audit, AuditCase, KeyMessage
from assurance.core.business_year import business_year_label
from assurance.core.documents import Report, Table
from assurance.core.registry import follow_ups_for
from assurance.core.stats import p_value_text, sample_margin_of_error

PDF_TABLES_NOTE = (
    "Each chart shows, for one standard, the proportion of cases meeting it in each agency's "
    "returns, with its 95% interval; beside each bar are the number of cases meeting the "
    "standard of those assessed, with the percentage, and the 95% interval. Each agency's "
    "count of each response is in the tables of the Word version of this report and on the "
    "audit's findings page."
)
NO_KEY_MESSAGES = "No key messages have been written yet."


def all_agencies_sentence(table: FindingsTable) -> str:
    """The count of each response of the all-agencies row of a standard's table as a sentence:
    "Responses from all agencies: Met 12, Not met 6, Partially met 2."."""
    options = table.header[1:-2]
    counts = table.total.cells[: len(options)]
    responses = ", ".join(f"{option} {n}" for option, n in zip(options, counts, strict=True))
    return f"Responses from all agencies: {responses}."


def _key_messages(report: Report, audit: Audit) -> None:
    """The key messages, grouped by kind in the findings page's order."""
    messages = list(selectors.key_messages(audit=audit))
    report.heading("Key messages")
    if not messages:
        report.paragraph(NO_KEY_MESSAGES)
    for kind, title in KeyMessage.Kind.choices:
        chosen = [m for m in messages if m.kind == kind]
        if not chosen:
            continue
        if kind == KeyMessage.Kind.MORE_OF:
            report.table(
                Table(
                    caption="What do we need to do more of?",
                    header=["Aspect", "What do we need to do more of?"],
                    rows=[[m.aspect, m.text] for m in chosen],
                    numeric_from=99,
                )
            )
        else:
            report.heading(str(title), level=3)
            report.bullets([f"{m.aspect}: {m.text}" for m in chosen])


def audit_report(*, audit: Audit) -> Report:
    findings = selectors.audit_findings(audit=audit)
    cases = list(AuditCase.unscoped.filter(audit=audit))
    returns = list(
        AgencyReturn.unscoped.filter(
            case__audit=audit, status__in=selectors.COMPLETE
        ).select_related("agency")
    )
    report = Report(
        title=f"{audit.title}: multi-agency case file audit report",
        subtitle=f"{audit.partnership.name} · {audit.get_theme_display()} · "
        f"{audit.get_kind_display()} · {audit.planned_month:%B %Y} "
        f"(business year {business_year_label(audit.programme.business_year)})",
        organisation=audit.partnership.name,
    )
    _key_messages(report, audit)
    report.heading("Purpose")
    report.paragraph(
        f"This report sets out what the partnership learned from auditing {len(cases)} "
        f"children's cases together, on the theme of {audit.get_theme_display().lower()}. "
        "Each agency audited its own records of the same children against shared standards; "
        "the agencies then met to agree the findings."
    )
    if audit.scope:
        report.paragraph(f"Scope: {audit.scope}")

    report.heading("Methodology")
    margin = sample_margin_of_error(len(cases))
    sources = Counter(case.get_source_display() for case in cases)
    draws = list(audit.draws.all())
    method = [
        f"Audit tool: {audit.framework} with {len(findings.sections)} Key Lines of Enquiry and "
        f"{sum(len(s.items) for s in findings.sections)} graded standards."
        if audit.framework
        else "Audit tool: not chosen.",
        f"Sample criteria: {audit.sample_criteria.strip().rstrip('.') or 'not recorded'}.",
        f"Sample: {len(cases)} cases ("
        + ", ".join(f"{n} {label.lower()}" for label, n in sources.items())
        + ").",
    ]
    for draw in draws:
        method.append(
            f"Drawn by {draw.get_method_display().lower()} from {draw.candidate_count} "
            f"candidates with seed {draw.seed}, so the draw can be reproduced."
        )
    if margin is not None:
        method.append(
            f"With {len(cases)} cases a proportion is estimated to within about "
            f"±{margin * 100:.0f} percentage points (95% Wilson interval at 50%)."
        )
    warning = sample_warning(len(cases))
    if warning:
        method.append(warning)
    by_agency = Counter(r.agency.name for r in returns)
    method.append(
        "Returns counted: "
        + ", ".join(f"{name} {n}" for name, n in sorted(by_agency.items()))
        + f" ({len(returns)} in all)."
    )
    meeting = audit.moderation_meetings.prefetch_related("attendees__agency").first()
    if meeting is not None:
        attending = Counter(p.agency.short_name for p in meeting.attendees.all() if p.agency)
        method.append(
            f"Audit discussion meeting on {meeting.held_on:%-d %B %Y}, attended by "
            + ", ".join(f"{n} from {a}" for a, n in sorted(attending.items()))
            + "."
        )
    method.append(METHOD_NOTE)
    report.bullets(method)
    report.table(
        Table(
            caption="The sample by age band, gender and ethnicity",
            header=["Characteristic", "Cases"],
            rows=[
                [f"Age band: {label}", str(n)]
                for label, n in sorted(Counter(c.get_age_band_display() for c in cases).items())
            ]
            + [
                [f"Gender: {label}", str(n)]
                for label, n in sorted(Counter(c.get_gender_display() for c in cases).items())
            ]
            + [
                [f"Ethnicity: {label}", str(n)]
                for label, n in sorted(
                    Counter(c.ethnicity or "Not recorded" for c in cases).items()
                )
            ],
        )
    )

    report.heading("Findings")
    report.paragraph(PDF_TABLES_NOTE, only_pdf=True)
    if findings.compared_with is not None:
        report.paragraph(
            f"Each standard is compared with the audit “"
            f"{findings.compared_with.title}” "
            f"({findings.compared_with.planned_month:%B %Y})."
        )
    for section in findings.sections:
        report.heading(f"{section.section.code} {section.section.title}", level=3)
        if section.agreed:
            report.paragraph(
                "Grades agreed at moderation: "
                + ", ".join(f"{label} {n}" for label, n in section.agreed.items())
                + "."
            )
        for item in section.items:
            report.heading(f"{item.item.code} {item.item.text}", level=4)
            figure = findings_figure(item)
            report.chart(
                figure.chart,
                figures=[
                    f"{row.cells[-2]}  {row.cells[-1]}"
                    for row in (*figure.table.rows, figure.table.total)
                ],
            )
            report.table(
                Table(
                    caption=figure.table.caption,
                    header=list(figure.table.header),
                    rows=[
                        [row.label, *row.cells] for row in (*figure.table.rows, figure.table.total)
                    ],
                ),
                in_pdf=False,
            )
            report.paragraph(all_agencies_sentence(figure.table), only_pdf=True)
            if item.change is not None:
                report.paragraph(
                    f"Since the earlier audit: {item.change.verdict}"
                    + (
                        f" ({p_value_text(item.change.p_value)})."
                        if item.change.p_value is not None
                        else "."
                    )
                )

    report.heading("The voice of children and families")
    voices = [
        (r.agency.short_name, r.child_views, r.family_views)
        for r in returns
        if r.child_views or r.family_views
    ]
    if voices:
        report.paragraph(
            f"Auditors gathered the views of children or their families in "
            f"{len(voices)} returns. In their words:"
        )
        for agency, child, family in voices[:12]:
            if child:
                report.quote(f"Child ({agency}): {child}")
            if family:
                report.quote(f"Family ({agency}): {family}")
    else:
        report.paragraph("No views of children or families were recorded in the returns.")

    report.heading("Recommendations")
    recommendations = follow_ups_for(audit)
    report.table(
        Table(
            caption="Recommendations and the actions in the partnership's action log",
            header=["Recommendation", "Owner", "Due", "Measure of success"],
            rows=[
                [
                    r.title,
                    ", ".join(a.owner for a in r.actions),
                    ", ".join(f"{a.due:%-d %b %Y}" for a in r.actions),
                    "; ".join(a.measure for a in r.actions),
                ]
                for r in recommendations
            ],
            numeric_from=99,
        ),
        empty="No recommendations have been recorded yet.",
    )
    events = list(audit.learning_events.prefetch_related("agencies"))
    if events:
        report.heading("Learning event")
        for event in events:
            report.paragraph(
                f"{event.held_on:%-d %B %Y}: {event.attendee_count} people from "
                f"{event.agencies.count()} agencies. {event.what_was_shared}"
            )
    return report
