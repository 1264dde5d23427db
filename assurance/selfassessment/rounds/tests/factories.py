"""Factories for rounds: ``RoundFactory(partnership=p)`` is a Section 175/157 round of this
business year for the partnership's schools, on a self-assessment tool of its own;
``ParticipantFactory(round=r)`` one school taking part."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from assurance.core.business_year import current_business_year
from assurance.frameworks.models import FrameworkKind
from assurance.frameworks.tests.factories import FrameworkFactory
from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.selfassessment.rounds.models import Audience, Participant, Round
from assurance.selfassessment.settings.tests.factories import SettingFactory


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    partnership = factory.SubFactory(PartnershipFactory)
    framework = factory.SubFactory(
        FrameworkFactory,
        partnership=factory.SelfAttribute("..partnership"),
        name="Section 175/157 safeguarding self-assessment",
        kind=FrameworkKind.SELF_ASSESSMENT,
    )
    year = factory.LazyFunction(current_business_year)
    every_years = 1
    audience = Audience.SETTINGS
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    opened_at = factory.LazyFunction(timezone.now)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    round = factory.SubFactory(RoundFactory)
    partnership = factory.SelfAttribute("round.partnership")
    setting = factory.SubFactory(
        SettingFactory, partnership=factory.SelfAttribute("..round.partnership")
    )
    agency = None
