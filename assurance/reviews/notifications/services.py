"""Writes of serious incident notifications (the business unit's): recording one, with its
pseudonymised reference, and recording the notices sent. Every write checks the dates
(``rules.incident_problems``) and records who made it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency, Person
from assurance.reviews.notifications import selectors
from assurance.reviews.notifications.models import IncidentType, SeriousIncident
from assurance.reviews.notifications.rules import incident_problems, next_reference

FIELDS = (
    "age_band",
    "incident_type",
    "summary",
    "became_aware_on",
    "area",
    "looked_after",
    "notified_on",
    "panel_reference",
    "ofsted_notified_on",
    "secretary_of_state_notified_on",
)


def _check(incident: SeriousIncident, today: date) -> None:
    problems = incident_problems(
        became_aware_on=incident.became_aware_on,
        today=today,
        notified_on=incident.notified_on,
        ofsted_notified_on=incident.ofsted_notified_on,
        secretary_of_state_notified_on=incident.secretary_of_state_notified_on,
        regulators_apply=incident.looked_after and incident.incident_type == IncidentType.DEATH,
    )
    if problems:
        raise ValidationError(problems)


def _people(actor: Actor, agencies: Iterable[Agency], panel: Iterable[Person]) -> None:
    require_same_partnership(actor, *agencies, *panel)
    inactive = [p.full_name for p in panel if not p.is_active]
    if inactive:
        raise ValidationError(
            {"panel": f"{', '.join(inactive)} no longer works in the partnership."}
        )


def serious_incident_record(
    *,
    actor: Actor,
    agencies: Iterable[Agency] = (),
    panel: Iterable[Person] = (),
    today: date | None = None,
    **fields: Any,
) -> SeriousIncident:
    """Record a serious incident; its reference is the next of the year it became known."""
    actor.require("review.manage")
    agencies, panel = list(agencies), list(panel)
    _people(actor, agencies, panel)
    incident = SeriousIncident(
        partnership=actor.partnership,
        recorded_by=actor.person,
        **{k: v for k, v in fields.items() if k in FIELDS},
    )
    if incident.notified_on and incident.notified_by_id is None:
        incident.notified_by = actor.person
    _check(incident, today or timezone.localdate())
    year = incident.became_aware_on.year
    for _attempt in range(3):  # two people recording at once: the next number
        incident.reference = next_reference(
            year, selectors.references_of_year(partnership=actor.partnership, year=year)
        )
        try:
            with transaction.atomic():
                save_as(incident, actor)
                incident.agencies.set(agencies)
                incident.panel.set(panel)
        except IntegrityError:
            incident.pk = None
            continue
        return incident
    raise ValidationError("Someone else recorded an incident at the same moment: try again.")


def serious_incident_update(
    *,
    actor: Actor,
    incident: SeriousIncident,
    agencies: Iterable[Agency],
    panel: Iterable[Person],
    today: date | None = None,
    **fields: Any,
) -> SeriousIncident:
    actor.require("review.manage")
    require_same_partnership(actor, incident)
    agencies, panel = list(agencies), list(panel)
    _people(actor, agencies, panel)
    was_notified = incident.notified_on
    for name, value in fields.items():
        if name in FIELDS:
            setattr(incident, name, value)
    if incident.notified_on is None:
        incident.notified_by = None
    elif incident.notified_on != was_notified or incident.notified_by_id is None:
        incident.notified_by = actor.person
    _check(incident, today or timezone.localdate())
    with transaction.atomic():
        save_as(incident, actor)
        incident.agencies.set(agencies)
        incident.panel.set(panel)
    return incident
