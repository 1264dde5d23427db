"""Factories of feedback and the form's links."""

from __future__ import annotations

import secrets

import factory
from django.utils import timezone

from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.voice.feedback.models import (
    AgeBand,
    Feedback,
    FeedbackLink,
    FeedbackSource,
    ServiceUsed,
)


class FeedbackLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackLink

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Children in care: tell us about your social worker"
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(16))


class FeedbackFactory(factory.django.DjangoModelFactory):
    """A piece of feedback from the form, through a link of its partnership."""

    class Meta:
        model = Feedback

    partnership = factory.SubFactory(PartnershipFactory)
    link = factory.SubFactory(
        FeedbackLinkFactory, partnership=factory.SelfAttribute("..partnership")
    )
    source = FeedbackSource.FORM
    received_on = factory.LazyFunction(timezone.localdate)
    age_band = AgeBand.AGE_13_15
    service = ServiceUsed.SOCIAL_CARE
    feeling = 4
    good = "She listened to me"
