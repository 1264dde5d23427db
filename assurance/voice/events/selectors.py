"""Reads of participation events. What was heard is read through ``feedback.selectors.
reportable``: a point that reads like a disclosure is in the duty inbox, never on the event."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.voice.events.models import ParticipationEvent
from assurance.voice.feedback import selectors as feedback_selectors
from assurance.voice.feedback.models import Feedback


def event_list(*, actor: Actor) -> QuerySet[ParticipationEvent]:
    return scoped(
        actor, ParticipationEvent.unscoped.select_related("agency"), "voice.view"
    ).annotate(heard=Count("feedback", filter=Q(feedback__flagged=False)))


def get_event(*, actor: Actor, pk: int) -> ParticipationEvent:
    return get_for_actor(
        actor, ParticipationEvent.unscoped.select_related("agency"), "voice.view", pk
    )


def event_heard(*, actor: Actor, event: ParticipationEvent) -> QuerySet[Feedback]:
    return feedback_selectors.reportable(actor=actor).filter(event=event).order_by("pk")
