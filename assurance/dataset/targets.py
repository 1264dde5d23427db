"""A partnership's targets, tolerances and scorecard priorities per indicator and business year
(``IndicatorSetting``): reads and the one write, checked through the permission layer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from assurance.partnerships.access import Actor
from assurance.partnerships.models import Partnership, Priority

from .models import Indicator, IndicatorSetting


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


def setting_save(
    *,
    actor: Actor,
    indicator: Indicator,
    business_year: int,
    target: Any,
    tolerance: Any,
    priorities: Iterable[Priority],
) -> IndicatorSetting:
    actor.require("indicator.manage")
    chosen: Sequence[Priority] = list(priorities)
    if any(p.partnership_id != actor.partnership.pk for p in chosen):
        raise ValueError("Priorities must belong to the actor's partnership.")
    with transaction.atomic():
        setting: IndicatorSetting = (
            IndicatorSetting.objects_for(actor.partnership)
            .select_for_update()
            .filter(indicator=indicator, business_year=business_year)
            .first()
        ) or IndicatorSetting(
            partnership=actor.partnership, indicator=indicator, business_year=business_year
        )
        before = sorted(p.title for p in setting.priorities.all()) if setting.pk else []
        after = sorted(p.title for p in chosen)
        setting.target, setting.tolerance = target, tolerance
        setting._history_user = actor.user  # type: ignore[attr-defined]
        if before != after:
            # the priorities are a many-to-many field, which the history does not record:
            # the change reason says what they became
            setting._change_reason = "Scorecard priorities: " + (  # type: ignore[attr-defined]
                "; ".join(after) or "none"
            )
        setting.save()
        setting.priorities.set(chosen)
    return setting
