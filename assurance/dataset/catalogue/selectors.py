"""Reads of the indicator catalogue: the national indicators, shared by every partnership, and
a partnership's own local ones (never another partnership's)."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet

from assurance.dataset.catalogue.models import DefinitionChange, Indicator
from assurance.partnerships.models import Partnership


def visible_to(partnership: Partnership | None) -> Q:
    """The indicators a partnership sees: the national ones and its own local ones (with no
    partnership, the national ones only)."""
    if partnership is None:
        return Q(partnership__isnull=True)
    return Q(partnership__isnull=True) | Q(partnership=partnership)


def indicator_list(
    *, phase: int | None = None, partnership: Partnership | None = None
) -> QuerySet[Indicator]:
    qs = Indicator.objects.filter(visible_to(partnership), active=True).select_related("owner")
    if phase:
        qs = qs.filter(phase=phase)
    return qs.order_by("phase", "order", "code")


def indicator_by_code(*, code: str, partnership: Partnership | None = None) -> Indicator | None:
    """The national indicator of that code, else the partnership's local one."""
    return (
        Indicator.objects.filter(visible_to(partnership), code=code, active=True)
        .order_by(F("partnership_id").asc(nulls_first=True))
        .first()
    )


def local_indicator_list(*, partnership: Partnership) -> QuerySet[Indicator]:
    return Indicator.objects.filter(partnership=partnership).order_by("code")


def local_indicator_get(*, partnership: Partnership, code: str) -> Indicator | None:
    """The partnership's own local indicator (active or not); None for another's."""
    return Indicator.objects.filter(partnership=partnership, code=code).first()


def definition_changes(*, indicator: Indicator) -> list[DefinitionChange]:
    return list(DefinitionChange.objects.filter(indicator=indicator).order_by("version"))
