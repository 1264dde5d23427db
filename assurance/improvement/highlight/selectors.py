"""What the highlight report reads, as plain rows: each query compiled once per process and
shape and bound to the meeting's partnership, group and dates (ADR 033), so that a report
neither builds twelve querysets nor makes a model instance per row on every request. Every
read is of the one partnership's records (``partnership_id`` is always bound)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple

from django.db.models import Count, QuerySet

from assurance.core import compiled
from assurance.improvement.actions.models import Action, ActionState, ImpactAssessment
from assurance.improvement.learning.models import LearningItem, LearningTheme, Recommendation
from assurance.improvement.meetings.models import Decision, DecisionOutcome, Meeting
from assurance.improvement.scrutiny.models import Challenge, ChallengeOutcome, ChallengeStatus

AWAITING = (
    Recommendation.Status.PROPOSED,
    Recommendation.Status.MORE_INFO,
    Recommendation.Status.DEFERRED,
)


def _rows(
    name: str,
    build: Callable[[Mapping[str, Any]], QuerySet[Any]],
    values: Mapping[str, Any],
    *,
    ints: tuple[str, ...] = ("partnership",),
    dates: tuple[str, ...] = (),
    times: tuple[str, ...] = (),
    using: str = "default",
) -> list[tuple[Any, ...]]:
    template = compiled.kept(
        f"{__name__}.{name}", build, ints=ints, dates=dates, times=times, using=using
    )
    return template.rows(values, using)


def previous_meeting_on(*, partnership_id: int, group_id: int, before: date) -> date | None:
    """The date of the group's last meeting before ``before``, if any."""
    rows = _rows(
        "previous",
        lambda v: (
            Meeting.unscoped.filter(
                partnership_id=v["partnership"], group_id=v["group"], held_on__lt=v["before"]
            )
            .order_by("-held_on")
            .values_list("held_on")[:1]
        ),
        {"partnership": partnership_id, "group": group_id, "before": before},
        ints=("partnership", "group"),
        dates=("before",),
    )
    return rows[0][0] if rows else None


class Completed(NamedTuple):
    title: str
    agency: str
    completed_at: date


def actions_completed(*, partnership_id: int, since: date, until: date) -> list[Completed]:
    """Actions completed between the two dates (inclusive), in order of completion."""
    rows = _rows(
        "completed",
        lambda v: (
            Action.unscoped.filter(
                partnership_id=v["partnership"],
                state=ActionState.COMPLETE,
                completed_at__gte=v["since"],
                completed_at__lte=v["until"],
            )
            .order_by("completed_at")
            .values_list("title", "owner_agency__short_name", "completed_at")
        ),
        {"partnership": partnership_id, "since": since, "until": until},
        dates=("since", "until"),
    )
    return [Completed._make(row) for row in rows]


class Accepted(NamedTuple):
    group: str
    held_on: date
    recommendation: str

    @property
    def meeting(self) -> str:
        """As ``Meeting.__str__`` names it."""
        return f"{self.group} meeting, {self.held_on:%-d %B %Y}"


def decisions_accepted(*, partnership_id: int, since: date, before: date) -> list[Accepted]:
    """Recommendations accepted (and carried, or needing no vote) at meetings from ``since``
    to the day before ``before``, in the decision log's order."""
    rows = _rows(
        "accepted",
        lambda v: (
            Decision.unscoped.filter(
                partnership_id=v["partnership"],
                outcome=DecisionOutcome.ACCEPT,
                meeting__held_on__gte=v["since"],
                meeting__held_on__lt=v["before"],
            )
            .exclude(carried=False)
            .values_list("meeting__group__short_name", "meeting__held_on", "recommendation__title")
        ),
        {"partnership": partnership_id, "since": since, "before": before},
        dates=("since", "before"),
    )
    return [Accepted._make(row) for row in rows]


def challenges_resolved(*, partnership_id: int, since: date, until: date) -> list[tuple[str, str]]:
    """(agency, subject) of challenges closed as resolved between the two dates (inclusive)."""
    return [
        (agency, subject)
        for agency, subject in _rows(
            "resolved",
            lambda v: Challenge.unscoped.filter(
                partnership_id=v["partnership"],
                status=ChallengeStatus.CLOSED,
                outcome=ChallengeOutcome.RESOLVED,
                closed_on__gte=v["since"],
                closed_on__lte=v["until"],
            ).values_list("agency__short_name", "subject"),
            {"partnership": partnership_id, "since": since, "until": until},
            dates=("since", "until"),
        )
    ]


class Learned(NamedTuple):
    title: str
    source: str
    audit_id: int | None
    audit_title: str | None
    indicator_code: str | None
    learned_on: date


def learning_in_period(*, partnership_id: int, after: date, until: date) -> list[Learned]:
    """Learning items learned after ``after`` up to ``until``, oldest first."""
    rows = _rows(
        "learned",
        lambda v: (
            LearningItem.unscoped.filter(
                partnership_id=v["partnership"],
                learned_on__gt=v["after"],
                learned_on__lte=v["until"],
            )
            .order_by("learned_on")
            .values_list(
                "title", "source", "audit_id", "audit__title", "indicator__code", "learned_on"
            )
        ),
        {"partnership": partnership_id, "after": after, "until": until},
        dates=("after", "until"),
    )
    return [Learned._make(row) for row in rows]


