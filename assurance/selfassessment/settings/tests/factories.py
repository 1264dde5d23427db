"""Factories for settings: ``SettingFactory(partnership=p)`` is an open primary school of the
partnership's local authority, with a URN of its own."""

from __future__ import annotations

import factory
from django.utils import timezone

from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.selfassessment.settings.models import Setting, SettingStatus


class SettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Setting

    partnership = factory.SubFactory(PartnershipFactory)
    urn = factory.Sequence(lambda n: 980001 + n)
    name = factory.Sequence(lambda n: f"Larkfield Primary School No. {n + 1}")
    la_number = "334"
    la_name = "Northfield"
    establishment_type = "Community school"
    type_group = "Local authority maintained schools"
    phase = "Primary"
    status = SettingStatus.OPEN
    postcode = "NF1 2AB"
    imported_at = factory.LazyFunction(timezone.now)
