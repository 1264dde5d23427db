"""Reads of practice reviews, through their serious incident's restricted scope."""

from __future__ import annotations

from assurance.reviews.clock.selectors import review_settings
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.practice_reviews.models import PracticeReview


def practice_review_of(*, incident: SeriousIncident) -> PracticeReview:
    """The incident's practice review, or a new unsaved one with the partnership's notice before
    publication. The incident has been read through the permission layer."""
    found = None
    if SeriousIncident.practice_review.is_cached(incident):  # read with the incident
        found = getattr(incident, "practice_review", None)
    if found is None or found.pk is None:  # not read yet, or a new one made here before
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
