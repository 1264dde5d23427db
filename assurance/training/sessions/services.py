"""Writes of sessions and the trainer pool."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.core.history import save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency
from assurance.training.courses.models import Course
from assurance.training.sessions.models import Mode, Trainer, TrainingSession


def session_save(
    *,
    actor: Actor,
    course: Course,
    session: TrainingSession | None = None,
    starts_at: datetime,
    ends_at: datetime,
    mode: str,
    venue: str,
    capacity: int,
    trainers: Iterable[Trainer] = (),
    held: int = 0,
) -> TrainingSession:
    """Create or change a session; ``held``: how many already have a place (fewer places is
    refused). Changing a session that has bookings goes through
    ``bookings.services.session_change``, which counts them and fills new places."""
    actor.require("training.manage")
    trainers = list(trainers)
    require_same_partnership(actor, course, session, *trainers)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": "The session must end after it starts"})
    if mode == Mode.VENUE and not venue.strip():
        raise ValidationError({"venue": "Enter the venue's address"})
    if capacity < 1:
        raise ValidationError({"capacity": "A session must have at least 1 place"})
    if capacity < held:
        raise ValidationError(
            {
                "capacity": f"{held} people already have a place: cancel bookings first, "
                f"or give the session at least {held} places"
            }
        )
    session = session or TrainingSession(partnership=actor.partnership, course=course)
    session.starts_at, session.ends_at, session.mode = starts_at, ends_at, mode
    session.venue, session.capacity = venue.strip(), capacity
    with transaction.atomic():
        save_as(session, actor)
        session.trainers.set(trainers)
    return session


def trainer_save(
    *,
    actor: Actor,
    trainer: Trainer | None = None,
    name: str,
    agency: Agency | None,
    email: str,
    specialisms: str,
    is_active: bool = True,
) -> Trainer:
    actor.require("training.manage")
    require_same_partnership(actor, trainer, agency)
    trainer = trainer or Trainer(partnership=actor.partnership)
    trainer.name, trainer.agency, trainer.email = name, agency, email
    trainer.specialisms, trainer.is_active = specialisms, is_active
    with transaction.atomic():
        save_as(trainer, actor)
    return trainer
