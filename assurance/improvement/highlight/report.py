"""The highlight report to an executive meeting, assembled from the records (never typed): what
is going well, what needs to improve, proposals awaiting decision, actions at risk and the
scrutineer's open challenges. Rendered as a page, a PDF and a Word document.

Seed 002: the Assurance and Review Group produces "a highlight report to each Local
Safeguarding Children's Partnership meeting which will present an overview of what is going
well, recommendations of areas for improvement and a proposal for work required".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch
from django.utils import timezone

from assurance.audits.selectors import key_messages
from assurance.core.documents import Report, Table
from assurance.dataset.performance.breakdowns import breakdown_tables
from assurance.improvement.actions.models import Action, ActionState, ImpactAssessment
from assurance.improvement.actions.status import AT_RISK_WINDOW, STATUS_LABELS, action_status
from assurance.improvement.learning.models import LearningItem, LearningTheme, Recommendation
from assurance.improvement.meetings.models import Decision, DecisionOutcome, Meeting
from assurance.improvement.meetings.selectors import dataset_exception_lines
from assurance.improvement.scrutiny.models import Challenge, ChallengeOutcome, ChallengeStatus

DEFAULT_PERIOD = timedelta(days=122)  # about four months: the executive meets three times a year


def _d(value: object) -> str:
    return f"{value:%-d %B %Y}" if value else "–"


def _midnight(day: date) -> datetime:
    """The start of ``day`` where the service runs. A time's date compared by comparing the
    time with midnights: SQLite would otherwise convert every row's time to its date in Python
    (a hundred recommendations cost 17 ms)."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def highlight_report(*, meeting: Meeting) -> Report:
    p, held_on = meeting.partnership, meeting.held_on
    after_meeting = held_on + timedelta(days=1)
    previous = (
        Meeting.objects_for(p)
        .filter(group=meeting.group, held_on__lt=held_on)
        .order_by("-held_on")
        .first()
    )
    since = previous.held_on if previous else held_on - DEFAULT_PERIOD
    # Prepared before the meeting: statuses stand as they are today, not as they will be.
    as_of = min(held_on, timezone.localdate())
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
    completed = list(
        Action.objects_for(p)
        .filter(state=ActionState.COMPLETE, completed_at__gte=since, completed_at__lte=held_on)
        .select_related("owner_agency")
        .order_by("completed_at")
    )
    accepted = list(
        Decision.objects_for(p)
        .filter(
            outcome=DecisionOutcome.ACCEPT,
            meeting__held_on__gte=since,
            meeting__held_on__lt=held_on,
        )
        .exclude(carried=False)
        .select_related("recommendation", "meeting__group")
    )
    resolved = list(
        Challenge.objects_for(p)
        .filter(
            status=ChallengeStatus.CLOSED,
            outcome=ChallengeOutcome.RESOLVED,
            closed_on__gte=since,
            closed_on__lte=held_on,
        )
        .select_related("agency")
    )
    period_items = list(
        LearningItem.objects_for(p)
        .filter(learned_on__gt=since, learned_on__lte=held_on)
        .select_related("audit", "indicator")
        .order_by("learned_on")
    )
    impacts = list(
        ImpactAssessment.objects_for(p)
        .filter(assessed_at__gte=_midnight(since), assessed_at__lt=_midnight(after_meeting))
        .select_related("action")
        .order_by("assessed_at")
    )
    audits = {i.audit_id: i.audit for i in period_items if i.audit is not None}
    strengths = [
        f"{audit.title}: {m.aspect} – {m.text}"
        for audit in audits.values()
        for m in key_messages(audit=audit)
        if m.kind == "strength"
    ]
    well = [
        *(
            f"Action completed: {a.title} ({a.owner_agency.short_name}, {_d(a.completed_at)})"
            for a in completed
        ),
        *(
            f"Recommendation accepted at the {d.meeting}: {d.recommendation.title}"
            for d in accepted
        ),
        *(
            f"Impact: {i.action.title} – {i.get_outcome_display().lower()}. {i.summary}"
            for i in impacts
            if i.outcome in {"achieved", "improved"}
        ),
        *strengths,
        *(f"Challenge to {c.agency.short_name} resolved: {c.subject}" for c in resolved),
    ]
    if well:
        report.bullets(well)
    else:
        report.paragraph("Nothing has been recorded as complete or agreed in the period.")

    # --- what needs to improve
    report.heading("What needs to improve")
    themes = list(
        LearningTheme.objects_for(p)
        .filter(items__learned_on__gt=since, items__learned_on__lte=held_on)
        .annotate(
            period_items=Count("items", distinct=True),
            kinds=Count("items__source", distinct=True),
        )
        .order_by("-period_items", "title")
    )
    if themes:
        report.paragraph("Patterns the Assurance and Review Group sees across sources:")
        report.table(
            Table(
                caption="Themes with new learning in the period",
                header=["Theme", "Learning items", "Kinds of source"],
                rows=[[t.title, str(t.period_items), str(t.kinds)] for t in themes],
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
        by_locality = breakdown_tables(partnership=p, indicators=[e.indicator for e in exceptions])
        for e in exceptions:
            if e.indicator.pk in by_locality:
                report.table(by_locality[e.indicator.pk])
    not_working = [
        f"No improvement yet: {i.action.title} – {i.summary}"
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
                    i.get_source_display()
                    + (f": {i.audit.title}" if i.audit else "")
                    + (f": {i.indicator.code}" if i.indicator else ""),
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
    awaiting = list(
        Recommendation.objects_for(p)
        .filter(
            status__in=[
                Recommendation.Status.PROPOSED,
                Recommendation.Status.MORE_INFO,
                Recommendation.Status.DEFERRED,
            ],
            created_at__lt=_midnight(after_meeting),
        )
        .prefetch_related(
            "themes",
            Prefetch("learning_items", queryset=LearningItem.unscoped.only("pk", "source")),
        )
        .order_by("created_at")
    )
    report.table(
        Table(
            caption="Recommendations for the executive to decide",
            header=["Recommendation", "Status", "Themes", "Learning items"],
            rows=[
                [
                    r.title,
                    r.get_status_display(),
                    ", ".join(t.title for t in r.themes.all()) or "–",
                    str(len(r.learning_items.all())),
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
    for action in (
        Action.objects_for(p)
        # at risk or overdue only within the window before its due date: the rest need no look
        .filter(state=ActionState.OPEN, due_date__lte=as_of + AT_RISK_WINDOW)
        .select_related("owner_agency")
        .order_by("due_date")
    ):
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
            rows=[
                [a.title, a.owner_agency.short_name, f"{a.due_date:%-d %b %Y}", label]
                for a, label in at_risk
            ],
            numeric_from=99,
        ),
        empty="No open action is overdue or at risk.",
    )

    # --- open challenges
    report.heading("Open challenges from the independent scrutineer")
    open_challenges = list(
        Challenge.objects_for(p)
        .filter(raised_on__lte=held_on)
        .exclude(status=ChallengeStatus.CLOSED)
        .select_related("agency", "person")
        .order_by("respond_by")
    )
    report.table(
        Table(
            caption="Challenges not yet closed",
            header=["About", "To", "Answer by", "Status"],
            rows=[
                [
                    c.subject,
                    c.agency.short_name + (f" ({c.person.full_name})" if c.person else ""),
                    f"{c.respond_by:%-d %b %Y}"
                    + (
                        " (overdue)"
                        if c.status == ChallengeStatus.OPEN and c.respond_by < as_of
                        else ""
                    ),
                    c.get_status_display(),
                ]
                for c in open_challenges
            ],
            numeric_from=99,
        ),
        empty="There are no open challenges.",
    )
    return report
