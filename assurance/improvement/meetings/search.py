"""What meetings offer to search: the groups' meetings (by group, place and minutes), read
through ``meeting_list``."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet, Value
from django.db.models.functions import Concat
from django.urls import reverse

from assurance.core.registry import SearchSource
from assurance.improvement.meetings import selectors
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.models import Group


def _meetings(actor: Any) -> QuerySet[Any] | None:
    return selectors.meeting_list(actor=actor) if actor.can("meeting.view") else None


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
    link=lambda actor, pk: reverse("improvement:meeting_detail", args=[actor.partnership.slug, pk]),
    order=35,
    depends_on=((Group, "group"),),
)

SOURCES = (MEETINGS,)
