"""Reads of the action log."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from assurance.improvement.models import Action
from assurance.improvement.status import STATUS_LABELS, action_status
from assurance.partnerships.access import Actor, scoped


def action_list(*, actor: Actor) -> QuerySet[Action]:
    return scoped(
        actor,
        Action.unscoped.select_related("owner_agency", "owner", "recommendation"),
        "action.view",
        agency_field="owner_agency",
    )


def action_status_of(action: Action) -> tuple[str, str]:
    status = action_status(
        state=action.state,
        started=action.started,
        due=action.due_date,
        today=timezone.localdate(),
        start=action.start_date,
    )
    return status, STATUS_LABELS[status]
