"""What action plans ask of each person, for the home page's to-do list: overdue actions and
actions at risk that they (the business unit) or their agency (its lead) must update; and the
overdue actions, for the scrutineer's review."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import ReviewItem, ReviewSection, Todo
from assurance.core.roles import Role
from assurance.improvement.actions.models import Action, ActionState
from assurance.improvement.actions.selectors import action_list
from assurance.improvement.actions.status import AT_RISK_WINDOW, action_status
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
    # read as values, not model instances: every open action due before the window's end (a
    # partnership's overdue actions of past years too) is counted on every home page
    for state, started, due, start in soon.values_list(
        "state", "started", "due_date", "start_date"
    ):
        status = action_status(state=state, started=started, due=due, today=today, start=start)
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


REVIEW_LIMIT = 10


def action_review(actor: Actor, since: datetime | None) -> ReviewSection | None:
    """For the scrutineer: open actions past their due date, the longest overdue first."""
    if not actor.has_role(Role.SCRUTINEER):
        return None
    today = timezone.localdate()
    overdue = (
        action_list(actor=actor)
        .filter(state=ActionState.OPEN, due_date__lt=today)
        .order_by("due_date", "pk")
    )
    slug = actor.partnership.slug
    items = tuple(
        ReviewItem(
            action.title,
            reverse("improvement:action_detail", args=[slug, action.pk]),
            detail=f"{action.owner_agency.name}, due {action.due_date:%-d %B %Y}",
            tag="Overdue",
            tag_colour="red",
        )
        for action in overdue[:REVIEW_LIMIT]
    )
    return ReviewSection(
        "Overdue actions",
        items,
        total=overdue.count() if len(items) == REVIEW_LIMIT else len(items),
        empty="No action is overdue.",
        more_href=reverse("improvement:action_list", args=[slug]) + "?status=overdue",
        order=30,
    )
