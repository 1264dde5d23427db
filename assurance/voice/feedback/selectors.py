"""Reads of feedback, the form's links and the duty inbox, scoped to the actor.

``reportable`` is the one way into feedback for every list, count and summary: it leaves out
every message flagged as a possible disclosure, handled or not. Those are read only through
``duty_list`` and ``get_flagged`` (the business unit's duty inbox)."""

from __future__ import annotations

from django.db.models import QuerySet

from assurance.core.permissions import Scope
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Agency, Partnership
from assurance.voice.feedback.disclosure import STARTER_WORDS, parse_words
from assurance.voice.feedback.models import DutyInbox, Feedback, FeedbackLink


def reportable(*, actor: Actor) -> QuerySet[Feedback]:
    """The feedback the actor may read: never a possible disclosure."""
    return scoped(
        actor, Feedback.unscoped.select_related("link", "event", "agency"), "voice.view"
    ).filter(flagged=False)


def get_feedback(*, actor: Actor, pk: int) -> Feedback:
    """One piece of feedback that is not a possible disclosure (404 otherwise)."""
    return get_for_actor(
        actor, Feedback.unscoped.select_related("link").filter(flagged=False), "voice.view", pk
    )


def duty_list(*, actor: Actor) -> QuerySet[Feedback]:
    """The duty inbox: possible disclosures, those still to handle first, newest first."""
    return (
        scoped(actor, Feedback.unscoped.select_related("link", "handled_by"), "voice.duty")
        .filter(flagged=True)
        .order_by("handled_at", "-created_at")
    )


def duty_waiting(*, actor: Actor) -> int:
    return duty_list(actor=actor).filter(handled_at__isnull=True).count()


def get_flagged(*, actor: Actor, pk: int) -> Feedback:
    return get_for_actor(
        actor,
        Feedback.unscoped.select_related("link", "handled_by").filter(flagged=True),
        "voice.duty",
        pk,
    )


def link_list(*, actor: Actor) -> QuerySet[FeedbackLink]:
    return scoped(actor, FeedbackLink.unscoped.all(), "voice.manage")


def get_link(*, actor: Actor, pk: int) -> FeedbackLink:
    return get_for_actor(actor, FeedbackLink.unscoped.all(), "voice.manage", pk)


def open_link(*, token: str) -> FeedbackLink | None:
    """The link a child followed, open or closed (None: no such link). Public: the token is
    the only key."""
    return FeedbackLink.unscoped.select_related("partnership").filter(token=token).first()


def duty_inbox(*, partnership: Partnership) -> DutyInbox | None:
    return DutyInbox.objects_for(partnership).first()


def disclosure_words(*, partnership: Partnership) -> list[str]:
    """The partnership's words, or the starter list until it has chosen its own."""
    inbox = duty_inbox(partnership=partnership)
    return parse_words(inbox.disclosure_words) if inbox else list(STARTER_WORDS)


def upload_agencies(*, actor: Actor) -> QuerySet[Agency]:
    """The agencies the actor may upload feedback for: all, or their own."""
    agencies = Agency.objects_for(actor.partnership).order_by("name")
    if actor.require("voice.upload") is Scope.OWN_AGENCY:
        agencies = agencies.filter(pk=actor.agency_id)
    return agencies
