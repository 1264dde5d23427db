"""Northfield's returns: the 2024/25 Section 11 round, every agency signed off by one of its
leads; a 2024/25 Section 175/157 round (opened here), every school signed off; the 2025/26
Section 175/157 round, most schools signed off by their head (with some
standards partly met or not met, weakest in online safety and in children who need extra help),
some in progress, some not started, and every unsubmitted one overdue. Northfield Primary School
(the demo school's users) is in progress: its lead saved the first section, with a file and a
link as evidence, and the rest of last year's answers wait, carried forward, to be confirmed.

Bulk: each round's assessments, returns, answers and the participants' new status are written in
a few statements, with their history rows (``bulk_create_with_history``), as the audits' demo
writes its answers. Idempotent: a round with returns already is left as it is."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from assurance.frameworks.assessments import framework_freeze
from assurance.frameworks.models import Answer, Assessment, Item
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Partnership, Person
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.returns.services import evidence_add, return_section_save
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round
from assurance.selfassessment.rounds.services import round_open
from assurance.selfassessment.settings.models import SettingMember, SettingRole

DEMO_SCHOOL = 990001  # Northfield Primary School: the demo school's users
WEAK_SECTIONS = {"4", "5"}  # where the demo's schools rate themselves lowest
NARRATIVES = {
    "Fully met": "In place and checked this year: {evidence}",
    "Partly met": "In place but not yet consistent: {evidence} An action is in our plan.",
    "Not met": "Not yet in place. We have asked the partnership for support: {evidence}",
}


def load_demo_returns(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None:
        return
    rounds = Round.objects_for(partnership).select_related("framework")
    s175 = rounds.filter(framework__name__startswith="Section 175", year=2025).first()
    s11 = rounds.filter(framework__name__startswith="Section 11", year=2024).first()
    with transaction.atomic():
        if s11 is not None:
            _fill(s11, lambda rng: "submitted")
        if s175 is not None:
            last_year = _last_years_round(partnership, s175)
            if last_year is not None:
                _fill(last_year, lambda rng: "submitted")
            _fill(s175, _school_state, leave_demo_school=True)
            _demo_school(partnership, s175)


def _last_years_round(partnership: Partnership, round: Round) -> Round | None:
    """The 2024/25 round of the same tool for the same schools, every one submitted: what the
    2025/26 returns carry forward from."""
    found = (
        Round.objects_for(partnership)
        .filter(framework__family=round.framework.family, year=round.year - 1)
        .first()
    )
    if found is not None:
        return found
    unit = Person.objects_for(partnership).filter(is_business_unit=True, is_active=True).first()
    if unit is None:
        return None
    return round_open(
        actor=actor_for_person(unit),
        framework=round.framework,
        year=round.year - 1,
        audience=round.audience,
        deadline=date(round.year, 12, 13),
        today=date(round.year, 9, 9),
    )


def _school_state(rng: random.Random) -> str:
    draw = rng.random()
    return "submitted" if draw < 0.74 else "in_progress" if draw < 0.87 else "not_started"


def _rating(rng: random.Random, item: Item) -> str:
    weak = item.section.code in WEAK_SECTIONS
    draw = rng.random()
    if draw < (0.55 if weak else 0.8):
        return "Fully met"
    return "Partly met" if draw < (0.88 if weak else 0.96) else "Not met"


def _signers(round: Round) -> dict[int, Person]:
    """Who signs each participant's return off: a school's head user, or the agency's first
    lead (a school without a head user gets a made-up head's name)."""
    partnership = round.partnership
    if round.audience == "settings":
        found: dict[int, Person] = {}
        for member in (
            SettingMember.objects_for(partnership)
            .filter(role=SettingRole.HEAD)
            .select_related("person")
        ):
            found.setdefault(member.setting_id, member.person)
        return found
    leads: dict[int, Person] = {}
    for person in Person.objects_for(partnership).filter(is_agency_lead=True).order_by("pk"):
        if person.agency_id is not None:
            leads.setdefault(person.agency_id, person)
    return leads


def _fill(round: Round, state_of: Any, *, leave_demo_school: bool = False) -> None:
    partnership = round.partnership
    if SelfAssessmentReturn.objects_for(partnership).filter(participant__round=round).exists():
        return
    unit = Person.objects_for(partnership).filter(is_business_unit=True).first()
    user = unit.user if unit is not None else None
    framework = framework_freeze(framework=round.framework)
    items = list(
        Item.objects.filter(section__framework=framework)
        .select_related("section", "scale")
        .prefetch_related("scale__options")
        .order_by("section__order", "order")
    )
    options = {
        item.pk: {o.label: o for o in item.scale.options.all()} if item.scale else {}
        for item in items
    }
    sections = sorted({item.section.order for item in items})
    signers = _signers(round)
    opened = timezone.make_aware(datetime.combine(round.opened_at.date(), time(9)))
    participants = list(
        Participant.objects_for(partnership)
        .filter(round=round, status=ParticipantStatus.NOT_STARTED)
        .select_related("setting", "agency")
        .order_by("pk")
    )
    chosen: list[tuple[Participant, str, random.Random]] = []
    for participant in participants:
        if (
            leave_demo_school
            and participant.setting is not None
            and participant.setting.urn == DEMO_SCHOOL
        ):
            continue
        key = participant.setting.urn if participant.setting else participant.agency_id
        rng = random.Random(f"{round.pk}-{key}")
        state = state_of(rng)
        if state != "not_started":
            chosen.append((participant, state, rng))
    assessments = Assessment.unscoped.bulk_create(
        [Assessment(partnership=partnership, framework=framework, revision=1) for _ in chosen]
    )
    returns, answers, moved = [], [], []
    for (participant, state, rng), assessment in zip(chosen, assessments, strict=True):
        started = opened + timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 6))
        submitted = started + timedelta(days=rng.randint(1, 20)) if state == "submitted" else None
        signer = signers.get(participant.setting_id or participant.agency_id or 0)
        name = signer.full_name if signer is not None else _head_name(rng)
        done = len(sections) if submitted else rng.randint(1, len(sections) - 1)
        for item in items:
            if item.section.order not in sections[:done]:
                continue
            label = _rating(rng, item)
            answers.append(
                Answer(
                    assessment=assessment,
                    item=item,
                    option=options[item.pk].get(label),
                    evidence=NARRATIVES[label].format(evidence=_evidence(item)),
                )
            )
        returns.append(
            SelfAssessmentReturn(
                partnership=partnership,
                participant=participant,
                assessment=assessment,
                started_at=started,
                signed_off_by=signer if submitted else None,
                signed_off_name=name if submitted else "",
                submitted_at=submitted,
            )
        )
        participant.status = state
        participant.submitted_at = submitted
        participant.version = F("version") + 1  # as a save counts (Participant.version)
        moved.append(participant)
    bulk_create_with_history(returns, SelfAssessmentReturn, batch_size=500, default_user=user)
    bulk_create_with_history(answers, Answer, batch_size=500, default_user=user)
    bulk_update_with_history(
        moved, Participant, ["status", "submitted_at", "version"], batch_size=500, default_user=user
    )


