"""Test data for the standards: ``rated(participant, {"1.1": "Not met"}, default="Fully met")``
gives a participant a return on its round's tool with every standard rated (the default, or
as named), signed off and submitted unless ``submitted=False`` (a draft, which rates nothing)."""

from __future__ import annotations

from django.utils import timezone

from assurance.frameworks.models import Answer, Assessment, Item
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus


def rated(
    participant: Participant,
    ratings: dict[str, str] | None = None,
    *,
    default: str = "Fully met",
    submitted: bool = True,
) -> SelfAssessmentReturn:
    ratings = ratings or {}
    framework = participant.round.framework
    now = timezone.now()
    assessment = Assessment.unscoped.create(
        partnership=participant.partnership, framework=framework, revision=1
    )
    items = Item.objects.filter(section__framework=framework).prefetch_related("scale__options")
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            item=item,
            option=next(
                o for o in item.scale.options.all() if o.label == ratings.get(item.code, default)
            ),
            evidence=f"Our evidence for {item.code}.",
        )
        for item in items
        if item.scale is not None
    )
    sa_return = SelfAssessmentReturn.unscoped.create(
        partnership=participant.partnership,
        participant=participant,
        assessment=assessment,
        started_at=now,
        signed_off_name="The head" if submitted else "",
        submitted_at=now if submitted else None,
    )
    participant.status = ParticipantStatus.SUBMITTED if submitted else ParticipantStatus.IN_PROGRESS
    participant.submitted_at = now if submitted else None
    participant.save()
    return sa_return
