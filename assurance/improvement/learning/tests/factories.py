"""Factories for the learning cycle's records: recommendations, learning items and themes.

``RecommendationFactory(partnership=p, accepted=True)`` is a recommendation the executive has
accepted (one with an action plan); ``LearningItemFactory(partnership=p, recommendations=[rec])``
is something learned from a review, linked to that recommendation; ``LearningThemeFactory``
takes ``items`` and ``recommendations`` the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import factory

from assurance.improvement.learning.models import (
    LearningItem,
    LearningSource,
    LearningTheme,
    Recommendation,
)
from assurance.partnerships.tests.factories import PartnershipFactory


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    class Params:
        accepted = factory.Trait(status=Recommendation.Status.ACCEPTED)

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Recommendation {n + 1}")
    text = factory.Faker("sentence", locale="en_GB")
    source = Recommendation.Source.OTHER
    status = Recommendation.Status.PROPOSED


class LearningItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningItem
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Learning {n + 1}")
    what_was_learned = factory.Faker("sentence", locale="en_GB")
    source = LearningSource.REVIEW
    learned_on = date(2026, 7, 1)

    @factory.post_generation
    def recommendations(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.recommendations.add(*extracted)

    @factory.post_generation
    def themes(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.themes.add(*extracted)


class LearningThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningTheme
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Theme {n + 1}")

    @factory.post_generation
    def recommendations(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.recommendations.add(*extracted)

    @factory.post_generation
    def items(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            obj.items.add(*extracted)
