"""Reads of settings, through the permission layer."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from assurance.partnerships.access import Actor, get_for_actor
from assurance.selfassessment.settings.models import Setting, SettingStatus


def _visible(actor: Actor) -> QuerySet[Setting]:
    actor.require("setting.view")
    return Setting.objects_for(actor.partnership)


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
    return get_for_actor(actor, Setting.unscoped.all(), "setting.view", pk)
