"""The ways in to a return, for the to-do list (the home page's; a school's users see theirs on
their school's page, which is their home, ADR 027): an agency's leads their agency's return to
fill in and sign off; a school's lead and deputies their school's return to fill in; its head the
return to sign off once every standard is answered. Until it is submitted, with its deadline
(overdue once past it)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from assurance.core.registry import Todo
from assurance.core.roles import Role
from assurance.frameworks.models import Answer, Item
from assurance.partnerships.access import Actor
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus
from assurance.selfassessment.settings.models import SettingMember, SettingRole


def _status(deadline: date) -> str:
    return "Overdue" if deadline < timezone.localdate() else f"Due {deadline:%-d %b}"


def return_todos(actor: Actor) -> list[Todo]:
    if not actor.can("sa_return.edit"):
        return []
    open_returns = Participant.unscoped.filter(partnership=actor.partnership).exclude(
        status=ParticipantStatus.SUBMITTED
    )
    if actor.has_role(Role.SETTING_USER):
        membership = (
            SettingMember.objects_for(actor.partnership)
            .filter(person=actor.person, person__is_active=True)
            .values_list("setting_id", "role")
            .first()
        )
        if membership is None:
            return []
        setting_id, role = membership
        participants = list(
            open_returns.filter(setting_id=setting_id).select_related(
                "round__framework", "setting", "self_assessment_return"
            )
        )
        if role == SettingRole.HEAD:
            return _sign_off_todos(actor, participants)
        verb = "Fill in"
    elif actor.has_role(Role.AGENCY_LEAD) and actor.person.agency_id is not None:
        participants = list(
            open_returns.filter(agency_id=actor.person.agency_id).select_related(
                "round__framework", "agency"
            )
        )
        verb = "Fill in and sign off"
    else:
        return []
    return [
        Todo(
            f"{verb} {p.name}'s {p.round.framework.name} for {p.round.year_label} by "
            f"{p.round.deadline:%-d %B %Y}",
            reverse("selfassessment:return_detail", args=[actor.partnership.slug, p.pk]),
            priority=4,
            status=_status(p.round.deadline),
        )
        for p in sorted(participants, key=lambda p: (p.round.deadline, p.pk))
    ]


def _sign_off_todos(actor: Actor, participants: list[Participant]) -> list[Todo]:
    """A head's: each open return of their school whose every standard has a rating and a
    narrative (two queries)."""
    begun = {
        p.self_assessment_return.assessment_id: p
        for p in participants
        if getattr(p, "self_assessment_return", None) is not None
    }
    if not begun:
        return []
    answered = dict(
        Answer.objects.filter(assessment_id__in=begun, option__isnull=False)
        .exclude(evidence="")
        .values_list("assessment_id")
        .annotate(n=Count("pk"))
    )
    needed = dict(
        Item.objects.filter(section__framework_id__in={p.round.framework_id for p in participants})
        .values_list("section__framework_id")
        .annotate(n=Count("pk", filter=Q(scale__isnull=False)))
    )
    return [
        Todo(
            f"Sign off {p.name}'s {p.round.framework.name} for {p.round.year_label} by "
            f"{p.round.deadline:%-d %B %Y}",
            reverse("selfassessment:return_check", args=[actor.partnership.slug, p.pk]),
            priority=4,
            status=_status(p.round.deadline),
        )
        for assessment_id, p in sorted(begun.items(), key=lambda kv: kv[1].round.deadline)
        if answered.get(assessment_id, 0) >= needed.get(p.round.framework_id, 0) > 0
    ]
