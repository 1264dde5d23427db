"""Writes of the training offer's courses and their learning outcomes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.core.history import delete_as, save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.training.courses.models import Course, LearningOutcome

MAX_OUTCOMES = 8


def outcome_lines(text: str) -> list[str]:
    """The learning outcomes typed one a line: blank lines and repeats left out."""
    seen: list[str] = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and line.casefold() not in {s.casefold() for s in seen}:
            seen.append(line)
    return seen


def _check_outcomes(outcomes: list[str]) -> None:
    if not outcomes:
        raise ValidationError({"outcomes": "Enter at least one learning outcome"})
    if len(outcomes) > MAX_OUTCOMES:
        raise ValidationError(
            {
                "outcomes": f"Enter no more than {MAX_OUTCOMES} learning outcomes: each is rated "
                "in every questionnaire"
            }
        )
    long = [o for o in outcomes if len(o) > 300]
    if long:
        raise ValidationError({"outcomes": "Each learning outcome must be 300 characters or fewer"})


def _check_actions(course: Course | None, actions: list[Any]) -> None:
    """An action is delivered by one course at most: its measured impact is that course's."""
    taken = Course.unscoped.filter(actions__in=actions)
    if course is not None:
        taken = taken.exclude(pk=course.pk)
    clash = taken.values_list("title", "actions__title").first()
    if clash is not None:
        raise ValidationError(
            {"actions": f"“{clash[1]}” is already delivered by the course “{clash[0]}”"}
        )


def course_save(
    *,
    actor: Actor,
    course: Course | None = None,
    title: str,
    summary: str,
    audience: str,
    level: str,
    outcomes: list[str],
    priorities: Iterable[Any] = (),
    learning_items: Iterable[Any] = (),
    actions: Iterable[Any] = (),
    is_active: bool = True,
) -> Course:
    """Create or change a course. Its outcomes are matched by their words: an outcome kept keeps
    its ratings; a new one is added; one taken away is removed."""
    actor.require("training.manage")
    priorities, learning_items, actions = list(priorities), list(learning_items), list(actions)
    require_same_partnership(actor, course, *priorities, *learning_items, *actions)
    _check_outcomes(outcomes)
    _check_actions(course, actions)
    taken = Course.objects_for(actor.partnership).filter(title__iexact=title)
    if course is not None:
        taken = taken.exclude(pk=course.pk)
    if taken.exists():
        raise ValidationError({"title": "There is already a course with this title"})
    course = course or Course(partnership=actor.partnership)
    course.title, course.summary, course.audience = title, summary, audience
    course.level, course.is_active = level, is_active
    with transaction.atomic():
        save_as(course, actor)
        course.priorities.set(priorities)
        course.learning_items.set(learning_items)
        course.actions.set(actions)
        existing = {o.text: o for o in LearningOutcome.unscoped.filter(course=course)}
        for text, outcome in existing.items():
            if text not in outcomes:
                delete_as(outcome, actor)
        for order, text in enumerate(outcomes, start=1):
            outcome = existing.get(text) or LearningOutcome(
                partnership=actor.partnership, course=course, text=text
            )
            if outcome.pk is None or outcome.order != order:
                outcome.order = order
                save_as(outcome, actor)
    return course


def action_delivered_by(*, actor: Actor, action: Any, course: Course | None) -> None:
    """Name, from the action's own form, the course that delivers it (or none). An action is
    delivered by one course at most, so naming another moves it; each course's history records
    the action added or taken away, and who did it."""
    actor.require("action.update")
    require_same_partnership(actor, action, *([course] if course is not None else []))
    with transaction.atomic():
        others = Course.unscoped.filter(actions=action)
        if course is not None:
            others = others.exclude(pk=course.pk)
        for other in others:
            other._history_user = actor.user  # type: ignore[attr-defined]
            other._change_reason = f"No longer delivers “{action.title}”"  # type: ignore[attr-defined]
            other.actions.remove(action)
        if course is not None and not course.actions.filter(pk=action.pk).exists():
            course._history_user = actor.user  # type: ignore[attr-defined]
            course._change_reason = f"Delivers “{action.title}”"  # type: ignore[attr-defined]
            course.actions.add(action)
