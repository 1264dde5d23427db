"""Reads of a partnership's targets, tolerances and scorecard priorities per indicator and
business year (``IndicatorSetting``), through the permission layer."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

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


def setting_values(
    *, partnership: Partnership, indicator: Indicator, business_year: int
) -> tuple[object, ...] | None:
    """The year's target and tolerance of an indicator (None without a setting), in one query."""
    return (
        IndicatorSetting.objects_for(partnership)
        .filter(indicator=indicator, business_year=business_year)
        .values_list("target", "tolerance")
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


def priority_settings(*, partnership: Partnership, priority: Priority) -> list[IndicatorSetting]:
    """One priority's scorecard: the active indicators set to report under it, in the order
    of ``priority_indicators`` (one query, without reading the year's other settings)."""
    return list(
        IndicatorSetting.objects_for(partnership)
        .filter(business_year=priority.business_year, priorities=priority, indicator__active=True)
        .select_related("indicator")
        .order_by("indicator__phase", "indicator__order", "indicator__code")
    )


def _reported(*, partnership: Partnership, business_year: int) -> QuerySet[IndicatorSetting]:
    on_a_scorecard = IndicatorSetting.priorities.through.objects.filter(
        indicatorsetting_id=OuterRef("pk")
    )
    return (
        IndicatorSetting.objects_for(partnership)
        .filter(business_year=business_year, indicator__active=True)
        .filter(Q(target__isnull=False) | Exists(on_a_scorecard))
    )


def reported_settings(*, partnership: Partnership, business_year: int) -> list[IndicatorSetting]:
    """The year's data set as the executive's exception report reads it: the active indicators
    with a target or a scorecard priority (one query: no priorities read)."""
    return list(
        _reported(partnership=partnership, business_year=business_year).select_related("indicator")
    )


# what an exception's verdict and its line in a report are worked out from, besides the figures
REPORTED_FIELDS = (
    "indicator_id",
    "target",
    "tolerance",
    "indicator__code",
    "indicator__title",
    "indicator__phase",
    "indicator__order",
    "indicator__unit",
    "indicator__polarity",
    "indicator__source",
    "indicator__frequency",
    "indicator__decimal_places",
)


def reported_setting_values(
    *, partnership: Partnership, business_year: int
) -> list[tuple[object, ...]]:
    """The same settings as ``reported_settings`` as plain values (``REPORTED_FIELDS``, in the
    order of the indicators' ids), one query: what a cache key of the exceptions is made of."""
    return list(
        _reported(partnership=partnership, business_year=business_year)
        .order_by("indicator_id")
        .values_list(*REPORTED_FIELDS)
    )
