"""Reads of the action log, scoped to the actor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from assurance.improvement.models import Action
from assurance.improvement.status import STATUS_LABELS, action_status
from assurance.partnerships.access import Actor, get_for_actor, scoped


def action_list(*, actor: Actor) -> QuerySet[Action]:
    return scoped(
        actor,
        Action.unscoped.select_related(
            "owner_agency", "owner", "recommendation", "recommendation__audit"
        ),
        "action.view",
        agency_field="owner_agency",
    )


def get_action(*, actor: Actor, pk: Any) -> Action:
    return get_for_actor(
        actor,
        Action.unscoped.select_related(
            "owner_agency", "owner", "recommendation", "recommendation__audit"
        ),
        "action.view",
        pk,
        agency_field="owner_agency",
    )


def action_status_of(action: Action, today: date | None = None) -> tuple[str, str]:
    status = action_status(
        state=action.state,
        started=action.started,
        due=action.due_date,
        today=today or timezone.localdate(),
        start=action.start_date,
    )
    return status, STATUS_LABELS[status]


@dataclass(frozen=True)
class ActionRow:
    action: Action
    status: str
    status_label: str


def action_rows(
    *, actor: Actor, status: str | None = None, agency: Any = None, due_before: date | None = None
) -> list[ActionRow]:
    """The action log with each action's computed status, filtered."""
    actions = action_list(actor=actor)
    if agency is not None:
        actions = actions.filter(owner_agency=agency)
    if due_before is not None:
        actions = actions.filter(due_date__lte=due_before)
    today = timezone.localdate()
    rows = [ActionRow(a, *action_status_of(a, today)) for a in actions]
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def status_counts(rows: list[ActionRow]) -> list[tuple[str, int]]:
    counts = Counter(row.status for row in rows)
    return [(STATUS_LABELS[s], counts[s]) for s in STATUS_LABELS if counts[s]]
