"""Reads of rapid reviews, through their serious incident's restricted scope."""

from __future__ import annotations

from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.rapid_reviews.models import RapidReview


def rapid_review_of(*, incident: SeriousIncident) -> RapidReview:
    """The incident's rapid review, or a new unsaved one (made when first recorded). The
    incident has been read through the permission layer."""
    found = RapidReview.unscoped.filter(incident=incident).select_related("scrutineer").first()
    return found or RapidReview(partnership=incident.partnership, incident=incident)
