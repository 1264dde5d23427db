"""Writes of the summary's settings: the groups with voice on every agenda."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from assurance.core.history import delete_as, save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Group
from assurance.voice.summary.models import AgendaGroup


@transaction.atomic
def agenda_groups_set(*, actor: Actor, groups: Iterable[Group]) -> list[Group]:
    """Make ``groups`` those whose every meeting has voice on its agenda."""
    actor.require("voice.manage")
    chosen = {group.pk: group for group in groups}
    require_same_partnership(actor, *chosen.values())
    current = {row.group_id: row for row in AgendaGroup.objects_for(actor.partnership)}
    for pk, row in current.items():
        if pk not in chosen:
            delete_as(row, actor)
    for pk, group in chosen.items():
        if pk not in current:
            save_as(AgendaGroup(partnership=actor.partnership, group=group), actor)
    return list(chosen.values())
