"""Fixtures of the performance pages' tests: an agency-return indicator on Northfield's
scorecard with published values (the summary rows, ADR 023, and how they are drawn)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assurance.core.business_year import current_business_year
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection import services as collection
from assurance.dataset.collection.rules import Entry
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.tests.factories import PriorityFactory


def _publish(tenant, helen, amira, start: date, numerator: str) -> None:
    round = CollectionRoundFactory(partnership=tenant.partnership, start=start)
    collection.values_save(
        actor=actor_for_person(helen),
        round=round,
        agency=tenant.police,
        entries={"POL-RHI72": Entry(numerator, "84", commentary="Checked.")},
    )
    collection.round_publish(actor=actor_for_person(amira), round=round)


@pytest.fixture
def rhi(northfield, catalogue, helen, amira):
    """POL-RHI72 on Northfield's Neglect scorecard, target 80 (tolerance 5), with two published
    quarters: 50 of 84 (59.5%) in Q4 2025/26, then 61 of 84 (72.6%: missed by more than the
    tolerance)."""
    year = current_business_year()
    priority = PriorityFactory(partnership=northfield.partnership, business_year=year)
    IndicatorSettingFactory(
        partnership=northfield.partnership,
        indicator=Indicator.objects.get(code="POL-RHI72"),
        business_year=year,
        target=Decimal(80),
        tolerance=Decimal(5),
        priorities=[priority],
    )
    _publish(northfield, helen, amira, date(2026, 1, 1), "50")
    _publish(northfield, helen, amira, date(2026, 4, 1), "61")
    northfield.priority = priority
    northfield.year = year
    return northfield
