"""Writes of a partnership's localities: add, rename, describe, stop or start using one.

A locality is never deleted: the figures collected for it stay in the breakdowns of their
periods. Every change is kept in the locality's history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from assurance.core.history import save_as
from assurance.dataset.localities.models import Locality
from assurance.partnerships.access import Actor


def locality_save(
    *,
    actor: Actor,
    name: str,
    description: str = "",
    is_active: bool = True,
    locality: Locality | None = None,
) -> Locality:
    """Add a locality (``locality`` None) or change one of the actor's partnership."""
    actor.require("indicator.manage")
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Enter the locality's name"})
    if locality is not None and locality.partnership_id != actor.partnership.pk:
        raise ValidationError("Choose a locality of this partnership")
    same = Locality.objects_for(actor.partnership).filter(name__iexact=name)
    if locality is not None:
        same = same.exclude(pk=locality.pk)
    if same.exists():
        raise ValidationError({"name": f"There is already a locality called {name}"})
    with transaction.atomic():
        if locality is None:
            last = Locality.objects_for(actor.partnership).aggregate(m=Max("order"))["m"]
            locality = Locality(partnership=actor.partnership, order=(last or 0) + 1)
        locality.name, locality.description = name, description.strip()
        locality.is_active = is_active
        save_as(locality, actor)
    return locality
