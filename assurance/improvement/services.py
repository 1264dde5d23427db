"""Writes to the action log and recommendations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from assurance.improvement.models import Action, MeasureKind, Recommendation
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Person


def recommendation_create(
    *, actor: Actor, title: str, text: str, source: str, audit: Any = None
) -> Recommendation:
    actor.require("action.manage")
    recommendation = Recommendation(
        partnership=actor.partnership, title=title, text=text, source=source, audit=audit
    )
    recommendation._history_user = actor.user  # type: ignore[attr-defined]
    recommendation.save()
    return recommendation


def action_create(
    *,
    actor: Actor,
    title: str,
    owner_agency: Agency,
    due_date: date,
    measure_kind: str = MeasureKind.DESCRIBED,
    measure: str,
    owner: Person | None = None,
    recommendation: Recommendation | None = None,
    delivery_type: str = "",
) -> Action:
    actor.require("action.manage")
    if owner_agency.partnership_id != actor.partnership.pk:
        raise ValueError("The owner agency must belong to the partnership.")
    if owner is not None and owner.agency_id != owner_agency.pk:
        raise ValueError(f"{owner} does not work for {owner_agency}.")
    with transaction.atomic():
        action = Action(
            partnership=actor.partnership,
            recommendation=recommendation,
            title=title,
            owner_agency=owner_agency,
            owner=owner,
            due_date=due_date,
            measure_kind=measure_kind,
            measure=measure,
            delivery_type=delivery_type,
        )
        action._history_user = actor.user  # type: ignore[attr-defined]
        action.save()
    return action
