"""Reads of the themes children spoke about and the “you said, we did” answers, scoped to the
actor. Each answer comes with its action and the action's impact assessments (the latest
stands), read from the action log, never copied."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from assurance.core.business_year import business_year_bounds
from assurance.improvement.actions.models import Action, ImpactAssessment
from assurance.improvement.actions.selectors import action_status_of
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.voice.feedback.selectors import reportable
from assurance.voice.you_said_we_did.models import YouSaidWeDid


def themes_heard(*, actor: Actor) -> QuerySet[LearningTheme]:
    """The learning cycle's themes with how much feedback (never a possible disclosure) and
    how many answers each has."""
    said = reportable(actor=actor).values("pk")
    return scoped(actor, LearningTheme.unscoped.all(), "voice.view").annotate(
        feedback_count=Count(
            "feedback_tags", filter=Q(feedback_tags__feedback__in=said), distinct=True
        ),
        answer_count=Count("you_said_we_did", distinct=True),
    )


def get_theme(*, actor: Actor, pk: Any) -> LearningTheme:
    return get_for_actor(actor, LearningTheme.unscoped.all(), "voice.view", pk)


def _answers(queryset: QuerySet[YouSaidWeDid]) -> QuerySet[YouSaidWeDid]:
    return queryset.select_related("theme", "action__owner_agency").prefetch_related(
        Prefetch(
            "action__impact_assessments",
            queryset=ImpactAssessment.unscoped.order_by("-assessed_at", "-pk"),
        )
    )


def answers(*, actor: Actor) -> QuerySet[YouSaidWeDid]:
    return _answers(scoped(actor, YouSaidWeDid.unscoped.all(), "voice.view"))


def get_answer(*, actor: Actor, pk: Any) -> YouSaidWeDid:
    return get_for_actor(actor, _answers(YouSaidWeDid.unscoped.all()), "voice.view", pk)


def action_choices(*, actor: Actor) -> QuerySet[Action]:
    """The actions of the partnership's action log an answer may link to."""
    return Action.objects_for(actor.partnership).select_related("owner_agency").order_by("title")


@dataclass(frozen=True)
class Answer:
    """A “you said, we did” answer as every page and the annual report read it."""

    answer: YouSaidWeDid
    theme: str
    you_said: str
    we_did: str
    answered_on: date
    action: Action | None
    action_status: str  # the action's computed status ("" without an action)
    action_status_label: str
    impact: ImpactAssessment | None  # the latest assessment of the action's impact


def answer_rows(queryset: QuerySet[YouSaidWeDid], today: date | None = None) -> list[Answer]:
    rows = []
    for answer in queryset:
        action = answer.action
        status, label = action_status_of(action, today) if action else ("", "")
        latest = next(iter(action.impact_assessments.all()), None) if action else None
        rows.append(
            Answer(
                answer=answer,
                theme=answer.theme.title,
                you_said=answer.you_said,
                we_did=answer.we_did,
                answered_on=answer.answered_on,
                action=action,
                action_status=status,
                action_status_label=label,
                impact=latest,
            )
        )
    return rows


def answers_between(*, actor: Actor, start: date, end: date) -> list[Answer]:
    """The answers given between two days (inclusive), oldest first."""
    queryset = answers(actor=actor).filter(answered_on__range=(start, end))
    return answer_rows(queryset.order_by("answered_on", "pk"))


def answers_for_year(*, actor: Actor, year: int) -> list[Answer]:
    """The answers of a business year (``2025``: April 2025 to March 2026), oldest first."""
    start, end = business_year_bounds(year)
    return answers_between(actor=actor, start=start, end=end)


@dataclass(frozen=True)
class AnswerLine:
    """A “you said, we did” answer as the annual report lists it, read as plain values."""

    you_said: str
    we_did: str
    action_id: int | None
    action_title: str  # "" without an action
    impact: str  # the action's latest impact assessment's outcome ("" when none)


def answer_lines_for_year(*, actor: Actor, year: int) -> list[AnswerLine]:
    """``answers_for_year`` as plain values, oldest first, each with its action's latest
    impact outcome (the same latest as the answers' pages): two queries, no model instances."""
    start, end = business_year_bounds(year)
    given = (
        scoped(actor, YouSaidWeDid.unscoped.all(), "voice.view")
        .filter(answered_on__range=(start, end))
        .order_by("answered_on", "pk")
    )
    rows = list(given.values_list("you_said", "we_did", "action_id", "action__title"))
    latest: dict[int, str] = {}
    if any(action_id for _, _, action_id, _ in rows):
        for action_id, outcome in (
            ImpactAssessment.unscoped.filter(action__in=given.values("action_id"))
            .order_by("action_id", "-assessed_at", "-pk")
            .values_list("action_id", "outcome")
        ):
            latest.setdefault(action_id, outcome)
    return [
        AnswerLine(
            said, did, action_id, title or "", latest.get(action_id, "") if action_id else ""
        )
        for said, did, action_id, title in rows
    ]
