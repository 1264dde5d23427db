"""Writes of the partnership's closure days (the business unit's)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.core.history import delete_as, save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.reviews.clock.models import ClosureDay
from assurance.reviews.clock.rules import bank_holiday_name


def closure_day_add(*, actor: Actor, day: date, reason: str) -> ClosureDay:
    actor.require("review.manage")
    if day.weekday() >= 5:
        raise ValidationError(
            {"day": f"{day:%A %-d %B %Y} is at the weekend: it is never a working day."}
        )
    if holiday := bank_holiday_name(day):
        raise ValidationError({"day": f"{day:%-d %B %Y} is a bank holiday ({holiday}) already."})
    if ClosureDay.objects_for(actor.partnership).filter(day=day).exists():
        raise ValidationError({"day": f"{day:%-d %B %Y} is a closure day already."})
    closure = ClosureDay(partnership=actor.partnership, day=day, reason=reason.strip())
    with transaction.atomic():
        save_as(closure, actor)
    return closure


def closure_day_remove(*, actor: Actor, closure: ClosureDay) -> None:
    actor.require("review.manage")
    require_same_partnership(actor, closure)
    with transaction.atomic():
        delete_as(closure, actor)
