"""The highlight report to an executive meeting, assembled from the records (never typed): what
is going well, what needs to improve, proposals awaiting decision, actions at risk and the
scrutineer's open challenges. Rendered as a page, a PDF and a Word document.

Seed 002: the Assurance and Review Group produces "a highlight report to each Local
Safeguarding Children's Partnership meeting which will present an overview of what is going
well, recommendations of areas for improvement and a proposal for work required".

The records are read as plain rows by queries compiled once per process (``selectors``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from assurance.audits.models import Audit
from assurance.audits.selectors.findings import key_messages_of
from assurance.core import compiled
from assurance.core.documents import Report, Table
from assurance.dataset.performance.breakdowns import breakdown_tables_of
from assurance.improvement.actions.models import ImpactOutcome
from assurance.improvement.actions.status import AT_RISK_WINDOW, STATUS_LABELS, action_status
from assurance.improvement.highlight import selectors
from assurance.improvement.learning.models import LearningSource, Recommendation
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.selectors import (
    dataset_exception_lines,
    dataset_exception_reads,
)
from assurance.improvement.scrutiny.models import ChallengeStatus

DEFAULT_PERIOD = timedelta(days=122)  # about four months: the executive meets three times a year
SOURCES = dict(LearningSource.choices)
OUTCOMES = dict(ImpactOutcome.choices)
RECOMMENDATION_STATUSES = dict(Recommendation.Status.choices)
CHALLENGE_STATUSES = dict(ChallengeStatus.choices)


def _d(value: object) -> str:
    return f"{value:%-d %B %Y}" if value else "–"


def _midnight(day: date) -> datetime:
    """The start of ``day`` where the service runs. A time's date compared by comparing the
    time with midnights: SQLite would otherwise convert every row's time to its date in Python
    (a hundred recommendations cost 17 ms)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def highlight_report(*, meeting: Meeting) -> Report:
    # the data set's exceptions read with the report's first records: one round trip for all
    with compiled.ahead(dataset_exception_reads(meeting=meeting)):
        return _highlight_report(meeting)


