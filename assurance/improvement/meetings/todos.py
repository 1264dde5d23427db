"""What meetings put before the scrutineer for review: decisions taken without a quorum since
their last visit."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import ReviewItem, ReviewSection
from assurance.core.roles import Role
from assurance.improvement.meetings import selectors
from assurance.partnerships.access import Actor
from assurance.partnerships.visits import changes_window

REVIEW_LIMIT = 10


def decision_review(actor: Actor, since: datetime | None) -> ReviewSection | None:
    """For the scrutineer: decisions recorded although the meeting was not quorate, since their
    last visit, or in the last 90 days on their first (``partnerships.visits.changes_window``,
    as audits closed), newest first."""
    if not actor.has_role(Role.SCRUTINEER):
        return None
    window = changes_window(since, timezone.now())
    inquorate = (
        selectors.decision_log(actor=actor)
        .filter(quorate=False, recorded_at__gt=window.start)
        .order_by("-meeting__held_on", "-recorded_at", "-pk")
    )
    slug = actor.partnership.slug
    items = tuple(
        ReviewItem(
            f"{decision.get_outcome_display()}: {decision.recommendation.title}",
            reverse("improvement:decision_detail", args=[slug, decision.pk]),
            detail=f"{decision.meeting.group.name}, {decision.meeting.held_on:%-d %B %Y}",
            tag="New",
        )
        for decision in inquorate[:REVIEW_LIMIT]
    )
    return ReviewSection(
        f"Decisions taken without a quorum {window.words}",
        items,
        total=inquorate.count() if len(items) == REVIEW_LIMIT else len(items),
        empty=f"No decision has been taken without a quorum {window.words}.",
        more_href=reverse("improvement:decision_log", args=[slug]),
        order=20,
    )
