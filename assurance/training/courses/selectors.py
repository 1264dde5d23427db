"""Reads of the training offer's courses."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.training.courses.models import Course


def course_list(*, actor: Actor) -> QuerySet[Course]:
    now = timezone.now()
    return scoped(actor, Course.unscoped.all(), "training.view").annotate(
        session_count=Count("sessions", distinct=True),
        upcoming_count=Count(
            "sessions",
            filter=Q(sessions__starts_at__gt=now, sessions__is_cancelled=False),
            distinct=True,
        ),
    )


def get_course(*, actor: Actor, pk: Any) -> Course:
    return get_for_actor(
        actor,
        Course.unscoped.prefetch_related("outcomes", "priorities", "learning_items"),
        "training.view",
        pk,
    )
