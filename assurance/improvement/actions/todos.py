"""What action plans ask of each person, for the home page's to-do list: overdue actions and
actions at risk that they (the business unit) or their agency (its lead) must update."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import Todo
from assurance.improvement.actions.models import Action, ActionState
from assurance.improvement.actions.selectors import action_status_of
from assurance.improvement.actions.status import AT_RISK_WINDOW
from assurance.partnerships.access import Actor, scoped


def action_todos(actor: Actor) -> list[Todo]:
    if not actor.can("action.update"):
        return []
    today = timezone.localdate()
    soon = scoped(
        actor,
        Action.unscoped.filter(
            state=ActionState.OPEN, due_date__lte=today + AT_RISK_WINDOW + timedelta(days=1)
        ),
        "action.update",
        agency_field="owner_agency",
    )
    counts = {"overdue": 0, "at_risk": 0}
    for action in soon:
        status = action_status_of(action, today)[0]
        if status in counts:
            counts[status] += 1
    url = reverse("improvement:action_list", args=[actor.partnership.slug])
    whose = "the partnership's" if actor.can("action.manage") else "your agency's"
    todos = []
    if counts["overdue"]:
        todos.append(
            Todo(
                f"Update {whose} overdue actions",
                f"{url}?status=overdue",
                count=counts["overdue"],
                priority=4,
            )
        )
    if counts["at_risk"]:
        todos.append(
            Todo(
                f"Check {whose} actions at risk",
                f"{url}?status=at_risk",
                count=counts["at_risk"],
                priority=5,
            )
        )
    return todos
