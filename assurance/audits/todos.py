"""What audits ask of each person, for the home page's to-do list."""

from __future__ import annotations

from django.urls import reverse

from assurance.audits import selectors
from assurance.core.registry import Todo
from assurance.partnerships.access import Actor


def audit_todos(actor: Actor) -> list[Todo]:
    todos: list[Todo] = []
    url = reverse("audits:my_returns", args=[actor.partnership.slug])
    to_complete = selectors.my_returns(actor=actor).count()
    if to_complete:
        todos.append(Todo("Complete your audit returns", url, count=to_complete, priority=1))
    to_sign = selectors.returns_to_sign_off(actor=actor).count()
    if to_sign:
        todos.append(Todo("Sign off your agency's audit returns", url, count=to_sign, priority=2))
    to_assign = selectors.returns_to_assign(actor=actor)
    count = to_assign.count()
    if count:
        # All in one audit (the usual case): straight to the page that assigns them all.
        audits = set(to_assign.values_list("case__audit_id", flat=True).distinct())
        assign_url = (
            reverse(
                "audits:assign_returns",
                args=[actor.partnership.slug, audits.pop(), actor.agency_id],
            )
            if len(audits) == 1
            else url
        )
        todos.append(
            Todo("Assign auditors to your agency's cases", assign_url, count=count, priority=3)
        )
    return todos
