"""Reads of serious incidents, through the restricted scope: the business unit and the
scrutineer see every one; anyone else only those they are named on (the panel)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
from assurance.reviews.notifications.models import SeriousIncident

PANEL = "panel"


def incident_list(*, actor: Actor) -> QuerySet[SeriousIncident]:
    """The serious incidents the actor may open (empty if they may see none)."""
    if not actor.can("review.view"):
        return SeriousIncident.unscoped.none()
    return scoped(actor, SeriousIncident.unscoped.all(), "review.view", named_field=PANEL)


def get_incident(*, actor: Actor, pk: Any) -> SeriousIncident:
    return get_for_actor(
        actor,
        SeriousIncident.unscoped.select_related("notified_by", "recorded_by"),
        "review.view",
        pk,
        named_field=PANEL,
    )


def references_of_year(*, partnership: Partnership, year: int) -> list[str]:
    return list(
        SeriousIncident.objects_for(partnership)
        .filter(reference__startswith=f"SI-{year}-")
        .values_list("reference", flat=True)
    )
