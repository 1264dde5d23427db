"""Writes of the practitioners' surveys: the business unit starts every participant's open
link of a round and closes them; a practitioner answers through one, without signing in.

``response_submit`` stores nothing that identifies the practitioner: the answers, the date and
an optional comment, refused if it holds what looks like an identifier (``core.identifiers``).
Its history row is dated to the day, not the minute. Too many answers from one network in an
hour are refused (``core.rate_limits``, the child's feedback form's rule)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from assurance.core.clients import client_digest
from assurance.core.history import save_as
from assurance.core.identifiers import find_identifiers
from assurance.core.rate_limits import over_hourly_limit
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.selfassessment.rounds.models import Participant, Round
from assurance.selfassessment.surveys import selectors
from assurance.selfassessment.surveys.models import (
    StaffAnswer,
    StaffResponse,
    StaffSurvey,
    SurveyRequests,
)

PER_NETWORK = 60  # from one network (a digest of its address), in the hour: a staff room
PER_LINK = 600  # through one organisation's link, from anywhere, in the hour
TOO_MANY = (
    "Many answers have been sent from this network in the last hour, so we cannot take yours "
    "just now. Please try again later."
)
MAX_COMMENT = 2000


class TooManyRequests(Exception):
    """One response too many from one network (or through one link) this hour."""


def surveys_start(*, actor: Actor, round: Round, today: date | None = None) -> list[StaffSurvey]:
    """Make the open link of every participant of the round that has none yet (a participant
    added later gets one by starting again). Each link's token is random and unguessable."""
    actor.require("sa_survey.manage")
    require_same_partnership(actor, round)
    if round.deadline < (today or timezone.localdate()):
        raise ValidationError("The round's deadline has passed, so its survey cannot start.")
    made = []
    with transaction.atomic():
        participants = Participant.objects_for(actor.partnership).filter(
            round=round, staff_survey__isnull=True
        )
        for participant in participants:
            survey = StaffSurvey(
                partnership=actor.partnership,
                participant=participant,
                token=secrets.token_urlsafe(32),
            )
            made.append(save_as(survey, actor))
    return made


def surveys_close(*, actor: Actor, round: Round) -> int:
    """Close every open link of the round: no more answers; what was sent is kept."""
    actor.require("sa_survey.manage")
    require_same_partnership(actor, round)
    now = timezone.now()
    closed = 0
    with transaction.atomic():
        for survey in StaffSurvey.objects_for(actor.partnership).filter(
            participant__round=round, closed_at__isnull=True
        ):
            survey.closed_at = now
            save_as(survey, actor)
            closed += 1
    return closed


def _count_request(*, survey: StaffSurvey, client: str, now: datetime) -> None:
    hour = now.replace(minute=0, second=0, microsecond=0)
    SurveyRequests.unscoped.filter(hour__lt=hour).delete()
    digest = client_digest(client)
    this_hour = SurveyRequests.unscoped.filter(survey=survey, hour=hour)
    if over_hourly_limit(
        from_network=this_hour.filter(client_digest=digest).aggregate(n=Sum("count"))["n"] or 0,
        by_link=this_hour.aggregate(n=Sum("count"))["n"] or 0,
        per_network=PER_NETWORK,
        per_link=PER_LINK,
    ):
        raise TooManyRequests(TOO_MANY)
    row, _ = SurveyRequests.unscoped.get_or_create(
        partnership_id=survey.partnership_id, survey=survey, client_digest=digest, hour=hour
    )
    SurveyRequests.unscoped.filter(pk=row.pk).update(count=F("count") + 1)


def response_submit(
    *,
    survey: StaffSurvey,
    answers: Mapping[str, str],
    comment: str = "",
    client: str | None = None,
    today: date | None = None,
) -> StaffResponse:
    """Store one practitioner's answers through the open link (nobody is signed in). Every
    standard needs an answer on the scale ("I don't know" is one); the comment may not hold
    what looks like a name's contact details or a child's identifier. With ``client`` (the
    address the answers came from), refused (``TooManyRequests``) over the rate limit."""
    today = today or timezone.localdate()
    if not selectors.is_open(survey, today):
        raise ValidationError("This survey is closed: it no longer takes answers.")
    codes = [s.code for s in selectors.standards(round=survey.participant.round)]
    errors: dict[str, str] = {}
    for code in codes:
        if answers.get(code) not in StaffAnswer.values:
            errors[f"standard_{code}"] = f"Choose an answer for standard {code}, or “I don't know”"
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        errors["comment"] = f"Your comment must be {MAX_COMMENT:,} characters or fewer"
    elif findings := find_identifiers(comment):
        found = ", ".join(dict.fromkeys(f.label for f in findings))
        errors["comment"] = (
            f"Your comment looks like it holds {found}. Remove it: this survey is anonymous, "
            "so do not write anything that could identify you, a colleague or a child"
        )
    if errors:
        raise ValidationError(errors)
    response = StaffResponse(
        partnership=survey.partnership,
        survey=survey,
        answered_on=today,
        answers={code: answers[code] for code in codes},
        comment=comment,
    )
    # The history row is dated to the day, as the response is: not the minute it was sent
    response._history_date = timezone.make_aware(datetime.combine(today, time.min))
    with transaction.atomic():
        if client is not None:
            _count_request(survey=survey, client=client, now=timezone.now())
        save_as(response, None)
    return response
