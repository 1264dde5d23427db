"""Reads of rounds and their participants, through the permission layer."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import router
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from assurance.core import compiled
from assurance.frameworks.models import Framework, FrameworkKind
from assurance.partnerships.access import Actor, get_of_partnership, scoped
from assurance.partnerships.models import Person
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round
from assurance.selfassessment.settings.models import Setting, SettingMember, SettingRole


def round_list(*, actor: Actor) -> QuerySet[Round]:
    """The partnership's rounds, newest first, each with how many take part and have
    submitted."""
    return (
        scoped(actor, Round.unscoped.select_related("framework"), "self_assessment.view")
        .annotate(
            n_participants=Count("participants"),
            n_submitted=Count(
                "participants", filter=Q(participants__status=ParticipantStatus.SUBMITTED)
            ),
        )
        .order_by("-year", "framework__name")
    )


def get_round(*, actor: Actor, pk: Any) -> Round:
    """The round with its framework (one compiled read: ``get_of_partnership``)."""
    return get_of_partnership(actor, Round, "self_assessment.view", pk, ("framework",))


def _fields(model: type[Any]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def round_of_user(*, user: Any, pk: int) -> tuple[str, Round] | None:
    """The round ``pk`` with its framework, and the slug of its partnership, if the user is an
    active person of that partnership (one compiled read); None otherwise, as for a round that
    does not exist. (Its partnership is the caller's to set: the actor's.)"""
    if not getattr(user, "is_authenticated", False):
        return None
    rounds, frameworks = _fields(Round), _fields(Framework)
    rows = compiled.read(
        f"{__name__}.round_of_user",
        lambda v: Round.unscoped.filter(
            pk=v["round"],
            partnership__people__user_id=v["user"],
            partnership__people__is_active=True,
        ).values_list(
            "partnership__slug", *rounds, *(f"framework__{name}" for name in frameworks)
        )[:1],
        Round,
        ints={"round": pk, "user": user.pk},
    )
    if not rows:
        return None
    using = router.db_for_read(Round)
    found = Round.from_db(using, rounds, rows[0][1 : 1 + len(rounds)])
    found.framework = Framework.from_db(using, frameworks, rows[0][1 + len(rounds) :])
    return rows[0][0], found


def participant_list(*, actor: Actor, round: Round, status: str = "") -> QuerySet[Participant]:
    actor.require("self_assessment.view")
    participants = Participant.objects_for(actor.partnership).filter(round=round)
    if status:
        participants = participants.filter(status=status)
    return participants.select_related("agency", "setting").order_by(
        "agency__name", "setting__name", "pk"
    )


def status_counts(*, actor: Actor, round: Round) -> list[tuple[str, str, int]]:
    """How many participants have each status: (status, label, count)."""
    actor.require("self_assessment.view")
    counts = dict(
        Participant.objects_for(actor.partnership)
        .filter(round=round)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [(s.value, s.label, counts.get(s.value, 0)) for s in ParticipantStatus]


def self_assessment_frameworks(*, actor: Actor) -> QuerySet[Framework]:
    """The self-assessment tools a round can run on: the latest version of each."""
    actor.require("self_assessment.manage")
    frameworks = Framework.objects_for(actor.partnership).filter(kind=FrameworkKind.SELF_ASSESSMENT)
    latest: dict[Any, int] = {}
    for framework in frameworks.order_by("family", "-version"):
        latest.setdefault(framework.family, framework.pk)
    return frameworks.filter(pk__in=latest.values()).order_by("name")


def round_years(*, actor: Actor, framework: Framework) -> list[int]:
    """The years of the rounds of every version of the framework."""
    return list(
        Round.objects_for(actor.partnership)
        .filter(framework__family=framework.family)
        .values_list("year", flat=True)
    )


def open_settings(*, actor: Actor, phases: list[str], type_groups: list[str]) -> QuerySet[Setting]:
    """The open schools and colleges of the phases and types chosen (none chosen: all)."""
    actor.require("self_assessment.manage")
    settings = Setting.objects_for(actor.partnership).exclude(status="closed")
    if phases:
        settings = settings.filter(phase__in=phases)
    if type_groups:
        settings = settings.filter(type_group__in=type_groups)
    return settings.order_by("name", "urn")


def setting_participations(*, actor: Actor, setting: Setting) -> QuerySet[Participant]:
    """The rounds a setting takes part in, for whoever may see the setting (its own users)."""
    actor.require("setting.view")
    if setting.partnership_id != actor.partnership.pk:
        raise Http404("Not found.")
    return (
        Participant.objects_for(actor.partnership)
        .filter(setting=setting)
        .select_related("round", "round__framework")
        .order_by("-round__year", "round__framework__name")
    )


def participant_recipients(participants: list[Participant]) -> dict[int, list[str]]:
    """Participant pk → the e-mail addresses of those who fill in its return: a school's
    safeguarding lead and deputies (not its head), an agency's agency leads; active ones only."""
    by_setting: dict[int, list[str]] = defaultdict(list)
    for member in SettingMember.unscoped.filter(
        setting__in={p.setting_id for p in participants if p.setting_id},
        person__is_active=True,
        role__in=[SettingRole.DSL, SettingRole.DEPUTY],
    ).select_related("person"):
        by_setting[member.setting_id].append(member.person.email)
    by_agency: dict[int | None, list[str]] = defaultdict(list)
    for person in Person.unscoped.filter(
        agency__in={p.agency_id for p in participants if p.agency_id},
        is_agency_lead=True,
        is_active=True,
    ).exclude(email=""):
        by_agency[person.agency_id].append(person.email)
    return {
        p.pk: sorted(by_setting[p.setting_id] if p.setting_id else by_agency[p.agency_id])
        for p in participants
    }