def _highlight_report(meeting: Meeting) -> Report:
    p, held_on = meeting.partnership, meeting.held_on
    pid = p.pk
    after_meeting = held_on + timedelta(days=1)
    # Prepared before the meeting: statuses stand as they are today, not as they will be.
    as_of = min(held_on, timezone.localdate())
    standing = selectors.standing(
        partnership_id=pid,
        group_id=meeting.group_id,
        held_on=held_on,
        awaiting_before=_midnight(after_meeting),
        due_by=as_of + AT_RISK_WINDOW,
    )
    previous = standing.previous
    since = previous or held_on - DEFAULT_PERIOD
    happened = selectors.period(
        partnership_id=pid,
        since=since,
        held_on=held_on,
        start=_midnight(since),
        end=_midnight(after_meeting),
    )
    report = Report(
        title=f"Highlight report to the {meeting.group.name}",
        subtitle=f"{p.name} · meeting on {_d(held_on)} · covering {_d(since)} to {_d(as_of)}",
        organisation=p.name,
    )
    report.paragraph(
        "Prepared from the partnership's records by the Assurance and Review Group: what is "
        "going well, what needs to improve, the proposals awaiting the executive's decision, "
        "the actions at risk and the independent scrutineer's open challenges."
        + (
            f" The period runs from the last meeting of the {meeting.group.short_name}."
            if previous
            else " This is the group's first recorded meeting, so the period is the last four "
            "months."
        )
    )

    # --- what is going well
    report.heading("What is going well")
    completed, accepted, resolved = happened.completed, happened.accepted, happened.resolved
    period_items, impacts = happened.learned, happened.impacts
    audits = {i.audit_id: i.audit_title for i in period_items if i.audit_id is not None}
    messages = (
        key_messages_of(audits=[Audit(pk=pk) for pk in audits])  # only their ids are read
        if audits
        else {}
    )
    strengths = [
        f"{title}: {m.aspect} – {m.text}"
        for pk, title in audits.items()
        for m in messages[pk]
        if m.kind == "strength"
    ]
    well = [
        *(f"Action completed: {a.title} ({a.agency}, {_d(a.completed_at)})" for a in completed),
        *(f"Recommendation accepted at the {d.meeting}: {d.recommendation}" for d in accepted),
        *(
            f"Impact: {i.action} – {OUTCOMES[i.outcome].lower()}. {i.summary}"
            for i in impacts
            if i.outcome in {"achieved", "improved"}
        ),
        *strengths,
        *(f"Challenge to {agency} resolved: {subject}" for agency, subject in resolved),
    ]
    if well:
        report.bullets(well)
    else:
        report.paragraph("Nothing has been recorded as complete or agreed in the period.")

    # --- what needs to improve
    report.heading("What needs to improve")
    themes = happened.themes
    if themes:
        report.paragraph("Patterns the Assurance and Review Group sees across sources:")
        report.table(
            Table(
                caption="Themes with new learning in the period",
                header=["Theme", "Learning items", "Kinds of source"],
                rows=[[title, str(items), str(kinds)] for title, items, kinds in themes],
            )
        )
    exceptions = dataset_exception_lines(meeting=meeting)
    if exceptions:
        report.table(
            Table(
                caption=f"The data set's exception report ({len(exceptions)} indicators)",
                header=["Indicator", "Why it needs attention"],
                rows=[[f"{e.code} {e.title}", "; ".join(e.reasons)] for e in exceptions],
                numeric_from=99,
            )
        )
        # an exception collected by locality: where in the area, period by period
        by_locality = breakdown_tables_of(
            partnership=p, indicator_ids=[e.indicator_id for e in exceptions]
        )
        for e in exceptions:
            if e.indicator_id in by_locality:
                report.table(by_locality[e.indicator_id])
    not_working = [
        f"No improvement yet: {i.action} – {i.summary}"
        for i in impacts
        if i.outcome in {"no_clear_change", "worse"}
    ]
    if not_working:
        report.bullets(not_working)
    report.table(
        Table(
            caption="New learning in the period",
            header=["Learning", "Where it was learned", "Date"],
            rows=[
                [
                    i.title,
                    SOURCES[i.source]
                    + (f": {i.audit_title}" if i.audit_id is not None else "")
                    + (f": {i.indicator_code}" if i.indicator_code else ""),
                    f"{i.learned_on:%-d %b %Y}",
                ]
                for i in period_items
            ],
            numeric_from=99,
        ),
        empty="No new learning was recorded in the period.",
    )

    # --- proposals awaiting decision
    report.heading("Proposals awaiting decision")
    awaiting = standing.awaiting
    report.table(
        Table(
            caption="Recommendations for the executive to decide",
            header=["Recommendation", "Status", "Themes", "Learning items"],
            rows=[
                [
                    r.title,
                    RECOMMENDATION_STATUSES[r.status],
                    ", ".join(r.themes) or "–",
                    str(r.learning_items),
                ]
                for r in awaiting
            ],
            numeric_from=3,
        ),
        empty="No recommendations are awaiting a decision.",
    )

    # --- actions at risk
    report.heading("Actions at risk")
    at_risk = []
    # at risk or overdue only within the window before its due date: the rest need no look
    for action in standing.open_actions:
        status = action_status(
            state=action.state,
            started=action.started,
            due=action.due_date,
            today=as_of,
            start=action.start_date,
        )
        if status in {"at_risk", "overdue"}:
            at_risk.append((action, STATUS_LABELS[status]))
    report.table(
        Table(
            caption=f"Open actions overdue or at risk on {_d(as_of)}",
            header=["Action", "Owner", "Due", "Status"],
            rows=[[a.title, a.agency, f"{a.due_date:%-d %b %Y}", label] for a, label in at_risk],
            numeric_from=99,
        ),
        empty="No open action is overdue or at risk.",
    )

    # --- open challenges
    report.heading("Open challenges from the independent scrutineer")
    open_challenges = standing.open_challenges
    report.table(
        Table(
            caption="Challenges not yet closed",
            header=["About", "To", "Answer by", "Status"],
            rows=[
                [
                    c.subject,
                    c.agency + (f" ({c.person})" if c.person is not None else ""),
                    f"{c.respond_by:%-d %b %Y}"
                    + (
                        " (overdue)"
                        if c.status == ChallengeStatus.OPEN and c.respond_by < as_of
                        else ""
                    ),
                    CHALLENGE_STATUSES[c.status],
                ]
                for c in open_challenges
            ],
            numeric_from=99,
        ),
        empty="There are no open challenges.",
    )
    return report
