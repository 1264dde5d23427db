"""Factories for the independent scrutineer's challenges.

``ChallengeFactory(partnership=p, agency=police, raised_by=corinne)`` is an open challenge
raised today, to be answered within three weeks.
"""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from assurance.core.roles import Role
from assurance.improvement.scrutiny.models import Challenge, ChallengeStatus
from assurance.partnerships.tests.factories import (
    AgencyFactory,
    PartnershipFactory,
    PersonFactory,
)


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    partnership = factory.SubFactory(PartnershipFactory)
    raised_by = factory.SubFactory(
        PersonFactory,
        partnership=factory.SelfAttribute("..partnership"),
        roles=[Role.SCRUTINEER],
    )
    agency = factory.SubFactory(AgencyFactory, partnership=factory.SelfAttribute("..partnership"))
    subject = factory.Sequence(lambda n: f"Challenge {n + 1}")
    detail = factory.Faker("sentence", locale="en_GB")
    raised_on = factory.LazyFunction(timezone.localdate)
    respond_by = factory.LazyAttribute(lambda o: o.raised_on + timedelta(days=21))
    status = ChallengeStatus.OPEN
