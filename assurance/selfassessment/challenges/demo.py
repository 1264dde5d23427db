"""Northfield's challenge panel: the Education and Learning Relevant Agencies Group (ELRAG)
challenges the 2025/26 Section 175/157 round's returns, and has challenged two of them. The first
school rated a standard of online safety higher than the panel found it (the panel agreed
"Partly met", with its reason) and the business unit raised an action in the action log, owned by
the agency that answers for schools; the second was confirmed as it stands. Through the services,
so each has its history. Idempotent: a round already challenged is left as it is."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from assurance.core.history import save_as
from assurance.frameworks.models import Answer, ScaleOption
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Group, Partnership, Person
from assurance.selfassessment.challenges import selectors, services
from assurance.selfassessment.challenges.models import Challenge, Outcome
from assurance.selfassessment.returns.models import ReturnEvidence
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round
from assurance.selfassessment.settings.models import SettingMember

DEMO_SCHOOLS = (990001, 990002)  # the demo school users' own schools are left unchallenged


def load_demo_challenges(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None:
        return
    round = (
        Round.objects_for(partnership)
        .filter(framework__name__startswith="Section 175", year=2025)
        .first()
    )
    group = Group.objects_for(partnership).filter(short_name="ELRAG").first()
    unit = Person.objects_for(partnership).filter(is_business_unit=True, is_active=True).first()
    if round is None or group is None or unit is None:
        return
    if Challenge.objects_for(partnership).filter(sa_return__participant__round=round).exists():
        return
    actor = actor_for_person(unit)
    with transaction.atomic():
        services.challenge_panel_set(actor=actor, round=round, group=group)
        submitted = list(
            Participant.objects_for(partnership)
            .filter(round=round, status=ParticipantStatus.SUBMITTED)
            .exclude(setting__urn__in=DEMO_SCHOOLS)
            .select_related("setting", "round", "self_assessment_return")
            .order_by("setting__urn")[:2]
        )
        if len(submitted) < 2:
            return
        _evidence(unit, submitted[0])
        _amended(actor, partnership, submitted[0])
        _confirmed(actor, submitted[1])


EVIDENCE = """Online safety: the school's record of its filtering and monitoring checks, 2025/26
(made-up demo text)

September: the filtering provider's report was read by the designated safeguarding lead.
The termly check by the governing board is not recorded.
"""


def _evidence(unit: Person, participant: Participant) -> None:
    """The first challenged school's return holds a file the panel reads beside its answers
    (written as the return's own files are; the demo's returns are written in bulk, signed)."""
    sa_return = participant.self_assessment_return
    item = (
        Answer.objects.filter(assessment_id=sa_return.assessment_id)
        .order_by("-item__section__order", "item__order")
        .values_list("item_id", flat=True)
        .first()
    )
    if item is None:
        return
    member = (
        SettingMember.objects_for(participant.partnership)
        .filter(setting_id=participant.setting_id)
        .select_related("person__user")
        .order_by("role", "pk")
        .first()
    )
    person = member.person if member is not None else unit
    evidence = ReturnEvidence(
        partnership=participant.partnership,
        sa_return=sa_return,
        item_id=item,
        description="Record of the filtering and monitoring checks, 2025/26",
        file_name="Filtering and monitoring checks 2025-26.txt",
        added_by=person,
        added_at=sa_return.submitted_at or timezone.now(),
    )
    evidence.file.save("filtering-checks.txt", ContentFile(EVIDENCE.encode()), save=False)
    save_as(evidence, person.user)


def _met_on(participant: Participant) -> Any:
    submitted = participant.submitted_at or timezone.now()
    return min(timezone.localdate(), (submitted + timedelta(days=21)).date())


def _amended(actor: Any, partnership: Partnership, participant: Participant) -> None:
    """The panel finds one "Fully met" standard (the weakest section first) only partly met."""
    answers = list(
        Answer.objects.filter(
            assessment_id=participant.self_assessment_return.assessment_id,
            option__label="Fully met",
        )
        .select_related("item__section", "option")
        .order_by("-item__section__order", "item__order")
    )
    if not answers:
        return
    answer = answers[0]
    assert answer.option is not None
    partly = ScaleOption.objects.get(scale_id=answer.option.scale_id, label="Partly met")
    reason = (
        "The narrative describes the policy, but the panel saw no record that it has been "
        "checked this year: staff at the panel could not say when it was last reviewed."
    )
    services.challenge_record(
        actor=actor,
        participant=participant,
        ratings={answer.item_id: services.Rating(option=partly, reason=reason)},
        outcome=Outcome.AMENDED,
        summary=(
            "A thorough return with good evidence of training and safer recruitment. The panel "
            f"agreed {answer.item.code} is partly met: the school should show the check is done "
            "and recorded."
        ),
        met_on=_met_on(participant),
    )
    owner = selectors.default_owner_agency(participant=participant)
    if owner is None:
        return
    services.challenge_action_raise(
        actor=actor,
        participant=participant,
        item=answer.item,
        title="record the annual check of this standard and report it to the governing board",
        owner_agency=owner,
        due_date=timezone.localdate() + timedelta(days=90),
        measure="The minutes of the governing board record the check before the next round.",
    )


def _confirmed(actor: Any, participant: Participant) -> None:
    services.challenge_record(
        actor=actor,
        participant=participant,
        ratings={},
        outcome=Outcome.CONFIRMED,
        summary="The panel agrees with every self-rating: the narratives are specific and the "
        "evidence supports them.",
        met_on=_met_on(participant),
    )
