"""Factories of annual reports: ``AnnualReportFactory(partnership=p)`` is a draft for the
business year before the current one, with no words yet."""

from __future__ import annotations

import factory

from assurance.annualreport.reports.models import AnnualReport
from assurance.core.business_year import current_business_year
from assurance.partnerships.tests.factories import PartnershipFactory


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport

    partnership = factory.SubFactory(PartnershipFactory)
    business_year = factory.LazyFunction(lambda: current_business_year() - 1)
