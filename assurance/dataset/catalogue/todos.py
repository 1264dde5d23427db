"""What the catalogue asks of the business unit, for the home page's to-do list."""

from __future__ import annotations

from django.urls import reverse

from assurance.core.registry import Todo
from assurance.dataset.catalogue import selectors
from assurance.partnerships.access import Actor


def catalogue_todos(actor: Actor) -> list[Todo]:
    """The business unit: indicators whose reporting agencies are only proposed, to confirm."""
    if not actor.can("indicator.manage"):
        return []
    count = selectors.unconfirmed_count(partnership=actor.partnership)
    if not count:
        return []
    return [
        Todo(
            "Confirm which agencies report the data set's indicators",
            reverse("dataset:assignment_list", args=[actor.partnership.slug]),
            count=count,
            priority=4,
        )
    ]
