"""Writes of rapid reviews: the business unit records when the review went to the Panel, its
recommendation, the review meeting, the safeguarding partners' decision and the Panel's
response; the independent scrutineer records their review of the decision.

The decision is the safeguarding partners' only when it is taken at the review meeting with all
three of them present (the partnership's quorum rule of all three statutory partners, applied to
the meeting's attendance as the learning cycle's meetings record it): a decision recorded or
changed otherwise is refused, saying who was missing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.terms import Quorum
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.rapid_reviews.models import RapidReview
from assurance.reviews.rapid_reviews.rules import rapid_review_problems
from assurance.reviews.rapid_reviews.selectors import partners_quorum, rapid_review_of

FIELDS = (
    "sent_on",
    "recommendation",
    "recommendation_reasons",
    "decision",
    "decided_on",
    "decision_reasons",
    "panel_response",
    "panel_response_on",
)


def rapid_review_record(
    *, actor: Actor, incident: SeriousIncident, today: date | None = None, **fields: Any
) -> RapidReview:
    actor.require("review.manage")
    require_same_partnership(actor, incident)
    review = rapid_review_of(incident=incident)
    stored = (review.decision, review.decided_on)
    for name in FIELDS:
        if name in fields:
            setattr(review, name, fields[name] if fields[name] is not None else _blank(name))
    problems = rapid_review_problems(
        became_aware_on=incident.became_aware_on,
        today=today or timezone.localdate(),
        **{name: getattr(review, name) for name in FIELDS},
    )
    if problems:
        raise ValidationError(problems)
    if review.scrutineer_review and not review.decision:
        raise ValidationError(
            {"decision": "The scrutineer has reviewed the decision: it cannot be taken away."}
        )
    if review.decision and (review.decision, review.decided_on) != stored:
        review.decision_quorum = _partners_decide(review)
    elif not review.decision:
        review.decision_quorum = ""
    with transaction.atomic():
        save_as(review, actor)
    return review


def _why_not(quorum: Quorum) -> str:
    """What kept a meeting from being quorate, without the explanation's own "Not quorate: "
    (the refusal says so once)."""
    return quorum.explanation.removeprefix("Not quorate: ")


def _partners_decide(review: RapidReview) -> str:
    """The quorum under which the safeguarding partners decide; a refusal naming what is
    missing when they cannot."""
    meeting = review.meeting
    if meeting is None:
        raise ValidationError(
            {
                "decision": "Link the review meeting first: the safeguarding partners decide at "
                "a meeting where the local authority, the police and health are all present."
            }
        )
    quorum = partners_quorum(meeting)
    if not quorum.met:
        raise ValidationError(
            {
                "decision": "This cannot be recorded as the safeguarding partners' decision: "
                f"the review meeting ({meeting}) was not quorate: {_why_not(quorum)} Record "
                "the meeting's attendance, or link the meeting where all three were present."
            }
        )
    if review.decided_on is not None and review.decided_on < meeting.held_on:
        raise ValidationError(
            {
                "decided_on": "The decision was taken at the review meeting on "
                f"{meeting.held_on:%-d %B %Y}: enter that date or a later one."
            }
        )
    return quorum.explanation


def rapid_review_meeting_link(
    *, actor: Actor, incident: SeriousIncident, meeting: Meeting
) -> RapidReview:
    """The review meeting: one of the partnership's meetings, held since the local authority
    became aware. Fixed once the decision taken there is recorded."""
    actor.require("review.manage")
    require_same_partnership(actor, incident, meeting)
    review = rapid_review_of(incident=incident)
    if meeting.held_on < incident.became_aware_on:
        raise ValidationError(
            {
                "meeting": "The review meeting is held after the local authority became aware "
                f"({incident.became_aware_on:%-d %B %Y}): choose a later meeting."
            }
        )
    if review.decision and review.meeting_id not in (None, meeting.pk):
        raise ValidationError(
            {
                "meeting": "The safeguarding partners' decision was recorded at the review "
                f"meeting {review.meeting}: it cannot move to another meeting."
            }
        )
    review.meeting = meeting
    with transaction.atomic():
        save_as(review, actor)
    return review


def _blank(name: str) -> Any:
    return None if name.endswith("_on") else ""


def rapid_review_scrutinise(
    *, actor: Actor, incident: SeriousIncident, scrutineer_review: str, today: date | None = None
) -> RapidReview:
    """The independent scrutineer's review of the safeguarding partners' decision."""
    actor.require("review.scrutinise")
    require_same_partnership(actor, incident)
    review = rapid_review_of(incident=incident)
    if review.pk is None or not review.decision:
        raise ValidationError("The scrutineer reviews a decision once the partners have taken it.")
    review.scrutineer_review = scrutineer_review.strip()
    review.scrutineer_reviewed_on = today or timezone.localdate()
    review.scrutineer = actor.person
    with transaction.atomic():
        save_as(review, actor)
    return review
