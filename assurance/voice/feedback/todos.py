"""What the voice of children and families asks of the business unit: possible disclosures
in the duty inbox, first on their to-do list."""

from __future__ import annotations

from django.urls import reverse

from assurance.core.registry import Todo
from assurance.partnerships.access import Actor
from assurance.voice.feedback import selectors


def duty_todos(actor: Actor) -> list[Todo]:
    if not actor.can("voice.duty"):
        return []
    waiting = selectors.duty_waiting(actor=actor)
    if not waiting:
        return []
    return [
        Todo(
            "Read the possible disclosures in the duty inbox and record what was done",
            reverse("voice:duty_list", args=[actor.partnership.slug]),
            count=waiting,
            priority=1,
        )
    ]
