"""Demo local indicators for Northfield (seed 000 asks for LADO referrals and return home
interview completion, which no national catalogue has): one of them changed its definition,
so its chart shows a series break. Idempotent: nothing is made if Northfield has local
indicators already."""

from __future__ import annotations

from datetime import date
from typing import Any

from assurance.core.history import save_as
from assurance.dataset.catalogue.models import (
    DEFINITION_FIELDS,
    DefinitionChange,
    Indicator,
    Source,
)
from assurance.partnerships.models import Agency, Partnership

LOCAL: list[dict[str, Any]] = [
    {
        "code": "NF-LADO",
        "title": "Referrals to the local authority designated officer",
        "definition": "Referrals to the LADO in the period about an adult who works with "
        "children and may have harmed a child, or behaved in a way that indicates they may "
        "pose a risk of harm to children.",
        "unit": "count",
        "polarity": "neither",
        "decimal_places": 0,
    },
    {
        "code": "NF-RHI-DONE",
        "title": "Return home interviews completed within 72 hours",
        "definition": "Percentage of missing episodes ending in the period after which the "
        "child had an independent return home interview within 72 hours of returning.",
        "numerator_definition": "Episodes with a return home interview completed within 72 hours.",
        "denominator_definition": "Missing episodes of children living in Northfield ending "
        "in the period.",
        "unit": "percentage",
        "polarity": "higher",
        "decimal_places": 1,
    },
]
# NF-RHI-DONE first counted interviews offered; from the change it counts interviews completed
FIRST_DEFINITION = (
    "Percentage of missing episodes ending in the period after which the child was offered an "
    "independent return home interview within 72 hours of returning."
)
CHANGE_REASON = (
    "The partnership chose to count interviews that took place, not interviews offered: an "
    "offer the child declines tells the partnership little."
)


def load_demo_local_indicators(partnership: Partnership, *, user: Any, changes_from: date) -> None:
    if Indicator.objects.filter(partnership=partnership).exists():
        return
    council = (
        Agency.objects_for(partnership).filter(short_name="Council").first()
        or Agency.objects_for(partnership).order_by("name").first()
    )
    if council is None:
        return
    for order, fields in enumerate(LOCAL, start=1000):
        indicator = Indicator(
            partnership=partnership,
            owner=council,
            owning_sector=council.sector,
            source=Source.AGENCY_RETURN,
            frequency="quarterly",
            phase=3,
            order=order,
            no_benchmark_reason=f"A local indicator of {partnership.name}: no national "
            "statistics measure it, so there is no national figure to compare with.",
            **fields,
        )
        if indicator.code != "NF-RHI-DONE":
            save_as(indicator, user)
            continue
        definition = indicator.definition
        indicator.definition = FIRST_DEFINITION
        save_as(indicator, user)
        indicator.definition, indicator.version = definition, 2
        indicator._change_reason = f"Version 2 from {changes_from:%-d %B %Y}: {CHANGE_REASON}"  # type: ignore[attr-defined]
        save_as(indicator, user)
        save_as(
            DefinitionChange(
                indicator=indicator,
                version=2,
                starts=changes_from,
                reason=CHANGE_REASON,
                **{f: getattr(indicator, f) for f in DEFINITION_FIELDS},
            ),
            user,
        )
