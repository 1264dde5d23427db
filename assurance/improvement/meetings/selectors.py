"""Reads of meetings, scoped to the actor: meetings with what is due on the agenda and the
quorum, the decision log and the decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from assurance.core import compiled
from assurance.core.business_year import business_year_of
from assurance.dataset.performance.exceptions import (
    ExceptionLine,
    exception_items,
    exception_lines,
    exception_lines_reads,
)
from assurance.improvement.actions.models import Action, ActionState
from assurance.improvement.actions.status import action_status
from assurance.improvement.learning.models import (
    LearningItem,
    LearningSource,
    Recommendation,
)
from assurance.improvement.learning.selectors import AWAITING
from assurance.improvement.meetings.agenda import Candidate
from assurance.improvement.meetings.models import AgendaItem, Attendance, Decision, Meeting
from assurance.partnerships import terms
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Group

# --- meetings -----------------------------------------------------------------------------------


def visible_meetings(*, actor: Actor) -> QuerySet[Meeting]:
    """The meetings the actor may open, with nothing else read (the search's sub-query)."""
    return scoped(actor, Meeting.unscoped.all(), "meeting.view")


def meeting_list(*, actor: Actor, group: Any = None) -> QuerySet[Meeting]:
    meetings = (
        visible_meetings(actor=actor)
        .select_related("group")
        .annotate(
            decision_count=Count("decisions", distinct=True),
            present_count=Count("attendances", filter=Q(attendances__present=True), distinct=True),
        )
    )
    if group:
        meetings = meetings.filter(group=group)
    return meetings


def get_meeting(*, actor: Actor, pk: Any, permission: str = "meeting.view") -> Meeting:
    return get_for_actor(
        actor,
        Meeting.unscoped.select_related("group").prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.unscoped.select_related("person", "agency"),
            ),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.unscoped.select_related(
                    "learning_item", "recommendation", "action__owner_agency"
                ),
            ),
            "papers__audit",
            "papers__report_meeting__group",
            "papers__indicator",
            Prefetch(
                "decisions",
                queryset=Decision.unscoped.select_related("recommendation").prefetch_related(
                    "votes__attendance__person", "votes__attendance__agency"
                ),
            ),
        ),
        permission,
        pk,
    )


@dataclass(frozen=True)
class QuorumView:
    quorum: terms.Quorum
    present: list[Attendance]
    apologies: list[Attendance]
    recorded: bool  # whether attendance has been recorded at all


def quorum_view(meeting: Meeting) -> QuorumView:
    """The quorum from the (prefetched) attendance, as the group's terms of reference say."""
    rows = list(meeting.attendances.all())
    present = [a for a in rows if a.present]
    attendees = [
        terms.Attendee(a.person_id, a.agency_id, a.agency.statutory_role, a.is_member)
        for a in present
    ]
    return QuorumView(
        quorum=terms.quorum(meeting.group.quorum_rule, meeting.group.quorum_number, attendees),
        present=present,
        apologies=[a for a in rows if not a.present],
        recorded=bool(rows),
    )


def agenda_candidates(*, meeting: Meeting) -> list[Candidate]:
    """What could be discussed: learning and data set exceptions (and whether this group has
    had them on an earlier agenda), recommendations awaiting decision, open actions."""
    p = meeting.partnership
    earlier = AgendaItem.objects_for(p).filter(
        meeting__group=meeting.group, meeting__held_on__lt=meeting.held_on
    )
    discussed = set(earlier.exclude(learning_item=None).values_list("learning_item_id", flat=True))
    candidates: list[Candidate] = []
    for item in LearningItem.objects_for(p).filter(learned_on__lte=meeting.held_on):
        kind = "exception" if item.source == LearningSource.DATASET else "learning"
        candidates.append(
            Candidate(kind, item.pk, item.title, item.learned_on, item.pk in discussed)
        )
    earlier_titles = set(earlier.filter(kind="exception").values_list("title", flat=True))
    for row in dataset_exceptions(meeting=meeting):
        title = exception_agenda_title(row)
        candidates.append(
            Candidate("dataset", row.row.indicator.pk, title, None, title in earlier_titles)
        )
    for rec in Recommendation.objects_for(p).filter(
        status__in=[*AWAITING, Recommendation.Status.DEFERRED],
        created_at__date__lte=meeting.held_on,
    ):
        candidates.append(Candidate("recommendation", rec.pk, rec.title, None, False, rec.status))
    for action in Action.objects_for(p).filter(state=ActionState.OPEN):
        status = action_status(
            state=action.state,
            started=action.started,
            due=action.due_date,
            today=meeting.held_on,
            start=action.start_date,
        )
        candidates.append(
            Candidate("action", action.pk, action.title, action.due_date, False, status)
        )
    return candidates


def dataset_exceptions(*, meeting: Meeting) -> list[Any]:
    """The indicators of the data set's exception report for the meeting's business year (the
    executive receives exception reports: seed 000)."""

    as_of = min(meeting.held_on, timezone.localdate())
    return exception_items(partnership=meeting.partnership, business_year=business_year_of(as_of))


def dataset_exception_lines(*, meeting: Meeting) -> list[ExceptionLine]:
    """The same exceptions as ``dataset_exceptions``, as the highlight report lists them (each
    indicator and why), kept once worked out for the same figures (ADR 032)."""
    return exception_lines(partnership=meeting.partnership, business_year=_exceptions_year(meeting))


def dataset_exception_reads(*, meeting: Meeting) -> list[compiled.Read]:
    """What ``dataset_exception_lines`` reads (and the breakdowns of its lines read first), to
    be read with the report's own reads (``compiled.ahead``)."""
    return exception_lines_reads(
        partnership=meeting.partnership, business_year=_exceptions_year(meeting)
    )


def _exceptions_year(meeting: Meeting) -> int:
    return business_year_of(min(meeting.held_on, timezone.localdate()))


def exception_agenda_title(item: Any) -> str:
    indicator = item.row.indicator
    return f"Data set exception: {indicator.code} {indicator.title}"[:300]


def decision_log(
    *, actor: Actor, outcome: str | None = None, group: Any = None
) -> QuerySet[Decision]:
    decisions = scoped(
        actor,
        Decision.unscoped.select_related("meeting__group", "recommendation", "recorded_by"),
        "decision.view",
    )
    if outcome:
        decisions = decisions.filter(outcome=outcome)
    if group:
        decisions = decisions.filter(meeting__group=group)
    return decisions


def get_decision(*, actor: Actor, pk: Any) -> Decision:
    return get_for_actor(
        actor,
        Decision.unscoped.select_related(
            "meeting__group", "recommendation", "recorded_by"
        ).prefetch_related("votes__attendance__person", "votes__attendance__agency"),
        "decision.view",
        pk,
    )


def decision_groups(*, actor: Actor) -> QuerySet[Group]:
    return Group.objects_for(actor.partnership).filter(is_decision_making=True)
