"""Reads of the partnership's closure days, for the statutory clock."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
from assurance.reviews.clock.models import ClosureDay, ReviewSettings


def closure_days(*, partnership: Partnership) -> frozenset[date]:
    """The partnership's closure days, which the clock does not count as working days."""
    return frozenset(ClosureDay.objects_for(partnership).values_list("day", flat=True))


def closure_days_by_partnership(*, partnership_ids: list[int]) -> dict[int, frozenset[date]]:
    """Each partnership's closure days, in one query (the board and API of many)."""
    found: dict[int, set[date]] = {pk: set() for pk in partnership_ids}
    for pk, day in ClosureDay.unscoped.filter(partnership_id__in=partnership_ids).values_list(
        "partnership_id", "day"
    ):
        found[pk].add(day)
    return {pk: frozenset(days) for pk, days in found.items()}


def closure_day_list(*, actor: Actor) -> QuerySet[ClosureDay]:
    return scoped(actor, ClosureDay.unscoped.all(), "review.manage")


def get_closure_day(*, actor: Actor, pk: object) -> ClosureDay:
    return get_for_actor(actor, ClosureDay.unscoped.all(), "review.manage", pk)


def review_settings(*, partnership: Partnership) -> ReviewSettings:
    """The partnership's settings of the clock: stored, or the defaults (unsaved)."""
    found = ReviewSettings.objects_for(partnership).first()
    return found or ReviewSettings(partnership=partnership)
