"""What meetings put before the scrutineer for review: decisions taken without a quorum."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse

from assurance.core.registry import ReviewItem, ReviewSection
from assurance.core.roles import Role
from assurance.improvement.meetings import selectors
from assurance.partnerships.access import Actor

REVIEW_LIMIT = 10


def decision_review(actor: Actor, since: datetime | None) -> ReviewSection | None:
    """For the scrutineer: decisions recorded although the meeting was not quorate, newest
    first; those recorded since their last visit are marked new."""
    if not actor.has_role(Role.SCRUTINEER):
        return None
    inquorate = (
        selectors.decision_log(actor=actor)
        .filter(quorate=False)
        .order_by("-meeting__held_on", "-recorded_at", "-pk")
    )
    slug = actor.partnership.slug
    items = tuple(
        ReviewItem(
            f"{decision.get_outcome_display()}: {decision.recommendation.title}",
            reverse("improvement:decision_detail", args=[slug, decision.pk]),
            detail=f"{decision.meeting.group.name}, {decision.meeting.held_on:%-d %B %Y}",
            tag="New" if since is None or decision.recorded_at > since else "",
        )
        for decision in inquorate[:REVIEW_LIMIT]
    )
    return ReviewSection(
        "Decisions taken without a quorum",
        items,
        total=inquorate.count() if len(items) == REVIEW_LIMIT else len(items),
        empty="Every decision was taken by a quorate meeting.",
        more_href=reverse("improvement:decision_log", args=[slug]),
        order=20,
    )