class Impact(NamedTuple):
    action: str
    outcome: str
    summary: str


def impacts_assessed(*, partnership_id: int, start: datetime, end: datetime) -> list[Impact]:
    """Impact assessments made from ``start`` up to (not including) ``end``, oldest first."""
    rows = _rows(
        "impacts",
        lambda v: (
            ImpactAssessment.unscoped.filter(
                partnership_id=v["partnership"],
                assessed_at__gte=v["start"],
                assessed_at__lt=v["end"],
            )
            .order_by("assessed_at")
            .values_list("action__title", "outcome", "summary")
        ),
        {"partnership": partnership_id, "start": start, "end": end},
        times=("start", "end"),
    )
    return [Impact._make(row) for row in rows]


def themes_with_learning(
    *, partnership_id: int, after: date, until: date
) -> list[tuple[str, int, int]]:
    """(theme, learning items, kinds of source) of the themes with learning in the period, most
    items first."""
    return [
        (title, items, kinds)
        for title, items, kinds in _rows(
            "themes",
            lambda v: (
                LearningTheme.unscoped.filter(
                    partnership_id=v["partnership"],
                    items__learned_on__gt=v["after"],
                    items__learned_on__lte=v["until"],
                )
                .annotate(
                    period_items=Count("items", distinct=True),
                    kinds=Count("items__source", distinct=True),
                )
                .order_by("-period_items", "title")
                .values_list("title", "period_items", "kinds")
            ),
            {"partnership": partnership_id, "after": after, "until": until},
            dates=("after", "until"),
        )
    ]


class Awaiting(NamedTuple):
    title: str
    status: str
    themes: tuple[str, ...]
    learning_items: int


def recommendations_awaiting(*, partnership_id: int, before: datetime) -> list[Awaiting]:
    """Recommendations proposed, needing more information or deferred, made before
    ``before``, oldest first, with their themes (by title) and how many learning items."""
    values = {"partnership": partnership_id, "before": before}

    def awaiting(v: Mapping[str, Any]) -> QuerySet[Any]:
        return Recommendation.unscoped.filter(
            partnership_id=v["partnership"], status__in=AWAITING, created_at__lt=v["before"]
        )

    rows = _rows(
        "awaiting",
        lambda v: (
            awaiting(v)
            .annotate(items=Count("learning_items", distinct=True))
            .order_by("created_at")
            .values_list("pk", "title", "status", "items")
        ),
        values,
        times=("before",),
    )
    themes: dict[int, list[str]] = {}
    if rows:  # their themes, by title (no query when none is awaiting)
        for pk, title in _rows(
            "awaiting_themes",
            lambda v: (
                LearningTheme.recommendations.through.objects.filter(
                    recommendation__in=awaiting(v).values("pk")
                )
                .order_by("learningtheme__title", "learningtheme__pk")
                .values_list("recommendation_id", "learningtheme__title")
            ),
            values,
            times=("before",),
        ):
            themes.setdefault(pk, []).append(title)
    return [
        Awaiting(title, status, tuple(themes.get(pk, ())), items)
        for pk, title, status, items in rows
    ]


class OpenAction(NamedTuple):
    title: str
    agency: str
    due_date: date
    state: str
    started: bool
    start_date: date | None


def actions_open_due_by(*, partnership_id: int, due_by: date) -> list[OpenAction]:
    """Open actions due on or before ``due_by``, soonest first."""
    rows = _rows(
        "open_actions",
        lambda v: (
            Action.unscoped.filter(
                partnership_id=v["partnership"], state=ActionState.OPEN, due_date__lte=v["due"]
            )
            .order_by("due_date")
            .values_list(
                "title", "owner_agency__short_name", "due_date", "state", "started", "start_date"
            )
        ),
        {"partnership": partnership_id, "due": due_by},
        dates=("due",),
    )
    return [OpenAction._make(row) for row in rows]


class OpenChallenge(NamedTuple):
    subject: str
    agency: str
    person: str | None
    respond_by: date
    status: str


def challenges_open(*, partnership_id: int, raised_by: date) -> list[OpenChallenge]:
    """Challenges raised on or before ``raised_by`` and not closed, by the date they are to be
    answered by."""
    rows = _rows(
        "open_challenges",
        lambda v: (
            Challenge.unscoped.filter(partnership_id=v["partnership"], raised_on__lte=v["raised"])
            .exclude(status=ChallengeStatus.CLOSED)
            .order_by("respond_by")
            .values_list(
                "subject", "agency__short_name", "person__full_name", "respond_by", "status"
            )
        ),
        {"partnership": partnership_id, "raised": raised_by},
        dates=("raised",),
    )
    return [OpenChallenge._make(row) for row in rows]
