"""What the scrutineer's challenges ask of each person, for the home page's to-do list."""

from __future__ import annotations

from django.urls import reverse

from assurance.core.permissions import Scope
from assurance.core.registry import Todo
from assurance.improvement.scrutiny import selectors
from assurance.partnerships.access import Actor


def challenge_todos(actor: Actor) -> list[Todo]:
    todos: list[Todo] = []
    slug = actor.partnership.slug
    to_answer = selectors.challenges_to_answer(actor=actor).count()
    if to_answer:
        todos.append(
            Todo(
                "Answer the scrutineer's challenges to your agency"
                if actor.scope("challenge.answer") is Scope.OWN_AGENCY
                else "Challenges awaiting an agency's answer",
                reverse("improvement:challenge_list", args=[slug]) + "?status=open",
                count=to_answer,
                priority=15,
            )
        )
    if actor.can("challenge.record"):
        answered = selectors.challenges_answered(actor=actor).count()
        if answered:
            todos.append(
                Todo(
                    "Judge the answers to your challenges",
                    reverse("improvement:challenge_list", args=[slug]) + "?status=answered",
                    count=answered,
                    priority=15,
                )
            )
    return todos
