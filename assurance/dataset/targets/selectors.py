"""Reads of a partnership's targets, tolerances and scorecard priorities per indicator and
business year (``IndicatorSetting``), through the permission layer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.db import router
from django.db.models import Exists, OuterRef, Q, QuerySet

from assurance.core import compiled
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
    """The year's target and tolerance of an indicator (None without a setting), in one query
    compiled once per process and year (the indicator page's key reads it)."""

    def build(values: Mapping[str, Any]) -> QuerySet[Any]:
        return (
            IndicatorSetting.objects_for(Partnership(pk=values["partnership"]))
            .filter(indicator_id=values["indicator"], business_year=business_year)
            .values_list("target", "tolerance")[:1]
        )

    rows = compiled.read(
        f"{__name__}.setting_values.{business_year}",
        build,
        IndicatorSetting,
        ints={"partnership": partnership.pk, "indicator": indicator.pk},
    )
    return rows[0] if rows else None


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
    of ``priority_indicators`` (one query compiled once per process and year, without reading
    the year's other settings)."""
    year = priority.business_year
    return _settings_read(
        f"{__name__}.priority_settings.{year}",
        lambda values: _with_indicator(_under_priority(values, year)),
        {"partnership": partnership.pk, "priority": priority.pk},
    )


def _under_priority(values: Mapping[str, Any], year: int) -> QuerySet[IndicatorSetting]:
    """The active indicators' settings of the year under the priority (``values``: the
    partnership's and the priority's ids), in the scorecard's order."""
    return (
        IndicatorSetting.objects_for(Partnership(pk=values["partnership"]))
        .filter(business_year=year, priorities=values["priority"], indicator__active=True)
        .order_by("indicator__phase", "indicator__order", "indicator__code")
    )


def priority_setting_values(
    *, partnership: Partnership, priority: Priority
) -> list[tuple[Any, ...]]:
    """``priority_settings`` as plain values (``REPORTED_FIELDS``), in its order: what says
    whether the scorecard's table drawn before is still the table (one compiled query, no
    model built)."""
    year = priority.business_year
    return compiled.read(
        f"{__name__}.priority_setting_values.{year}",
        lambda values: _under_priority(values, year).values_list(*REPORTED_FIELDS),
        IndicatorSetting,
        ints={"partnership": partnership.pk, "priority": priority.pk},
    )


_SETTING_FIELDS = [field.attname for field in IndicatorSetting._meta.concrete_fields]
_INDICATOR_FIELDS = [field.attname for field in Indicator._meta.concrete_fields]


def _with_indicator(settings: QuerySet[IndicatorSetting]) -> QuerySet[Any]:
    """The settings' columns and their indicator's, as one row each."""
    return settings.values_list(
        *_SETTING_FIELDS, *(f"indicator__{name}" for name in _INDICATOR_FIELDS)
    )


def _settings_read(
    name: str, build: Callable[[Mapping[str, Any]], QuerySet[Any]], values: Mapping[str, Any]
) -> list[IndicatorSetting]:
    """The settings a compiled read (``core.compiled``) gives, each with its indicator: the
    pages of the whole data set read 150 of them, where building and compiling the query and
    the ORM's joining of the two rows was most of the read's time."""
    using = router.db_for_read(IndicatorSetting)
    template = compiled.kept(name, build, ints=tuple(values), using=using)
    settings = []
    split = len(_SETTING_FIELDS)
    for row in template.rows(values, using=using):
        setting = IndicatorSetting.from_db(using, _SETTING_FIELDS, row[:split])
        setting.indicator = Indicator.from_db(using, _INDICATOR_FIELDS, row[split:])
        settings.append(setting)
    return settings


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
    with a target or a scorecard priority (one compiled query: no priorities read)."""

    return _settings_read(
        f"{__name__}.reported_settings.{business_year}",
        lambda values: _with_indicator(_reported_of(values, business_year)),
        {"partnership": partnership.pk},
    )


def _reported_of(values: Mapping[str, Any], business_year: int) -> QuerySet[IndicatorSetting]:
    """``_reported`` of the partnership whose id ``values`` gives, in the indicators' order."""
    partnership = Partnership(pk=values["partnership"])
    return _reported(partnership=partnership, business_year=business_year).order_by("indicator_id")


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
) -> list[tuple[Any, ...]]:
    """The same settings as ``reported_settings`` as plain values (``REPORTED_FIELDS``, in the
    order of the indicators' ids), one compiled query: what a cache key of the exceptions is
    made of."""
    return reported_setting_values_read(partnership=partnership, business_year=business_year).rows()


def reported_setting_values_read(*, partnership: Partnership, business_year: int) -> compiled.Read:
    """The read of ``reported_setting_values``, to be read with others (``compiled.ahead``)."""
    return compiled.read_of(
        f"{__name__}.reported_setting_values.{business_year}",
        lambda values: _reported_of(values, business_year).values_list(*REPORTED_FIELDS),
        IndicatorSetting,
        ints={"partnership": partnership.pk},
    )
