"""Writes of practice reviews (the business unit's): the review's record, and a finding made a
learning item of the learning cycle (source "Rapid review or practice review", referenced by
the incident's pseudonymised reference)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.improvement.learning import services as learning_services
from assurance.improvement.learning.models import LearningItem, LearningSource, LearningTheme
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.practice_reviews.models import MILESTONES, PracticeReview
from assurance.reviews.practice_reviews.rules import practice_review_problems
from assurance.reviews.practice_reviews.selectors import practice_review_of
from assurance.reviews.rapid_reviews.models import Outcome, RapidReview

FIELDS = (
    "terms_of_reference",
    "reviewers",
    *(f"{key}{suffix}" for key, _label in MILESTONES for suffix in ("_due", "_on")),
    "notice_working_days",
    "planned_publication_on",
    "report_sent_on",
    "publication",
    "publication_reasons",
    "published_on",
    "publication_link",
)


def _decided_on(incident: SeriousIncident) -> date:
    rapid = RapidReview.unscoped.filter(incident=incident).first()
    if rapid is None or rapid.decision != Outcome.CSPR or rapid.decided_on is None:
        raise ValidationError(
            "A practice review follows the safeguarding partners' decision to undertake one: "
            "record that decision on the rapid review first."
        )
    return rapid.decided_on


def practice_review_record(
    *, actor: Actor, incident: SeriousIncident, today: date | None = None, **fields: Any
) -> PracticeReview:
    actor.require("review.manage")
    require_same_partnership(actor, incident)
    decided_on = _decided_on(incident)
    review = practice_review_of(incident=incident)
    for name in FIELDS:
        if name in fields:
            value = fields[name]
            if value is None and name in ("publication", "publication_reasons", "publication_link"):
                value = ""
            if value is None and name == "notice_working_days":
                continue
            setattr(review, name, value)
    problems = practice_review_problems(
        decided_on=decided_on,
        today=today or timezone.localdate(),
        fields={name: getattr(review, name) for name in FIELDS},
    )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        save_as(review, actor)
    return review


def practice_review_finding(
    *,
    actor: Actor,
    incident: SeriousIncident,
    title: str,
    what_was_learned: str,
    learned_on: date | None = None,
    themes: Iterable[LearningTheme] = (),
) -> LearningItem:
    """A finding of the practice review, made a learning item: the Assurance and Review Group
    recommends on it, the executive decides, and actions follow (the golden thread)."""
    actor.require("review.manage")
    require_same_partnership(actor, incident)
    _decided_on(incident)
    review = practice_review_of(incident=incident)
    with transaction.atomic():
        if review.pk is None:
            save_as(review, actor)
        item = learning_services.learning_item_create(
            actor=actor,
            title=title,
            what_was_learned=what_was_learned,
            source=LearningSource.REVIEW,
            source_reference=f"Practice review {incident.reference}",
            learned_on=learned_on or timezone.localdate(),
            themes=themes,
        )
        review.learning_items.add(item)
    return item
