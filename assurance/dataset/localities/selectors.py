"""Reads of a partnership's localities."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from assurance.dataset.localities.models import Locality
from assurance.partnerships.models import Partnership


def locality_list(*, partnership: Partnership, in_use: bool = False) -> QuerySet[Locality]:
    """The partnership's localities in their order (only those in use if ``in_use``)."""
    localities = Locality.objects_for(partnership)
    if in_use:
        localities = localities.filter(is_active=True)
    return localities.order_by("order", "name")


def locality_get(*, partnership: Partnership, pk: Any) -> Locality:
    try:
        return Locality.objects_for(partnership).get(pk=pk)
    except (Locality.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such locality") from exc
