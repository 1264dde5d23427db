"""Training as the delivery of an action of the action log (``core.registry.ImpactMeasure``):
an action a course names among those it delivers, measured by "the change in the practitioners
trained", takes the course's three-month change as its measured impact. The learning cycle
reads it through the registry; it does not import training."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse

from assurance.core.registry import Delivery, MeasuredImpact
from assurance.training.courses.models import Course
from assurance.training.courses.services import action_delivered_by
from assurance.training.evaluation import figures, selectors

MEASURE_KIND = "training"  # improvement's MeasureKind.TRAINING


def _course(action: Any) -> Course | None:
    return Course.unscoped.filter(actions=action).select_related("partnership").first()


def action_impact(action: Any) -> MeasuredImpact:
    course = _course(action)
    if course is None:
        return MeasuredImpact(
            "not_yet",
            "No course names this action among those it delivers yet: name it on the course.",
            {},
        )
    change = selectors.course_three_month_change(course=course)
    outcome, summary = figures.impact_of(course.title, change)
    return MeasuredImpact(
        outcome,
        summary,
        {
            "course": course.pk,
            "comparison": "before_three_months",
            "n_pairs": change.n_pairs,
            "mean_before": change.mean_before,
            "mean_after": change.mean_after,
            "mean_change": change.mean_change,
            "ci_low": change.ci_low,
            "ci_high": change.ci_high,
            "p_value": change.p_value,
            "caution": change.caution,
        },
    )


def action_deliveries(action: Any) -> list[Delivery]:
    course = _course(action)
    if course is None:
        return []
    href = reverse("training:course_detail", args=[course.partnership.slug, course.pk])
    return [Delivery("Training course", course.title, href)]


def course_options(partnership: Any) -> list[tuple[str, str]]:
    """The partnership's courses, as the action's form offers them (by title)."""
    return [
        (str(pk), title)
        for pk, title in Course.objects_for(partnership)
        .order_by("title")
        .values_list("pk", "title")
    ]


def current_course(action: Any) -> str:
    course = _course(action)
    return "" if course is None else str(course.pk)


def assign_course(actor: Any, action: Any, key: str) -> None:
    """Name the course that delivers ``action`` from the action's form (or none)."""
    course = None
    if key:
        course = (
            Course.objects_for(actor.partnership)
            .filter(pk=int(key) if key.isdigit() else 0)
            .first()
        )
        if course is None:
            raise ValidationError({"delivered_by": "Select one of the partnership's courses"})
    action_delivered_by(actor=actor, action=action, course=course)
