"""Reads of practice reviews, through their serious incident's restricted scope."""

from __future__ import annotations

from assurance.reviews.clock.selectors import review_settings
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.practice_reviews.models import PracticeReview


def practice_review_of(*, incident: SeriousIncident) -> PracticeReview:
    """The incident's practice review, or a new unsaved one with the partnership's notice before
    publication. The incident has been read through the permission layer."""
    found = PracticeReview.unscoped.filter(incident=incident).first()
    if found is not None:
        return found
    settings = review_settings(partnership=incident.partnership)
    return PracticeReview(
        partnership=incident.partnership,
        incident=incident,
        notice_working_days=settings.notice_working_days,
    )


def practice_review_learning(*, review: PracticeReview) -> list:  # type: ignore[type-arg]
    """The learning items made from the review's findings, with their recommendations."""
    if review.pk is None:
        return []
    return list(
        review.learning_items.order_by("learned_on", "pk").prefetch_related("recommendations")
    )
