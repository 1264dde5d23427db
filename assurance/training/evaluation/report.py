"""The annual training evaluation report, per course ("module") of the business year: sessions,
attendance by agency, response rates, the paired change with its intervals and what
practitioners said changed in their practice. A ``core.documents.Report`` (page, PDF and Word
through the shared document view). No names: answers are pseudonymous and shown only as
figures and unattributed quotations."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from assurance.core.business_year import business_year_label
from assurance.core.charts import Share, proportion_chart
from assurance.core.documents import Report, Table
from assurance.partnerships.access import Actor
from assurance.training.evaluation import analysis, figures, selectors
from assurance.training.evaluation.selectors import year_period

QUOTES_PER_COURSE = 5


def annual_report(*, actor: Actor, year: int, now: datetime | None = None) -> Report:
    actor.require("evaluation.view")
    now = now or timezone.now()
    period = year_period(year)
    partnership = actor.partnership
    held = selectors.sessions_held(partnership=partnership, period=period)
    by_agency = selectors.attendance_by_agency(partnership=partnership, period=period)
    courses = [c for c in selectors.evaluated_courses(actor=actor) if held.get(c.pk)]
    report = Report(
        title=f"Multi-agency training evaluation {business_year_label(year)}",
        subtitle="Annual report of each course: attendance, response and change in practice",
        organisation=partnership.name,
    )
    report.paragraph(
        "Practitioners rate their knowledge and confidence against each learning outcome from 1 "
        "to 10 before the course, at its end and three months on; their line manager rates what "
        "they see in their practice three months on. Change is measured only in the same people "
        "(those who answered both questionnaires), with its 95% confidence interval (paired t) "
        "and a Wilcoxon signed-rank p-value. With fewer than "
        f"{analysis.CAUTION_BELOW} pairs the interval is wide and the change may be chance. "
        "Answers are kept under reference numbers: no one is named."
    )
    summary = Table(
        caption="Courses run in the year",
        header=["Course", "Sessions", "Attended"],
        rows=[
            [c.title, str(held[c.pk]), str(sum(n for _a, n in by_agency.get(c.pk, [])))]
            for c in courses
        ],
    )
    report.table(summary, empty="No course was run in the year.")
    evaluations = selectors.course_evaluations(courses=courses, now=now, period=period)
    for course in courses:
        evaluation = evaluations[course.pk]
        report.heading(course.title)
        report.table(
            Table(
                caption="Attendance by agency",
                header=["Agency", "Attended"],
                rows=[[agency, str(n)] for agency, n in by_agency.get(course.pk, [])],
            ),
            empty="No one attended.",
        )
        report.chart(
            proportion_chart(
                [
                    Share(rate.stage.label, rate.rate.value, rate.rate.low, rate.rate.high)
                    for rate in evaluation.rates
                ],
                description=f"{course.title}: response rate at each stage, with its 95% interval",
            ),
            figures=[figures.rate_text(rate.rate) for rate in evaluation.rates],
        )
        report.table(
            Table(
                caption="Response rates (of those who attended and were asked)",
                header=["Stage", "Asked", "Answered", "Rate (95% interval)"],
                rows=[
                    [
                        rate.stage.label,
                        str(rate.invited),
                        str(rate.responded),
                        figures.rate_text(rate.rate),
                    ]
                    for rate in evaluation.rates
                ],
            )
        )
        rows = []
        numbers = figures.outcome_numbers([row.outcome for row in evaluation.rows])
        for row in evaluation.rows:
            for comparison in analysis.Comparison:
                shown = figures.change_row(comparison, row.evaluation.changes[comparison])
                rows.append(
                    [
                        f"{numbers[row.outcome]}. {row.outcome} ({row.measure})",
                        shown.comparison,
                        str(shown.n_pairs),
                        f"{shown.change} ({shown.interval})",
                        shown.p_value,
                        shown.verdict,
                    ]
                )
        report.heading("Change three months after, in the same practitioners", level=3)
        report.changes(
            figures.three_month_chart(
                [
                    (
                        row.outcome,
                        row.measure,
                        row.evaluation.changes[analysis.Comparison.BEFORE_THREE_MONTHS],
                    )
                    for row in evaluation.rows
                ],
                course_title=course.title,
            )
        )
        report.table(
            Table(
                caption="Change in the same practitioners",
                header=["Outcome", "Change", "Pairs", "Mean change (95% CI)", "p", "Reading"],
                rows=rows,
                numeric_from=2,
            )
        )
        if evaluation.cautions:
            report.paragraph(
                f"Some changes rest on fewer than {analysis.CAUTION_BELOW} pairs: read them with "
                "care."
            )
        quotes = evaluation.changed_in_practice[-QUOTES_PER_COURSE:]
        if quotes:
            report.heading("What practitioners said changed in their practice", level=3)
            for text in quotes:
                report.quote(text)
    return report
