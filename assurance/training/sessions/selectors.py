"""Reads of sessions and the trainer pool."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.training.courses.models import Course
from assurance.training.sessions.models import Trainer, TrainingSession


def session_list(*, actor: Actor, course: Course) -> QuerySet[TrainingSession]:
    return scoped(
        actor, TrainingSession.unscoped.filter(course=course), "training.view"
    ).prefetch_related("trainers")


def get_session(*, actor: Actor, pk: Any, permission: str = "training.view") -> TrainingSession:
    return get_for_actor(
        actor,
        TrainingSession.unscoped.select_related("course").prefetch_related("trainers"),
        permission,
        pk,
    )


def trainer_list(*, actor: Actor) -> QuerySet[Trainer]:
    return scoped(actor, Trainer.unscoped.select_related("agency"), "training.view").annotate(
        session_count=Count("sessions")
    )


def get_trainer(*, actor: Actor, pk: Any) -> Trainer:
    return get_for_actor(actor, Trainer.unscoped.select_related("agency"), "training.manage", pk)
