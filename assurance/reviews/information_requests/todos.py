"""What information requests ask of an agency's people, for their home page's to-do list: each
rapid review their agency has been asked to give its information to and has not yet submitted,
with its due date (late once past it), until it is submitted."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import Todo
from assurance.partnerships.access import Actor, scoped
from assurance.reviews.information_requests.models import InformationRequest, InformationStatus


def information_todos(actor: Actor) -> list[Todo]:
    if not actor.can("review_information.answer") or actor.agency_id is None:
        return []
    today = timezone.localdate()
    waiting = scoped(
        actor,
        InformationRequest.unscoped.exclude(status=InformationStatus.SUBMITTED),
        "review_information.answer",
    ).filter(agency_id=actor.agency_id)
    return [
        Todo(
            f"Give your agency's information for the rapid review of serious incident "
            f"{reference} by {due_on:%A %-d %B %Y}",
            reverse("reviews:information_request", args=[actor.partnership.slug, pk]),
            priority=3,
            status="Late" if due_on < today else f"Due {due_on:%-d %b}",
        )
        for pk, reference, due_on in waiting.order_by("due_on", "pk").values_list(
            "pk", "incident__reference", "due_on"
        )
    ]
