"""Reads of rapid reviews, through their serious incident's restricted scope, and of the
review meeting: which meetings it may be, and whether the safeguarding partners were there."""

from __future__ import annotations

from django.db.models import QuerySet

from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.services import attendee_of
from assurance.partnerships import terms
from assurance.partnerships.models import QuorumRule
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.rapid_reviews.models import RapidReview


def rapid_review_of(*, incident: SeriousIncident) -> RapidReview:
    """The incident's rapid review, or a new unsaved one (made when first recorded). The
    incident has been read through the permission layer."""
    found = None
    if SeriousIncident.rapid_review.is_cached(incident):  # read with the incident
        found = getattr(incident, "rapid_review", None)
    if found is None or found.pk is None:  # not read yet, or a new one made here before
        found = (
            RapidReview.unscoped.filter(incident=incident)
            .select_related("scrutineer", "meeting__group")
            .first()
        )
    return found or RapidReview(partnership=incident.partnership, incident=incident)


def partners_quorum(meeting: Meeting) -> terms.Quorum:
    """Whether the safeguarding partners' decision can be taken at the meeting: the partnership's
    own quorum rule of all three statutory partners (``partnerships.terms``), applied to the
    members present as the meetings of the learning cycle record them."""
    present = [a for a in meeting.attendances.select_related("agency") if a.present]
    return terms.quorum(
        QuorumRule.ALL_STATUTORY_PARTNERS, None, [attendee_of(row) for row in present]
    )


def meeting_choices(*, incident: SeriousIncident) -> QuerySet[Meeting]:
    """The partnership's meetings held since the local authority became aware, latest first."""
    return (
        Meeting.objects_for(incident.partnership)
        .filter(held_on__gte=incident.became_aware_on)
        .select_related("group")
        .order_by("-held_on", "group__name")
    )
