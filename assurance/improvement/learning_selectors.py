"""Reads of the learning cycle, scoped to the actor: learning, themes, recommendations,
meetings (with what is due on the agenda and the quorum), the decision log and challenges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from assurance.core.business_year import business_year_bounds, business_year_of
from assurance.improvement.learning_models import (
    AgendaItem,
    Attendance,
    Challenge,
    ChallengeStatus,
    Decision,
    LearningItem,
    LearningSource,
    LearningTheme,
    Meeting,
)
from assurance.improvement.learning_rules import Candidate
from assurance.improvement.models import Action, ActionState, Recommendation
from assurance.improvement.status import action_status
from assurance.partnerships import terms
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Group

AWAITING = (Recommendation.Status.PROPOSED, Recommendation.Status.MORE_INFO)


# --- learning -----------------------------------------------------------------------------------


def learning_item_list(
    *, actor: Actor, source: str | None = None, theme: Any = None, year: int | None = None
) -> QuerySet[LearningItem]:
    items = scoped(
        actor,
        LearningItem.unscoped.select_related("audit", "standard", "indicator"),
        "learning.view",
    ).prefetch_related("themes")
    if source:
        items = items.filter(source=source)
    if theme:
        items = items.filter(themes=theme)
    if year:
        start, end = business_year_bounds(year)
        items = items.filter(learned_on__range=(start, end))
    return items


def learning_years(*, actor: Actor) -> list[int]:
    """The business years with learning, latest first."""
    dates = scoped(actor, LearningItem.unscoped.all(), "learning.view").dates("learned_on", "month")
    return sorted({business_year_of(d) for d in dates}, reverse=True)


def get_learning_item(*, actor: Actor, pk: Any) -> LearningItem:
    return get_for_actor(
        actor,
        LearningItem.unscoped.select_related(
            "audit", "standard__section", "indicator", "recorded_by"
        ).prefetch_related("themes", "documents", "recommendations__decisions__meeting__group"),
        "learning.view",
        pk,
    )


def get_learning_document(*, actor: Actor, pk: Any) -> Any:
    from assurance.improvement.learning_models import LearningDocument

    return get_for_actor(actor, LearningDocument.unscoped.all(), "learning.view", pk)


def theme_list(*, actor: Actor) -> QuerySet[LearningTheme]:
    return scoped(
        actor, LearningTheme.unscoped.select_related("priority"), "learning.view"
    ).annotate(
        item_count=Count("items", distinct=True),
        source_count=Count("items__source", distinct=True),
        recommendation_count=Count("recommendations", distinct=True),
    )


def get_theme(*, actor: Actor, pk: Any) -> LearningTheme:
    return get_for_actor(
        actor,
        LearningTheme.unscoped.select_related("priority").prefetch_related(
            Prefetch(
                "items",
                queryset=LearningItem.unscoped.select_related("audit", "indicator", "standard"),
            ),
            "recommendations",
        ),
        "learning.view",
        pk,
    )


def theme_sources(theme: LearningTheme) -> list[str]:
    """The kinds of source a theme's learning comes from (a pattern is seen in several)."""
    seen = {i.source for i in theme.items.all()}
    return [label for value, label in LearningSource.choices if value in seen]


def recommendation_list(*, actor: Actor, status: str | None = None) -> QuerySet[Recommendation]:
    recs = scoped(actor, Recommendation.unscoped.select_related("audit"), "learning.view").annotate(
        learning_count=Count("learning_items", distinct=True)
    )
    if status == "awaiting":
        recs = recs.filter(status__in=AWAITING)
    elif status:
        recs = recs.filter(status=status)
    return recs


def recommendations_awaiting_decision(*, actor: Actor) -> QuerySet[Recommendation]:
    return recommendation_list(actor=actor).filter(status__in=AWAITING)


def get_recommendation(*, actor: Actor, pk: Any) -> Recommendation:
    return get_for_actor(
        actor,
        Recommendation.unscoped.select_related("audit").prefetch_related(
            "learning_items",
            "themes",
            "actions__owner_agency",
            Prefetch(
                "decisions",
                queryset=Decision.unscoped.select_related("meeting__group").order_by(
                    "meeting__held_on", "pk"
                ),
            ),
        ),
        "learning.view",
        pk,
    )


# --- meetings -----------------------------------------------------------------------------------


def meeting_list(*, actor: Actor, group: Any = None) -> QuerySet[Meeting]:
    meetings = scoped(actor, Meeting.unscoped.select_related("group"), "meeting.view").annotate(
        decision_count=Count("decisions", distinct=True),
        present_count=Count("attendances", filter=Q(attendances__present=True), distinct=True),
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
    from assurance.dataset.exceptions import exception_items

    as_of = min(meeting.held_on, timezone.localdate())
    return exception_items(partnership=meeting.partnership, business_year=business_year_of(as_of))


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


# --- challenges ---------------------------------------------------------------------------------


def challenge_list(*, actor: Actor, status: str | None = None) -> QuerySet[Challenge]:
    challenges = scoped(
        actor,
        Challenge.unscoped.select_related("agency", "person", "raised_by"),
        "challenge.view",
    )
    if status == "open":
        challenges = challenges.exclude(status=ChallengeStatus.CLOSED)
    elif status:
        challenges = challenges.filter(status=status)
    return challenges


def get_challenge(*, actor: Actor, pk: Any) -> Challenge:
    return get_for_actor(
        actor,
        Challenge.unscoped.select_related(
            "agency", "person", "raised_by", "answered_by", "meeting__group", "recommendation"
        ),
        "challenge.view",
        pk,
    )


def challenges_to_answer(*, actor: Actor) -> QuerySet[Challenge]:
    """Open challenges the actor's agency must answer (agency leads; all for the BU)."""
    if not actor.can("challenge.answer"):
        return Challenge.unscoped.none()
    return scoped(actor, Challenge.unscoped.all(), "challenge.answer").filter(
        status=ChallengeStatus.OPEN
    )


def challenge_is_overdue(challenge: Challenge, today: date | None = None) -> bool:
    return challenge.status == ChallengeStatus.OPEN and challenge.respond_by < (
        today or timezone.localdate()
    )
