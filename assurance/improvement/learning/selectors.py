"""Reads of learning, themes and recommendations, scoped to the actor."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from assurance.core.business_year import business_year_bounds, business_year_of
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    LearningSource,
    LearningTheme,
    Recommendation,
)
from assurance.partnerships.access import Actor, get_for_actor, scoped

AWAITING = (Recommendation.Status.PROPOSED, Recommendation.Status.MORE_INFO)


# --- learning -----------------------------------------------------------------------------------


def learning_item_list(
    *, actor: Actor, source: str | None = None, theme: Any = None, year: int | None = None
) -> QuerySet[LearningItem]:
    items = scoped(
        actor,
        LearningItem.unscoped.select_related("audit", "standard", "indicator"),
        "learning.view",
    ).prefetch_related("themes")
    if source:
        items = items.filter(source=source)
    if theme:
        items = items.filter(themes=theme)
    if year:
        start, end = business_year_bounds(year)
        items = items.filter(learned_on__range=(start, end))
    return items


def learning_years(*, actor: Actor) -> list[int]:
    """The business years with learning, latest first."""
    dates = scoped(actor, LearningItem.unscoped.all(), "learning.view").dates("learned_on", "month")
    return sorted({business_year_of(d) for d in dates}, reverse=True)


def get_learning_item(*, actor: Actor, pk: Any) -> LearningItem:
    return get_for_actor(
        actor,
        LearningItem.unscoped.select_related(
            "audit", "standard__section", "indicator", "recorded_by"
        ).prefetch_related("themes", "documents", "recommendations__decisions__meeting__group"),
        "learning.view",
        pk,
    )


def get_learning_document(*, actor: Actor, pk: Any) -> Any:

    return get_for_actor(actor, LearningDocument.unscoped.all(), "learning.view", pk)


def theme_list(*, actor: Actor) -> QuerySet[LearningTheme]:
    return scoped(
        actor, LearningTheme.unscoped.select_related("priority"), "learning.view"
    ).annotate(
        item_count=Count("items", distinct=True),
        source_count=Count("items__source", distinct=True),
        recommendation_count=Count("recommendations", distinct=True),
    )


def get_theme(*, actor: Actor, pk: Any) -> LearningTheme:
    return get_for_actor(
        actor,
        LearningTheme.unscoped.select_related("priority").prefetch_related(
            Prefetch(
                "items",
                queryset=LearningItem.unscoped.select_related("audit", "indicator", "standard"),
            ),
            "recommendations",
        ),
        "learning.view",
        pk,
    )


def theme_sources(theme: LearningTheme) -> list[str]:
    """The kinds of source a theme's learning comes from (a pattern is seen in several)."""
    seen = {i.source for i in theme.items.all()}
    return [label for value, label in LearningSource.choices if value in seen]


def visible_recommendations(*, actor: Actor) -> QuerySet[Recommendation]:
    """The recommendations the actor may open, with nothing else read (the search's
    sub-query)."""
    return scoped(actor, Recommendation.unscoped.all(), "learning.view")


def recommendation_list(*, actor: Actor, status: str | None = None) -> QuerySet[Recommendation]:
    recs = (
        visible_recommendations(actor=actor)
        .select_related("audit")
        .annotate(learning_count=Count("learning_items", distinct=True))
    )
    if status == "awaiting":
        recs = recs.filter(status__in=AWAITING)
    elif status:
        recs = recs.filter(status=status)
    return recs


def recommendations_awaiting_decision(*, actor: Actor) -> QuerySet[Recommendation]:
    return recommendation_list(actor=actor).filter(status__in=AWAITING)


def get_recommendation(*, actor: Actor, pk: Any) -> Recommendation:
    return get_for_actor(
        actor,
        Recommendation.unscoped.select_related("audit").prefetch_related(
            "learning_items",
            "themes",
            "actions__owner_agency",
            # The decisions taken on it at the groups' meetings, newest first (Decision's order):
            # the page lists them oldest first.
            "decisions__meeting__group",
        ),
        "learning.view",
        pk,
    )
