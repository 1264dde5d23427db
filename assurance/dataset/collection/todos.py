"""What quarterly collection asks of each person, for the home page's to-do list."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import Todo
from assurance.dataset.collection import selectors
from assurance.partnerships.access import Actor


def collection_todos(actor: Actor) -> list[Todo]:
    """An agency lead whose agency owes values in an open round that it has not signed off;
    the business unit: open rounds with late agencies to chase, or ready to publish."""
    todos = []
    today = timezone.localdate()
    if actor.can("collection.manage"):
        rounds = list(selectors.round_list(actor=actor).filter(status="open", opens_on__lte=today))
        for progress in selectors.rounds_progress(rounds=rounds, today=today):
            round = progress.round
            url = reverse("dataset:collection_round", args=[actor.partnership.slug, round.pk])
            waiting = [a for a in progress.agencies if not a.signed_off]
            if not waiting:
                todos.append(
                    Todo(f"Publish the data set round for {round.period.short_label}", url, 3)
                )
            elif progress.late:
                todos.append(
                    Todo(
                        f"Chase the agencies late with data set values for "
                        f"{round.period.short_label}",
                        url,
                        count=progress.late,
                        priority=3,
                        status="Overdue",
                    )
                )
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
