"""Reads of feedback's themes and chosen quotes, scoped to the actor. Feedback is read through
``feedback.selectors.reportable``, so a possible disclosure never has a theme or a quote shown."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.access import Actor, get_for_actor
from assurance.voice.feedback.models import Feedback
from assurance.voice.feedback.selectors import reportable
from assurance.voice.themes.models import ChosenQuote, FeedbackTheme


def theme_choices(*, actor: Actor) -> QuerySet[LearningTheme]:
    """The learning cycle's themes of the actor's partnership: the only themes feedback has."""
    return LearningTheme.objects_for(actor.partnership).order_by("title")


def with_themes(feedback: QuerySet[Feedback]) -> QuerySet[Feedback]:
    """Feedback with its themes and chosen quote read in two queries, whatever the page."""
    return feedback.prefetch_related(
        Prefetch("theme_tags", queryset=FeedbackTheme.unscoped.select_related("theme"))
    ).select_related("chosen_quote")


def get_feedback(*, actor: Actor, pk: Any) -> Feedback:
    """One piece of feedback with its themes and quote (never a possible disclosure: 404)."""
    return get_for_actor(
        actor, with_themes(Feedback.unscoped.filter(flagged=False)), "voice.view", pk
    )


def to_tag(*, actor: Actor, untagged: bool = False) -> QuerySet[Feedback]:
    """The feedback the business unit may tag: every reportable piece, or those not yet tagged."""
    feedback = with_themes(reportable(actor=actor))
    if untagged:
        feedback = feedback.filter(theme_tags=None)
    return feedback


def themes_of(feedback: Feedback) -> list[LearningTheme]:
    return [tag.theme for tag in feedback.theme_tags.all()]


def tagged(*, actor: Actor, theme: LearningTheme) -> QuerySet[Feedback]:
    """What was said about a theme: its reportable feedback, newest first."""
    return with_themes(reportable(actor=actor).filter(theme_tags__theme=theme))


def theme_counts(*, feedback: QuerySet[Feedback], partnership: Any) -> list[tuple[str, int]]:
    """How many of ``feedback`` each of the partnership's themes has (a piece with two themes
    counts once under each), every theme listed, most first then by title."""
    themes = LearningTheme.objects_for(partnership).annotate(
        n=Count(
            "feedback_tags",
            filter=Q(feedback_tags__feedback__in=feedback.values("pk")),
            distinct=True,
        )
    )
    rows = [(t.title, t.n) for t in themes]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def quotes(*, feedback: QuerySet[Feedback]) -> QuerySet[ChosenQuote]:
    """The quotes chosen among ``feedback`` (already reportable), oldest first."""
    return (
        ChosenQuote.unscoped.filter(feedback__in=feedback.values("pk"))
        .select_related("feedback")
        .order_by("feedback__received_on", "pk")
    )
