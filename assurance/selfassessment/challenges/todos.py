"""What the challenge panel has to do, for the home page's to-do list: the submitted returns of
each round whose panel they sit on (the business unit: each round that has a panel) and that the
panel has not challenged yet."""

from __future__ import annotations

from django.urls import reverse

from assurance.core.registry import Todo
from assurance.partnerships.access import Actor
from assurance.selfassessment.challenges import selectors
from assurance.selfassessment.rounds.models import Round


def challenge_todos(actor: Actor) -> list[Todo]:
    counts = selectors.awaiting_count(actor=actor)
    if not counts:
        return []
    rounds = Round.unscoped.filter(pk__in=counts).select_related("framework")
    href = reverse("selfassessment:challenge_list", args=[actor.partnership.slug])
    return [
        Todo(
            f"Challenge the submitted returns of {round}",
            href,
            count=counts[round.pk],
            priority=25,
        )
        for round in sorted(rounds, key=lambda r: (-r.year, r.pk))
    ]
