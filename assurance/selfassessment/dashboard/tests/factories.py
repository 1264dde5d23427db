"""Factories for the dashboard: ``ChaseFactory(participant=p)`` is a chase of that participant
by e-mail to its lead, already sent."""

from __future__ import annotations

import factory
from django.utils import timezone

from assurance.partnerships.tests.factories import PersonFactory
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory


class ChaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chase

    participant = factory.SubFactory(ParticipantFactory)
    partnership = factory.SelfAttribute("participant.partnership")
    chased_at = factory.LazyFunction(timezone.now)
    chased_by = factory.SubFactory(
        PersonFactory, partnership=factory.SelfAttribute("..partnership")
    )
    recipients = "dsl@school.example"
    sent_at = factory.LazyFunction(timezone.now)
