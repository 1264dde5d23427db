"""Demo local indicators for Northfield (seed 000 asks for LADO referrals and return home
interview completion, which no national catalogue has): one of them changed its definition,
so its chart shows a series break. Idempotent: nothing is made if Northfield has local
indicators already. Then the phases Northfield adopted and who reports what
(``load_demo_configuration``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from assurance.core.history import save_as
from assurance.dataset.catalogue.models import (
    DEFINITION_FIELDS,
    DefinitionChange,
    Indicator,
    IndicatorAssignment,
    PhaseAdoption,
    Source,
)
from assurance.dataset.catalogue.selectors import collecting
from assurance.partnerships.models import Agency, Partnership, Person

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


# Northfield rolled out the data set as seed 000 did: phase 1 first, then 2, then 3 (in quarters
# after the first published round; collection/demo.py publishes from quarter 0)
PHASE_QUARTERS = {1: 0, 2: 2, 3: 4}
# Who reports what, as Northfield's business unit confirmed it: elective home education is
# known to the council (it keeps the register of children educated at home, Education Act 1996
# s.436A; DfE guidance 2019) and to the schools that take children off roll, not the college;
# the partnership's training record is the business unit's (the council), not the fire service's
# or the scrutineer's.
CONFIRMED = {
    "EDU-EHE": ("Council", "Schools"),
    "WF-MA-TRAINING": ("Council",),
}


def load_demo_configuration(
    partnership: Partnership, *, person: Person, quarter_starts: list[date]
) -> None:
    """Northfield's adopted phases and its confirmed assignments. Idempotent: nothing is made
    if the partnership has chosen its phases already."""
    if PhaseAdoption.objects_for(partnership).exists():
        return
    for phase, quarter in PHASE_QUARTERS.items():
        save_as(
            PhaseAdoption(
                partnership=partnership, phase=phase, adopted_from=quarter_starts[quarter]
            ),
            person.user,
        )
    by_short = {a.short_name: a for a in Agency.objects_for(partnership)}
    plan = collecting(partnership=partnership)
    for indicator in plan.indicators:
        names = CONFIRMED.get(indicator.code)
        agencies = (
            [by_short[n] for n in names if n in by_short]
            if names is not None
            else [a for a in plan.agencies if a.pk in plan.reporting(indicator)]
        )
        assignment = save_as(
            IndicatorAssignment(partnership=partnership, indicator=indicator, confirmed_by=person),
            person.user,
        )
        assignment.agencies.set(agencies)
