"""What the highlight report reads, as plain rows: each query compiled once per process and
shape and bound to the meeting's partnership, group and dates (ADR 033), so that a report
neither builds twelve querysets nor makes a model instance per row on every request. Every
read is of the one partnership's records (``partnership_id`` is always bound).

The report asks for them in two batches, each read together (``compiled.together``: one round
trip to PostgreSQL instead of one per read): what stands at the meeting (``standing``: the
group's previous meeting, the proposals awaiting decision, the open actions and challenges),
then what happened in the period that the previous meeting starts (``period``)."""

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


def _read(
    name: str,
    build: Callable[[Mapping[str, Any]], QuerySet[Any]],
    values: Mapping[str, Any],
    *,
    ints: tuple[str, ...] = ("partnership",),
    dates: tuple[str, ...] = (),
    times: tuple[str, ...] = (),
    using: str = "default",
) -> compiled.Read:
    template = compiled.kept(
        f"{__name__}.{name}", build, ints=ints, dates=dates, times=times, using=using
    )
    return compiled.Read(template, values, using)


class Completed(NamedTuple):
    title: str
    agency: str
    completed_at: date


class Accepted(NamedTuple):
    group: str
    held_on: date
    recommendation: str

    @property
    def meeting(self) -> str:
        """As ``Meeting.__str__`` names it."""
        return f"{self.group} meeting, {self.held_on:%-d %B %Y}"


class Learned(NamedTuple):
    title: str
    source: str
    audit_id: int | None
    audit_title: str | None
    indicator_code: str | None
    learned_on: date


class Impact(NamedTuple):
    action: str
    outcome: str
    summary: str


class Awaiting(NamedTuple):
    title: str
    status: str
    themes: tuple[str, ...]
    learning_items: int


class OpenAction(NamedTuple):
    title: str
    agency: str
    due_date: date
    state: str
    started: bool
    start_date: date | None


class OpenChallenge(NamedTuple):
    subject: str
    agency: str
    person: str | None
    respond_by: date
    status: str


class Standing(NamedTuple):
    """What stands at the meeting, whatever the period."""

    previous: date | None  # the group's last meeting before this one
    awaiting: list[Awaiting]  # recommendations awaiting the executive's decision
    open_actions: list[OpenAction]  # due by the end of the at-risk window
    open_challenges: list[OpenChallenge]


class Period(NamedTuple):
    """What happened in the period before the meeting."""

    completed: list[Completed]
    accepted: list[Accepted]
    resolved: list[tuple[str, str]]  # (agency, subject)
    learned: list[Learned]
    impacts: list[Impact]
    themes: list[tuple[str, int, int]]  # (theme, learning items, kinds of source)


def standing(
    *,
    partnership_id: int,
    group_id: int,
    held_on: date,
    awaiting_before: datetime,
    due_by: date,
) -> Standing:
    """The group's meeting before ``held_on``; the recommendations proposed, needing more
    information or deferred, made before ``awaiting_before``, oldest first, with their themes
    (by title) and how many learning items; the open actions due on or before ``due_by``,
    soonest first; the challenges raised on or before ``held_on`` and not closed, by the date
    they are to be answered by. Read together."""
    pid = {"partnership": partnership_id}
    previous, awaiting, awaiting_themes, actions, challenges = compiled.together(
        [
            _read(
                "previous",
                _previous,
                pid | {"group": group_id, "before": held_on},
                ints=("partnership", "group"),
                dates=("before",),
            ),
            _read("awaiting", _awaiting, pid | {"before": awaiting_before}, times=("before",)),
            _read(
                "awaiting_themes",
                _awaiting_themes,
                pid | {"before": awaiting_before},
                times=("before",),
            ),
            _read("open_actions", _open_actions, pid | {"due": due_by}, dates=("due",)),
            _read(
                "open_challenges", _open_challenges, pid | {"raised": held_on}, dates=("raised",)
            ),
        ]
    )
    themes: dict[int, list[str]] = {}
    for pk, title in awaiting_themes:
        themes.setdefault(pk, []).append(title)
    return Standing(
        previous=previous[0][0] if previous else None,
        awaiting=[
            Awaiting(title, status, tuple(themes.get(pk, ())), items)
            for pk, title, status, items in awaiting
        ],
        open_actions=[OpenAction._make(row) for row in actions],
        open_challenges=[OpenChallenge._make(row) for row in challenges],
    )


