"""Factories for benchmarks: published figures (global rows, no partnership).

``BenchmarkFactory(indicator=i, year=2025, value=Decimal("3.9"))`` is England's figure for the
year to March 2025 ("2025"); pass ``area_code``, ``area_level`` and ``area_name`` for a region
or a local authority.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from assurance.dataset.benchmarks.models import AreaLevel, Benchmark
from assurance.dataset.catalogue.models import Frequency
from assurance.dataset.catalogue.tests.factories import IndicatorFactory


class BenchmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benchmark

    class Params:
        year = 2025  # the published year: April of the year before to March

    indicator = factory.SubFactory(IndicatorFactory)
    area_code = "E92000001"
    area_level = AreaLevel.NATIONAL
    area_name = "England"
    period_type = Frequency.ANNUAL
    period_start = factory.LazyAttribute(lambda o: date(o.year - 1, 4, 1))
    period_end = factory.LazyAttribute(lambda o: date(o.year, 3, 31))
    time_period = factory.LazyAttribute(lambda o: str(o.year))
    value = Decimal("10")
