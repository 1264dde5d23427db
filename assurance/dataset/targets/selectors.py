"""Reads of a partnership's targets, tolerances and scorecard priorities per indicator and
business year (``IndicatorSetting``), through the permission layer."""

from __future__ import annotations

from django.db.models import QuerySet

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Partnership, Priority


def setting_list(*, partnership: Partnership, business_year: int) -> QuerySet[IndicatorSetting]:
    return (
        IndicatorSetting.objects_for(partnership)
        .filter(business_year=business_year)
        .select_related("indicator")
        .prefetch_related("priorities")
    )


def settings_by_indicator(
    *, partnership: Partnership, business_year: int
) -> dict[int, IndicatorSetting]:
    return {
        s.indicator_id: s
        for s in setting_list(partnership=partnership, business_year=business_year)
    }


def setting_for(
    *, partnership: Partnership, indicator: Indicator, business_year: int
) -> IndicatorSetting | None:
    return (
        IndicatorSetting.objects_for(partnership)
        .filter(indicator=indicator, business_year=business_year)
        .prefetch_related("priorities")
        .first()
    )


def priority_indicators(
    *, partnership: Partnership, business_year: int
) -> list[tuple[Priority, list[IndicatorSetting]]]:
    """The scorecard layout: each priority of the year with the indicators set to report under
    it (an indicator may appear under several)."""
    priorities = list(
        Priority.objects_for(partnership).filter(business_year=business_year).order_by("order")
    )
    settings = list(setting_list(partnership=partnership, business_year=business_year))
    layout: list[tuple[Priority, list[IndicatorSetting]]] = []
    for priority in priorities:
        under = [s for s in settings if priority in s.priorities.all() and s.indicator.active]
        under.sort(key=lambda s: (s.indicator.phase, s.indicator.order, s.indicator.code))
        layout.append((priority, under))
    return layout