FIRST = ["Aisha", "Ben", "Claire", "Darren", "Elif", "Fiona", "Gareth", "Helen", "Imran", "Joy"]
LAST = ["Adebayo", "Brennan", "Chowdhury", "Doyle", "Evans", "Fraser", "Gill", "Hughes", "Iqbal"]


def _head_name(rng: random.Random) -> str:
    """A made-up head for a demo school that has no head user."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _evidence(item: Item) -> str:
    guidance = item.guidance.strip()
    return guidance.removeprefix("Evidence:").strip() if guidance else "see the attached records."


def _demo_school(partnership: Partnership, round: Round) -> None:
    """Northfield Primary's lead has saved the first section, through the page's service."""
    participant = (
        Participant.objects_for(partnership)
        .filter(round=round, setting__urn=DEMO_SCHOOL, status=ParticipantStatus.NOT_STARTED)
        .first()
    )
    lead = (
        SettingMember.objects_for(partnership)
        .filter(setting__urn=DEMO_SCHOOL, role=SettingRole.DSL, person__is_active=True)
        .select_related("person", "person__partnership")
        .first()
    )
    if participant is None or lead is None:
        return
    first = (
        Item.objects.filter(section__framework=round.framework, section__order=1)
        .select_related("scale", "section")
        .order_by("order")
    )
    answers = {}
    for n, item in enumerate(first):
        label = "Partly met" if n == 1 else "Fully met"
        option = item.scale.options.get(label=label) if item.scale else None
        answers[item.pk] = {
            "option": option.pk if option else None,
            "evidence": NARRATIVES[label].format(evidence=_evidence(item)),
        }
    actor = actor_for_person(lead.person)
    return_section_save(
        actor=actor,
        participant=participant,
        answers=answers,
        expected_revision=0,
        confirmed=answers.keys(),
    )
    items = list(first)
    evidence_add(
        actor=actor,
        participant=participant,
        item=items[0],
        description="Safeguarding governor's report to the full governing board, March 2025",
        file=SimpleUploadedFile(
            "Safeguarding governor report March 2025.txt", GOVERNOR_REPORT.encode()
        ),
    )
    evidence_add(
        actor=actor,
        participant=participant,
        item=items[-1],
        description="Our child protection policy, as published on the school's website",
        link="https://northfield-primary.example/policies/child-protection",
    )


GOVERNOR_REPORT = """Northfield Primary School: the safeguarding governor's report, March 2025
(made-up demo text)

The safeguarding governor met the designated safeguarding lead each term, checked the single
central record and reviewed the child protection policy with the governing board.
"""
