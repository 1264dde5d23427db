"""Values a system counts from its own records (``core.registry.CollectionSource``): training's
attendance registers fill the multi-agency training indicator. No agency is asked for them
(``catalogue.selectors.collecting`` leaves them out of what agencies owe); they are stored as
the round's values with where they came from and a link to the records, whenever a round opens
and whenever the source's records change (a register taken or corrected).

A changed value follows the data set's rule for its round: in an open round it is replaced
(history keeps the old one); in a published round it is revised, with the old value, who and
why kept as a ``Revision``, and the partnership's series recomputed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from assurance.core.registry import CollectionSource, SourcedValue, collection_sources
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.rules import phase_adopted
from assurance.dataset.catalogue.selectors import indicator_by_code, phase_adoptions
from assurance.dataset.collection.models import CollectionRound, IndicatorValue, Revision
from assurance.dataset.collection.rules import compute_value
from assurance.dataset.summaries.services import summaries_stale
from assurance.partnerships.models import Partnership, Person


def _applies(indicator: Indicator, round: CollectionRound, adoptions: dict[int, date]) -> bool:
    return indicator.frequency == round.frequency and phase_adopted(
        indicator.phase, adoptions, round.period_start
    )


def system_values_refresh(*, round: CollectionRound, person: Person, reason: str) -> int:
    """Store what every registered source counts for ``round`` (``person``: whose action
    caused it; ``reason``: why, for a published round's revision). Returns how many values
    were created or changed."""
    adoptions = phase_adoptions(partnership=round.partnership)
    changed = 0
    for source in collection_sources().values():
        indicator = indicator_by_code(code=source.indicator_code, partnership=round.partnership)
        if indicator is not None and _applies(indicator, round, adoptions):
            changed += _refresh_one(round, indicator, source, person, reason)
    if changed and round.is_published:
        summaries_stale(partnerships=[round.partnership_id])
    return changed


def system_values_refresh_on(
    *, partnership: Partnership, day: date, person: Person, reason: str
) -> int:
    """Refresh every round of ``partnership`` whose period holds ``day`` (a session's date)."""
    rounds = CollectionRound.objects_for(partnership).filter(
        period_start__lte=day, period_end__gte=day
    )
    return sum(system_values_refresh(round=r, person=person, reason=reason) for r in rounds)


def _refresh_one(
    round: CollectionRound,
    indicator: Indicator,
    source: CollectionSource,
    person: Person,
    reason: str,
) -> int:
    counted = {
        v.agency_id: v
        for v in source.values(round.partnership, round.period_start, round.period_end)
    }
    now = timezone.now()
    changed = 0
    with transaction.atomic():
        existing = {
            v.agency_id: v
            for v in IndicatorValue.objects_for(round.partnership)
            .filter(round=round, indicator=indicator)
            .select_for_update()
        }
        # an agency whose count went (a register corrected) keeps a value of nought
        for agency_id in existing.keys() - counted.keys():
            current = existing[agency_id]
            counted[agency_id] = SourcedValue(agency_id, 0, current.source_href)
        for agency_id, sourced in counted.items():
            numerator = Decimal(sourced.numerator)
            value = compute_value(indicator.unit, numerator, None)
            current = existing.get(agency_id)
            if current is None:
                IndicatorValue.objects_for(round.partnership).create(
                    partnership=round.partnership,
                    round=round,
                    indicator=indicator,
                    agency_id=agency_id,
                    numerator=numerator,
                    denominator=None,
                    value=value,
                    entered_by=person,
                    entered_via="system",
                    changed_at=now,
                    source_label=source.label,
                    source_href=sourced.href,
                )
                changed += 1
                continue
            if current.numerator == numerator and current.source_href == sourced.href:
                continue
            if round.is_published and current.numerator != numerator:
                Revision.objects_for(round.partnership).create(
                    partnership=round.partnership,
                    value=current,
                    old_numerator=current.numerator,
                    old_denominator=current.denominator,
                    old_value=current.value,
                    new_numerator=numerator,
                    new_denominator=None,
                    new_value=value,
                    reason=reason,
                    revised_by=person,
                    revised_at=now,
                )
            current.numerator, current.denominator, current.value = numerator, None, value
            current.source_label, current.source_href = source.label, sourced.href
            current.entered_by, current.entered_via, current.changed_at = person, "system", now
            current.save()
            changed += 1
    return changed
