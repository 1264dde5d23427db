"""Writes of rounds: opening one, with its participants."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.core.history import save_as
from assurance.frameworks.models import Framework, FrameworkKind
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency
from assurance.selfassessment.rounds import rules, selectors
from assurance.selfassessment.rounds.models import (
    Audience,
    Participant,
    ParticipantStatus,
    Round,
)


def round_open(
    *,
    actor: Actor,
    framework: Framework,
    year: int,
    audience: str,
    deadline: date,
    phases: list[str] | None = None,
    type_groups: list[str] | None = None,
    today: date | None = None,
) -> Round:
    """Open a round of a self-assessment framework for a business year: every active agency of
    the partnership, or every open school and college of the phases and types chosen (none
    chosen: all), takes part. Refused, naming the field: a framework that is not a
    self-assessment, a second round within the framework's cadence (two years for Section 11),
    a deadline that has passed, or nobody to take part."""
    actor.require("self_assessment.manage")
    require_same_partnership(actor, framework)
    today = today or timezone.localdate()
    phases, type_groups = sorted(phases or []), sorted(type_groups or [])
    if framework.kind != FrameworkKind.SELF_ASSESSMENT:
        raise ValidationError({"framework": f"{framework.name} is not a self-assessment tool."})
    every = rules.cadence_years(framework.name)
    clash = rules.round_clash(
        year=year, every=every, other_years=selectors.round_years(actor=actor, framework=framework)
    )
    if clash:
        raise ValidationError({"year": clash})
    if deadline <= today:
        raise ValidationError({"deadline": "The deadline must be after today."})
    if audience == Audience.AGENCIES:
        agencies = list(Agency.objects_for(actor.partnership).filter(is_active=True))
        settings = []
        if not agencies:
            raise ValidationError({"audience": "The partnership has no active agencies."})
    else:
        agencies = []
        settings = list(
            selectors.open_settings(actor=actor, phases=phases, type_groups=type_groups)
        )
        if not settings:
            raise ValidationError(
                {"phases": "No open school or college is of the phases and types chosen."}
            )
    with transaction.atomic():
        round = save_as(
            Round(
                partnership=actor.partnership,
                framework=framework,
                year=year,
                every_years=every,
                audience=audience,
                phases=phases if audience == Audience.SETTINGS else [],
                type_groups=type_groups if audience == Audience.SETTINGS else [],
                deadline=deadline,
                opened_at=timezone.now(),
            ),
            actor,
        )
        bulk_create_with_history(
            [
                *(
                    Participant(partnership=actor.partnership, round=round, agency=a)
                    for a in agencies
                ),
                *(
                    Participant(partnership=actor.partnership, round=round, setting=s)
                    for s in settings
                ),
            ],
            Participant,
            default_user=actor.user,
            default_change_reason="Round opened",
        )
    return round


# A participant's status moves with its return: begun, signed off and submitted, unlocked.
STATUS_MOVES = {
    (ParticipantStatus.NOT_STARTED, ParticipantStatus.IN_PROGRESS),
    (ParticipantStatus.IN_PROGRESS, ParticipantStatus.SUBMITTED),
    (ParticipantStatus.SUBMITTED, ParticipantStatus.IN_PROGRESS),
}


def participant_status_move(*, participant: Participant, status: str, actor: Any) -> Participant:
    """Move a participant on: not started → in progress (its return begun), in progress →
    submitted (signed off; the time kept), submitted → in progress (unlocked). Staying where it
    is changes nothing; any other move is refused. Its return's services call this, with the
    actor who made the change (or a user, for the demo)."""
    if participant.status == status:
        return participant
    if (participant.status, status) not in STATUS_MOVES:
        raise ValidationError(
            f"{participant.name} cannot go from {participant.get_status_display().lower()} to "
            f"{ParticipantStatus(status).label.lower()}."
        )
    participant.status = status
    participant.submitted_at = timezone.now() if status == ParticipantStatus.SUBMITTED else None
    return save_as(participant, actor)
