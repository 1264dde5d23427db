"""Writes of the partnership's closure days and its settings of the clock (the business
unit's)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from assurance.core.history import delete_as, save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.reviews.clock.models import ClosureDay, ReviewSettings
from assurance.reviews.clock.rules import bank_holiday_name, settings_problems
from assurance.reviews.clock.selectors import review_settings


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


def review_settings_update(
    *, actor: Actor, notice_working_days: int, information_working_days: int
) -> ReviewSettings:
    """The business unit sets the partnership's notice before publication (the default of each
    new practice review; those already recorded keep theirs) and the working days agencies have
    to answer an information request (for requests sent from now on)."""
    actor.require("review.manage")
    problems = settings_problems(
        notice_working_days=notice_working_days,
        information_working_days=information_working_days,
    )
    if problems:
        raise ValidationError(problems)
    settings = review_settings(partnership=actor.partnership)
    settings.notice_working_days = notice_working_days
    settings.information_working_days = information_working_days
    with transaction.atomic():
        save_as(settings, actor)
    return settings
