"""The summary of a period's feedback (a quarter, or the business year) as a
``core.documents.Report``: counts by source, age band and theme, the quotes the business unit
chose, and the “you said, we did” answers given. It is the paper of the voice item on the
Assurance and Review Group's agenda. Never a possible disclosure (``selectors``)."""

from __future__ import annotations

from datetime import date

from assurance.core.documents import Report, Table
from assurance.partnerships.access import Actor
from assurance.voice.summary import selectors
from assurance.voice.summary.figures import Count
from assurance.voice.summary.periods import Period
from assurance.voice.you_said_we_did.selectors import answers_between


def _d(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _table(caption: str, heading: str, rows: list[Count]) -> Table:
    return Table(caption, [heading, "Pieces of feedback"], [[r.label, str(r.count)] for r in rows])


def summary_report(*, actor: Actor, period: Period) -> Report:
    start, end = period.start, period.end
    figures = selectors.figures_between(actor=actor, start=start, end=end)
    report = Report(
        title="What children and families told us",
        subtitle=f"{actor.partnership.name} · {period.label}",
        organisation=actor.partnership.name,
    )
    report.paragraph(
        f"{figures.total} piece{'' if figures.total == 1 else 's'} of feedback from children, "
        f"young people, parents and carers received from {_d(start)} to {_d(end)}: by the "
        "online form, at participation events and gathered by agencies. Nobody is named. A "
        "message that may be a disclosure is handled in the duty inbox and is never counted or "
        "quoted here."
    )
    report.heading("How the feedback came")
    report.table(_table("Feedback by how it came", "How it came", figures.by_source))
    report.heading("Who told us")
    report.table(_table("Feedback by age", "Age", figures.by_age_band))
    report.heading("Themes")
    report.paragraph(
        "The learning cycle's themes the business unit tagged the feedback with. A piece of "
        f"feedback can have several themes. Not yet tagged: {figures.untagged}."
    )
    report.table(
        _table("Feedback by theme", "Theme", figures.by_theme),
        empty="The learning cycle has no themes yet.",
    )

    report.heading("In their words")
    chosen = selectors.quotes_between(actor=actor, start=start, end=end)
    if not chosen:
        report.paragraph("The business unit has not chosen any quotes for this period.")
    for quote in chosen:
        report.quote(
            f"“{quote.text}” ({quote.who}, {quote.source.lower()}, {_d(quote.received_on)})"
        )

    report.heading("You said, we did")
    answers = answers_between(actor=actor, start=start, end=end)
    if not answers:
        report.paragraph("No “you said, we did” answer was given in this period.")
    # One answer after another (not a wide table): it reads the same on a phone and on paper.
    for a in answers:
        report.heading(f"{a.theme}, {_d(a.answered_on)}", level=3)
        report.paragraph(f"You said: {a.you_said}")
        report.paragraph(f"We did: {a.we_did}")
        if a.action is None:
            report.paragraph("No action of the action log is linked to it yet.")
            continue
        report.paragraph(f"Action: {a.action.title} ({a.action_status_label.lower()}).")
        report.paragraph(
            f"Measured impact: {a.impact.get_outcome_display()}. {a.impact.summary}"
            if a.impact
            else "Measured impact: not assessed yet."
        )
    return report
