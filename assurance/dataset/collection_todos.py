"""What quarterly collection asks of each person, for the home page's to-do list."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import Todo
from assurance.partnerships.access import Actor

from . import collection_selectors as selectors


def collection_todos(actor: Actor) -> list[Todo]:
    """An agency lead whose agency owes values in an open round that it has not signed off."""
    todos = []
    today = timezone.localdate()
    for round in selectors.open_rounds_for_lead(actor=actor):
        todos.append(
            Todo(
                f"Enter and sign off your agency's data set values for "
                f"{round.period.short_label} (due {round.due_on.day} {round.due_on:%B %Y})",
                reverse("dataset:collection_values", args=[actor.partnership.slug, round.pk]),
                priority=2,
                status="Overdue" if round.due_on < today else "To do",
            )
        )
    return todos
