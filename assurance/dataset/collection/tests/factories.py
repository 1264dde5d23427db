"""Factories for quarterly collection: rounds, the values agencies submit, and revisions.

``CollectionRoundFactory(partnership=p, start=date(2026, 4, 1))`` is the open round of the
quarter containing that day (opening the day after the quarter ends, due 30 days after it);
``IndicatorValueFactory(round=r, indicator=i, agency=a, numerator=..., denominator=...)`` computes
the value as the service would; ``RevisionFactory(value=v, old_numerator=..., old_value=...)``
revises a published value to what it is now.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from assurance.dataset.catalogue.tests.factories import IndicatorFactory
from assurance.dataset.collection.models import (
    CollectionRound,
    IndicatorValue,
    Revision,
    RoundStatus,
)
from assurance.dataset.collection.rules import compute_value, period_containing
from assurance.partnerships.tests.factories import (
    AgencyFactory,
    PartnershipFactory,
    PersonFactory,
)


class CollectionRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectionRound

    class Params:
        start = date(2026, 4, 1)  # any day of the period
        period = factory.LazyAttribute(lambda o: period_containing(o.frequency, o.start))

    partnership = factory.SubFactory(PartnershipFactory)
    frequency = "quarterly"
    period_start = factory.LazyAttribute(lambda o: o.period.start)
    period_end = factory.LazyAttribute(lambda o: o.period.end)
    opens_on = factory.LazyAttribute(lambda o: o.period_end + timedelta(days=1))
    due_on = factory.LazyAttribute(lambda o: o.period_end + timedelta(days=30))
    status = RoundStatus.OPEN


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    round = factory.SubFactory(CollectionRoundFactory)
    partnership = factory.SelfAttribute("round.partnership")
    indicator = factory.SubFactory(IndicatorFactory)
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    numerator = Decimal(50)
    denominator = factory.LazyAttribute(
        lambda o: Decimal(100) if o.indicator.needs_denominator else None
    )
    value = factory.LazyAttribute(
        lambda o: compute_value(o.indicator.unit, Decimal(o.numerator), o.denominator)
    )
    entered_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )
    changed_at = factory.LazyFunction(timezone.now)


class RevisionFactory(factory.django.DjangoModelFactory):
    """A revision to the value as it stands; the old figures default to the current ones."""

    class Meta:
        model = Revision

    value = factory.SubFactory(IndicatorValueFactory)
    partnership = factory.SelfAttribute("value.partnership")
    old_numerator = factory.SelfAttribute("value.numerator")
    old_denominator = factory.SelfAttribute("value.denominator")
    old_value = factory.SelfAttribute("value.value")
    new_numerator = factory.SelfAttribute("value.numerator")
    new_denominator = factory.SelfAttribute("value.denominator")
    new_value = factory.SelfAttribute("value.value")
    reason = factory.Faker("sentence", locale="en_GB")
    revised_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )
    revised_at = factory.LazyFunction(timezone.now)
