"""Reads of settings, through the permission layer."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from assurance.core import compiled
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.selfassessment.settings.models import Setting, SettingMember, SettingStatus

# A setting's users see the setting they are named on (its membership), and no other
NAMED_ON_SETTING = "members__person"


def _visible(actor: Actor) -> QuerySet[Setting]:
    return scoped(actor, Setting.unscoped.all(), "setting.list")


def setting_list(
    *,
    actor: Actor,
    phase: str = "",
    type_group: str = "",
    status: str = "",
    name: str = "",
) -> QuerySet[Setting]:
    """The partnership's settings, filtered; closed ones only when asked for by status."""
    settings = _visible(actor)
    if status:
        settings = settings.filter(status=status)
    else:
        settings = settings.exclude(status=SettingStatus.CLOSED)
    if phase:
        settings = settings.filter(phase=phase)
    if type_group:
        settings = settings.filter(type_group=type_group)
    if name:
        settings = settings.filter(name__icontains=name)
    return settings.order_by("name", "urn")


def setting_choices(*, actor: Actor) -> dict[str, list[str]]:
    """The phases and type groups the partnership's settings have, for the filters."""
    settings = _visible(actor)
    return {
        "phase": sorted(set(settings.values_list("phase", flat=True)) - {""}),
        "type_group": sorted(set(settings.values_list("type_group", flat=True)) - {""}),
    }


def status_counts(*, actor: Actor) -> list[tuple[str, str, int]]:
    """How many settings have each status: (status, label, count), in the vocabulary's order."""
    counts: dict[str, Any] = dict(
        _visible(actor).values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return [(s.value, s.label, counts.get(s.value, 0)) for s in SettingStatus]


def get_setting(*, actor: Actor, pk: Any) -> Setting:
    """One setting: any of the partnership's for the business unit and the scrutineer, only
    their own for a setting's user (404 for another)."""
    return get_for_actor(
        actor, Setting.unscoped.all(), "setting.view", pk, named_field=NAMED_ON_SETTING
    )


def own_membership(*, actor: Actor) -> SettingMember:
    """The setting user's membership: which setting they act for, and as what (404 if none)."""
    actor.require("setting.own")
    member = (
        SettingMember.objects_for(actor.partnership)
        .select_related("setting")
        .filter(person=actor.person)
        .first()
    )
    if member is None:
        raise Http404("You are not a user of a school or college here.")
    return member


def member_list(*, actor: Actor, setting: Setting) -> QuerySet[SettingMember]:
    """The setting's users, active ones first, for whoever may see the setting."""
    actor.require("setting.view")
    return (
        SettingMember.objects_for(actor.partnership)
        .filter(setting=setting)
        .select_related("person", "person__user")
        .order_by("-person__is_active", "role", "person__full_name")
    )


def get_member(*, actor: Actor, setting: Setting, pk: Any) -> SettingMember:
    actor.require("setting.manage")
    try:
        return (
            SettingMember.objects_for(actor.partnership)
            .select_related("person", "setting")
            .get(setting=setting, pk=pk)
        )
    except (SettingMember.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc


def settings_stamp_read(*, partnership_id: int) -> compiled.Read:
    """The read of when the partnership's settings were last imported (every change of a
    setting is an import: ``services.settings_import``), one row from an index: what a kept
    drawing of settings' details is keyed by."""
    return compiled.read_of(
        f"{__name__}.stamp",
        lambda v: (
            Setting.unscoped.filter(partnership_id=v["partnership"])
            .order_by("-imported_at")
            .values_list("imported_at")[:1]
        ),
        Setting,
        ints={"partnership": partnership_id},
    )
