"""What the learning cycle asks of each person, for the home page's to-do list."""

from __future__ import annotations

from django.urls import reverse

from assurance.core.registry import Todo
from assurance.improvement.learning import selectors
from assurance.partnerships.access import Actor


def learning_todos(actor: Actor) -> list[Todo]:
    todos: list[Todo] = []
    slug = actor.partnership.slug
    if actor.can("decision.record"):
        awaiting = selectors.recommendations_awaiting_decision(actor=actor).count()
        if awaiting:
            todos.append(
                Todo(
                    "Put recommendations awaiting decision to the executive",
                    reverse("improvement:recommendation_list", args=[slug]) + "?status=awaiting",
                    count=awaiting,
                    priority=40,
                )
            )
    return todos
