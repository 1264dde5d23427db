"""What the learning cycle offers to search: learning items and recommendations, read through
the learning selectors (the actor's scope)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet

from assurance.core.links import record_link
from assurance.core.registry import SearchSource
from assurance.improvement.learning import selectors
from assurance.improvement.learning.models import LearningItem, Recommendation


def _learning(actor: Any) -> QuerySet[Any] | None:
    return selectors.learning_item_list(actor=actor) if actor.can("learning.view") else None


def _recommendations(actor: Any) -> QuerySet[Any] | None:
    return selectors.visible_recommendations(actor=actor) if actor.can("learning.view") else None


LEARNING = SearchSource(
    kind="learning",
    label="Learning",
    singular="Learning item",
    records=_learning,
    model=LearningItem,
    fields=("title", "what_was_learned", "source_reference"),
    title=F("title"),
    summary=F("what_was_learned"),
    when="learned_on",
    link=lambda actor, pk: record_link(
        "improvement:learning_detail", actor.partnership.slug, key=pk
    ),
    order=20,
)

RECOMMENDATIONS = SearchSource(
    kind="recommendation",
    label="Recommendations",
    singular="Recommendation",
    records=_recommendations,
    model=Recommendation,
    fields=("title", "text"),
    title=F("title"),
    summary=F("text"),
    link=lambda actor, pk: record_link(
        "improvement:recommendation_detail", actor.partnership.slug, key=pk
    ),
    order=25,
)

SOURCES = (LEARNING, RECOMMENDATIONS)
