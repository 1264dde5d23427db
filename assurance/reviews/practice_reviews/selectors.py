"""Reads of practice reviews, through their serious incident's restricted scope."""

from __future__ import annotations

from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.practice_reviews.models import PracticeReview


def practice_review_of(*, incident: SeriousIncident) -> PracticeReview:
    """The incident's practice review, or a new unsaved one. The incident has been read through
    the permission layer."""
    found = PracticeReview.unscoped.filter(incident=incident).first()
    return found or PracticeReview(partnership=incident.partnership, incident=incident)


def practice_review_learning(*, review: PracticeReview) -> list:  # type: ignore[type-arg]
    """The learning items made from the review's findings, with their recommendations."""
    if review.pk is None:
        return []
    return list(
        review.learning_items.order_by("learned_on", "pk").prefetch_related("recommendations")
    )
