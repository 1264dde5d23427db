"""Reads of the partnership's closure days, for the statutory clock."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.db.models import QuerySet

from assurance.core import compiled
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
from assurance.reviews.clock.models import ClosureDay, ReviewSettings


def closure_days(*, partnership: Partnership) -> frozenset[date]:
    """The partnership's closure days, which the clock does not count as working days."""
    return closure_days_by_partnership(partnership_ids=[partnership.pk])[partnership.pk]


def closure_days_by_partnership(
    *, partnership_ids: Collection[int], using: str = "default"
) -> dict[int, frozenset[date]]:
    """Each partnership's closure days, in one query (the board, a review's page and the API
    read them on every request), compiled once per process for each number of partnerships
    and bound to their ids (ADR 033)."""
    ids = sorted(set(partnership_ids))
    found: dict[int, set[date]] = {pk: set() for pk in ids}
    if not ids:
        return {}
    names = tuple(f"partnership{n}" for n in range(len(ids)))
    template = compiled.kept(
        f"{__name__}.closure_days.{len(ids)}",
        lambda v: ClosureDay.unscoped.filter(
            partnership_id__in=[v[name] for name in names]
        ).values_list("partnership_id", "day"),
        ints=names,
        using=using,
    )
    for pk, day in template.rows(dict(zip(names, ids, strict=True)), using):
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
