"""The one write of targets: an indicator's target, tolerance and scorecard priorities for a
business year, checked through the permission layer and kept in the history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction

from assurance.core.history import save_as
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.summaries.services import summaries_stale
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Priority


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
        if before != after:
            # the priorities are a many-to-many field, which the history does not record:
            # the change reason says what they became
            setting._change_reason = "Scorecard priorities: " + (  # type: ignore[attr-defined]
                "; ".join(after) or "none"
            )
        save_as(setting, actor)
        setting.priorities.set(chosen)
        summaries_stale(partnerships=[actor.partnership])
    return setting
