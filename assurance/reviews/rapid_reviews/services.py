"""Writes of rapid reviews: the business unit records when the review went to the Panel, its
recommendation, the safeguarding partners' decision and the Panel's response; the independent
scrutineer records their review of the decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.rapid_reviews.models import RapidReview
from assurance.reviews.rapid_reviews.rules import rapid_review_problems
from assurance.reviews.rapid_reviews.selectors import rapid_review_of

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