def period(
    *, partnership_id: int, since: date, held_on: date, start: datetime, end: datetime
) -> Period:
    """From ``since`` up to the meeting on ``held_on``: the actions completed and challenges
    resolved on either day or between, in order of completion; the recommendations accepted
    (and carried, or needing no vote) at meetings from ``since`` to the day before, in the
    decision log's order; the learning items learned after ``since``, oldest first, and their
    themes, most items first; the impact assessments made from ``start`` up to (not including)
    ``end``, oldest first. Read together."""
    values = {"partnership": partnership_id, "since": since, "until": held_on}
    dates = ("since", "until")
    completed, accepted, resolved, learned, impacts, themes = compiled.together(
        [
            _read("completed", _completed, values, dates=dates),
            _read("accepted", _accepted, values, dates=dates),
            _read("resolved", _resolved, values, dates=dates),
            _read("learned", _learned, values, dates=dates),
            _read(
                "impacts",
                _impacts,
                {"partnership": partnership_id, "start": start, "end": end},
                times=("start", "end"),
            ),
            _read("themes", _themes, values, dates=dates),
        ]
    )
    return Period(
        completed=[Completed._make(row) for row in completed],
        accepted=[Accepted._make(row) for row in accepted],
        resolved=[(agency, subject) for agency, subject in resolved],
        learned=[Learned._make(row) for row in learned],
        impacts=[Impact._make(row) for row in impacts],
        themes=[(title, items, kinds) for title, items, kinds in themes],
    )


# The reads, each a queryset of one shape built from its placeholders' values (``_read``)


def _previous(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        Meeting.unscoped.filter(
            partnership_id=v["partnership"], group_id=v["group"], held_on__lt=v["before"]
        )
        .order_by("-held_on")
        .values_list("held_on")[:1]
    )


def _awaiting_of(v: Mapping[str, Any]) -> QuerySet[Any]:
    return Recommendation.unscoped.filter(
        partnership_id=v["partnership"], status__in=AWAITING, created_at__lt=v["before"]
    )


def _awaiting(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        _awaiting_of(v)
        .annotate(items=Count("learning_items", distinct=True))
        .order_by("created_at")
        .values_list("pk", "title", "status", "items")
    )


def _awaiting_themes(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        LearningTheme.recommendations.through.objects.filter(
            recommendation__in=_awaiting_of(v).values("pk")
        )
        .order_by("learningtheme__title", "learningtheme__pk")
        .values_list("recommendation_id", "learningtheme__title")
    )


def _open_actions(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        Action.unscoped.filter(
            partnership_id=v["partnership"], state=ActionState.OPEN, due_date__lte=v["due"]
        )
        .order_by("due_date")
        .values_list(
            "title", "owner_agency__short_name", "due_date", "state", "started", "start_date"
        )
    )


def _open_challenges(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        Challenge.unscoped.filter(partnership_id=v["partnership"], raised_on__lte=v["raised"])
        .exclude(status=ChallengeStatus.CLOSED)
        .order_by("respond_by")
        .values_list("subject", "agency__short_name", "person__full_name", "respond_by", "status")
    )


def _completed(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        Action.unscoped.filter(
            partnership_id=v["partnership"],
            state=ActionState.COMPLETE,
            completed_at__gte=v["since"],
            completed_at__lte=v["until"],
        )
        .order_by("completed_at")
        .values_list("title", "owner_agency__short_name", "completed_at")
    )


def _accepted(v: Mapping[str, Any]) -> QuerySet[Any]:
    # the meetings' partnership bound too: their dates are then read from the partnership's
    # meetings, not from every partnership's
    return (
        Decision.unscoped.filter(
            partnership_id=v["partnership"],
            outcome=DecisionOutcome.ACCEPT,
            meeting__partnership_id=v["partnership"],
            meeting__held_on__gte=v["since"],
            meeting__held_on__lt=v["until"],
        )
        .exclude(carried=False)
        .values_list("meeting__group__short_name", "meeting__held_on", "recommendation__title")
    )


def _resolved(v: Mapping[str, Any]) -> QuerySet[Any]:
    return Challenge.unscoped.filter(
        partnership_id=v["partnership"],
        status=ChallengeStatus.CLOSED,
        outcome=ChallengeOutcome.RESOLVED,
        closed_on__gte=v["since"],
        closed_on__lte=v["until"],
    ).values_list("agency__short_name", "subject")


def _learned(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        LearningItem.unscoped.filter(
            partnership_id=v["partnership"],
            learned_on__gt=v["since"],
            learned_on__lte=v["until"],
        )
        .order_by("learned_on")
        .values_list("title", "source", "audit_id", "audit__title", "indicator__code", "learned_on")
    )


def _impacts(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        ImpactAssessment.unscoped.filter(
            partnership_id=v["partnership"],
            assessed_at__gte=v["start"],
            assessed_at__lt=v["end"],
        )
        .order_by("assessed_at")
        .values_list("action__title", "outcome", "summary")
    )


def _themes(v: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        LearningTheme.unscoped.filter(
            partnership_id=v["partnership"],
            items__learned_on__gt=v["since"],
            items__learned_on__lte=v["until"],
        )
        .annotate(
            period_items=Count("items", distinct=True),
            kinds=Count("items__source", distinct=True),
        )
        .order_by("-period_items", "title")
        .values_list("title", "period_items", "kinds")
    )
