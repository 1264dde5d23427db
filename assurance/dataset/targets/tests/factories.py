"""Factories for a partnership's indicator settings (target, tolerance, priorities per year).

``IndicatorSettingFactory(partnership=p, indicator=i, target=Decimal(80), priorities=[...])``:
this business year's setting, with no target or tolerance unless given.
"""

from __future__ import annotations

from typing import Any

import factory

from assurance.core.business_year import current_business_year
from assurance.dataset.catalogue.tests.factories import IndicatorFactory
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.tests.factories import PartnershipFactory


class IndicatorSettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorSetting
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    business_year = factory.LazyFunction(current_business_year)
    target = None
    tolerance = None

    @factory.post_generation
    def priorities(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.priorities.set(extracted)
