"""Factories for the indicator catalogue (global: no partnership).

``IndicatorFactory(code="POL-RHI72")`` fetches the indicator if the catalogue has it already
(``catalogue_load``); otherwise it makes one: an annual percentage from national statistics,
lower being better, reported by the local authority.
"""

from __future__ import annotations

import factory

from assurance.dataset.catalogue.models import Frequency, Indicator, Polarity, Source, Unit
from assurance.partnerships.models import Sector
from assurance.partnerships.tests.factories import AgencyFactory, PartnershipFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"TEST-{n + 1}")
    title = factory.Sequence(lambda n: f"Test indicator {n + 1}")
    definition = factory.Faker("sentence", locale="en_GB")
    unit = Unit.PERCENTAGE
    polarity = Polarity.LOWER_IS_BETTER
    owning_sector = Sector.LOCAL_AUTHORITY
    phase = 1
    frequency = Frequency.ANNUAL
    source = Source.NATIONAL_STATISTICS


class LocalIndicatorFactory(IndicatorFactory):
    """``LocalIndicatorFactory(partnership=p, owner=agency)``: a partnership's own quarterly
    count, proposed to the agencies of the owner's sector."""

    class Meta:
        model = Indicator
        django_get_or_create = ("partnership", "code")

    partnership = factory.SubFactory(PartnershipFactory)
    owner = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    code = factory.Sequence(lambda n: f"LOCAL-{n + 1}")
    unit = Unit.COUNT
    polarity = Polarity.NEITHER
    frequency = Frequency.QUARTERLY
    source = Source.AGENCY_RETURN
    phase = 3
    owning_sector = factory.LazyAttribute(lambda o: o.owner.sector)
    no_benchmark_reason = "A local indicator: no national figure."
