"""What the scrutineer's challenges ask of each person, for the home page's to-do list, and
the challenges still awaiting an answer, for the scrutineer's review."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from assurance.core.permissions import Scope
from assurance.core.registry import ReviewItem, ReviewSection, Todo
from assurance.core.roles import Role
from assurance.improvement.scrutiny import selectors
from assurance.improvement.scrutiny.models import ChallengeStatus
from assurance.partnerships.access import Actor


def challenge_todos(actor: Actor) -> list[Todo]:
    todos: list[Todo] = []
    slug = actor.partnership.slug
    to_answer = selectors.challenges_to_answer(actor=actor).count()
    if to_answer:
        todos.append(
            Todo(
                "Answer the scrutineer's challenges to your agency"
                if actor.scope("challenge.answer") is Scope.OWN_AGENCY
                else "Challenges awaiting an agency's answer",
                reverse("improvement:challenge_list", args=[slug]) + "?status=open",
                count=to_answer,
                priority=15,
            )
        )
    if actor.can("challenge.record"):
        answered = selectors.challenges_answered(actor=actor).count()
        if answered:
            todos.append(
                Todo(
                    "Judge the answers to your challenges",
                    reverse("improvement:challenge_list", args=[slug]) + "?status=answered",
                    count=answered,
                    priority=15,
                )
            )
    return todos


REVIEW_LIMIT = 10


def challenge_review(actor: Actor, since: datetime | None) -> ReviewSection | None:
    """For the scrutineer: their challenges still awaiting an agency's answer, the soonest due
    first; overdue ones say so."""
    if not actor.has_role(Role.SCRUTINEER):
        return None
    slug = actor.partnership.slug
    waiting = (
        selectors.challenge_list(actor=actor)
        .filter(status=ChallengeStatus.OPEN)
        .order_by("respond_by", "pk")
    )
    today = timezone.localdate()
    items = tuple(
        ReviewItem(
            challenge.subject,
            reverse("improvement:challenge_detail", args=[slug, challenge.pk]),
            detail=f"To {challenge.agency.name}, answer by {challenge.respond_by:%-d %B %Y}",
            tag="Answer overdue" if selectors.challenge_is_overdue(challenge, today) else "",
            tag_colour="red",
        )
        for challenge in waiting[:REVIEW_LIMIT]
    )
    return ReviewSection(
        "Challenges awaiting an answer",
        items,
        total=waiting.count() if len(items) == REVIEW_LIMIT else len(items),
        empty="Every challenge has been answered.",
        more_href=reverse("improvement:challenge_list", args=[slug]) + "?status=open",
        order=10,
    )
