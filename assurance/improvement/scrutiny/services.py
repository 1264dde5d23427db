"""Writes of independent scrutiny: raising a challenge, an agency's answer, and closing it with
its outcome. Every write checks the actor's permission and records history."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.core.permissions import Scope
from assurance.improvement.learning.models import (
    Recommendation,
)
from assurance.improvement.meetings.models import (
    Meeting,
)
from assurance.improvement.scrutiny.models import Challenge, ChallengeStatus
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency, Person

# --- challenges ---------------------------------------------------------------------------------


def challenge_raise(
    *,
    actor: Actor,
    agency: Agency,
    subject: str,
    detail: str,
    respond_by: date,
    person: Person | None = None,
    meeting: Meeting | None = None,
    recommendation: Recommendation | None = None,
    raised_on: date | None = None,
) -> Challenge:
    actor.require("challenge.record")
    require_same_partnership(actor, agency, person, meeting, recommendation)
    if person is not None and person.agency_id != agency.pk:
        raise ValidationError({"person": f"{person} does not work for {agency}."})
    raised_on = raised_on or timezone.localdate()
    if respond_by < raised_on:
        raise ValidationError({"respond_by": "The date to answer by must be after the challenge."})
    challenge = Challenge(
        partnership=actor.partnership,
        raised_by=actor.person,
        agency=agency,
        person=person,
        subject=subject,
        detail=detail,
        raised_on=raised_on,
        respond_by=respond_by,
        meeting=meeting,
        recommendation=recommendation,
    )
    with transaction.atomic():
        save_as(challenge, actor)
    return challenge


def challenge_answer(
    *, actor: Actor, challenge: Challenge, answer: str, answered_on: date | None = None
) -> Challenge:
    """The challenged agency's answer (its agency lead, or the business unit for it)."""
    scope = actor.require("challenge.answer")
    require_same_partnership(actor, challenge)
    if scope is Scope.OWN_AGENCY and challenge.agency_id != actor.agency_id:
        raise PermissionDenied("Only the challenged agency answers a challenge.")
    if challenge.status == ChallengeStatus.CLOSED:
        raise ValidationError("The challenge is closed.")
    challenge.answer = answer
    challenge.answered_on = answered_on or timezone.localdate()
    challenge.answered_by = actor.person
    challenge.status = ChallengeStatus.ANSWERED
    with transaction.atomic():
        save_as(challenge, actor)
    return challenge


def challenge_close(
    *,
    actor: Actor,
    challenge: Challenge,
    outcome: str,
    outcome_notes: str,
    closed_on: date | None = None,
) -> Challenge:
    """The scrutineer's judgement of the answer, which closes the challenge."""
    actor.require("challenge.record")
    require_same_partnership(actor, challenge)
    if challenge.status != ChallengeStatus.ANSWERED:
        raise ValidationError("A challenge is closed once it has been answered.")
    challenge.outcome = outcome
    challenge.outcome_notes = outcome_notes
    challenge.closed_on = closed_on or timezone.localdate()
    challenge.status = ChallengeStatus.CLOSED
    with transaction.atomic():
        save_as(challenge, actor)
    return challenge
