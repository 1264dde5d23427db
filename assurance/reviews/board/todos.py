"""What serious incident reviews ask of each person: for the business unit's to-do list, the
reviews with a deadline missed or within two working days; for the scrutineer's home page, the
safeguarding partners' decisions they have not yet reviewed."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse

from assurance.core.registry import ReviewItem, ReviewSection, Todo
from assurance.core.roles import Role
from assurance.partnerships.access import Actor
from assurance.reviews.board.selectors import SHOW_ALL, SHOW_OPEN, board
from assurance.reviews.board.timeline import REMIND_WORKING_DAYS

REVIEW_LIMIT = 10


def review_todos(actor: Actor) -> list[Todo]:
    if not actor.can("review.manage"):
        return []
    due = [
        row
        for row in board(actor=actor, show=SHOW_OPEN).rows
        if row.timeline.next is not None
        and row.timeline.next.days_left is not None
        and (row.timeline.next.late or row.timeline.next.days_left <= REMIND_WORKING_DAYS)
    ]
    if not due:
        return []
    return [
        Todo(
            "Serious incident deadlines missed or due within two working days",
            reverse("reviews:board", args=[actor.partnership.slug]),
            count=len(due),
            priority=5,
        )
    ]


def decision_review(actor: Actor, since: datetime | None) -> ReviewSection | None:
    """For the scrutineer: the decisions on rapid reviews they have not reviewed yet."""
    if not actor.has_role(Role.SCRUTINEER) or not actor.can("review.scrutinise"):
        return None
    slug = actor.partnership.slug
    waiting = [
        row.review
        for row in board(actor=actor, show=SHOW_ALL).rows
        if row.review.decision and row.review.scrutinised_on is None
    ]
    items = tuple(
        ReviewItem(
            f"The decision on serious incident {review.reference}",
            reverse("reviews:rapid_review_scrutinise", args=[slug, review.pk]),
            detail=f"{review.decision_label}, decided {review.decided_on:%-d %B %Y}",
        )
        for review in waiting[:REVIEW_LIMIT]
    )
    return ReviewSection(
        "Review decisions awaiting your review",
        items,
        total=len(waiting),
        empty="You have reviewed every decision on a rapid review.",
        more_href=reverse("reviews:board", args=[slug]) + "?show=all",
        order=15,
    )
