"""Factories of feedback's themes and chosen quotes: each makes a valid record of one
partnership by itself (the feedback's and the theme's)."""

from __future__ import annotations

import factory

from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.themes.models import ChosenQuote, FeedbackTheme, QuotePart


class FeedbackThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackTheme

    partnership = factory.SubFactory(PartnershipFactory)
    feedback = factory.SubFactory(
        FeedbackFactory, partnership=factory.SelfAttribute("..partnership")
    )
    theme = factory.SubFactory(
        LearningThemeFactory, partnership=factory.SelfAttribute("..partnership")
    )


class ChosenQuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChosenQuote

    partnership = factory.SubFactory(PartnershipFactory)
    feedback = factory.SubFactory(
        FeedbackFactory, partnership=factory.SelfAttribute("..partnership")
    )
    part = QuotePart.GOOD
