"""Reads of the scrutineer's challenges, scoped to the actor."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from assurance.improvement.scrutiny.models import Challenge, ChallengeStatus
from assurance.partnerships.access import Actor, get_for_actor, scoped

# --- challenges ---------------------------------------------------------------------------------


def challenge_list(*, actor: Actor, status: str | None = None) -> QuerySet[Challenge]:
    challenges = scoped(
        actor,
        Challenge.unscoped.select_related("agency", "person", "raised_by"),
        "challenge.view",
    )
    if status == "open":
        challenges = challenges.exclude(status=ChallengeStatus.CLOSED)
    elif status:
        challenges = challenges.filter(status=status)
    return challenges


def get_challenge(*, actor: Actor, pk: Any) -> Challenge:
    return get_for_actor(
        actor,
        Challenge.unscoped.select_related(
            "agency", "person", "raised_by", "answered_by", "meeting__group", "recommendation"
        ),
        "challenge.view",
        pk,
    )


def challenges_to_answer(*, actor: Actor) -> QuerySet[Challenge]:
    """Open challenges the actor's agency must answer (agency leads; all for the BU)."""
    if not actor.can("challenge.answer"):
        return Challenge.unscoped.none()
    return scoped(actor, Challenge.unscoped.all(), "challenge.answer").filter(
        status=ChallengeStatus.OPEN
    )


def challenge_is_overdue(challenge: Challenge, today: date | None = None) -> bool:
    return challenge.status == ChallengeStatus.OPEN and challenge.respond_by < (
        today or timezone.localdate()
    )


def challenges_answered(*, actor: Actor) -> QuerySet[Challenge]:
    """Answered challenges awaiting the scrutineer's judgement."""
    return Challenge.objects_for(actor.partnership).filter(status=ChallengeStatus.ANSWERED)
