"""Reads of the indicator catalogue."""

from __future__ import annotations

from django.db.models import QuerySet

from assurance.dataset.catalogue.models import Indicator


def indicator_list(*, phase: int | None = None) -> QuerySet[Indicator]:
    qs = Indicator.objects.filter(active=True)
    if phase:
        qs = qs.filter(phase=phase)
    return qs.order_by("phase", "order", "code")


def indicator_by_code(*, code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code, active=True).first()
