"""Factories of “you said, we did” answers (a valid record of one partnership by itself)."""

from __future__ import annotations

import factory
from django.utils import timezone

from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.voice.you_said_we_did.models import YouSaidWeDid


class YouSaidWeDidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YouSaidWeDid

    partnership = factory.SubFactory(PartnershipFactory)
    theme = factory.SubFactory(
        LearningThemeFactory, partnership=factory.SelfAttribute("..partnership")
    )
    you_said = "You said nobody tells you what happens after a meeting about you."
    we_did = "Workers now write to you after every meeting."
    action = None
    answered_on = factory.LazyFunction(timezone.localdate)
