"""What meetings offer to search: the groups' meetings (by group, place and minutes), read
through ``meeting_list``."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat

from assurance.core.links import record_link
from assurance.core.registry import SearchSource
from assurance.improvement.meetings import selectors
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.models import Group


def _meetings(actor: Any) -> QuerySet[Any] | None:
    return selectors.visible_meetings(actor=actor) if actor.can("meeting.view") else None


MEETINGS = SearchSource(
    kind="meeting",
    label="Meetings",
    singular="Meeting",
    records=_meetings,
    model=Meeting,
    fields=("group__name", "group__short_name", "location", "minutes"),
    title=Concat(F("group__name"), Value(" meeting")),
    summary=F("minutes"),
    when="held_on",
    link=lambda actor, pk: record_link(
        "improvement:meeting_detail", actor.partnership.slug, key=pk
    ),
    order=35,
    depends_on=((Group, "group"),),
)

SOURCES = (MEETINGS,)
