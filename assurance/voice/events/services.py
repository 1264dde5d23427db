"""Writes of participation events and of what was heard at them (each point heard is a piece
of feedback, read for a possible disclosure like every other)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.voice.events.models import ParticipationEvent
from assurance.voice.feedback import services as feedback_services
from assurance.voice.feedback.models import Feedback, FeedbackSource, ServiceUsed

GOOD, BETTER = "good", "better"


def event_save(*, actor: Actor, event: ParticipationEvent, **fields: Any) -> ParticipationEvent:
    actor.require("voice.manage")
    for name, value in fields.items():
        setattr(event, name, value)
    event.partnership = actor.partnership
    require_same_partnership(actor, event.agency)
    if event.held_on and event.held_on > timezone.localdate():
        raise ValidationError({"held_on": "The date held must be today or in the past"})
    return save_as(event, actor)


def event_heard_add(
    *,
    actor: Actor,
    event: ParticipationEvent,
    heard: str,
    kind: str,
    age_band: str,
    base_url: str,
) -> Feedback:
    """Record one thing heard at the event: something that works well (``good``) or something
    to change (``better``), from children or parents of an age band."""
    actor.require("voice.manage")
    require_same_partnership(actor, event)
    if kind not in (GOOD, BETTER):
        raise ValidationError({"kind": "Select whether it works well or should change"})
    if not heard.strip():
        raise ValidationError({"heard": "Enter what was heard"})
    feedback = Feedback(
        partnership=actor.partnership,
        source=FeedbackSource.EVENT,
        event=event,
        agency=event.agency,
        received_on=event.held_on,
        age_band=age_band,
        service=ServiceUsed.OTHER,
        good=heard.strip() if kind == GOOD else "",
        better=heard.strip() if kind == BETTER else "",
    )
    with transaction.atomic():
        feedback_services.feedback_store(feedback, actor=actor, base_url=base_url)
    return feedback
