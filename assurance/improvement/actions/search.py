"""What the action log offers to search: actions, read through ``action_list`` (an agency's
own actions where the actor's scope is their agency)."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet

from assurance.core.links import record_link
from assurance.core.registry import SearchSource
from assurance.improvement.actions import selectors
from assurance.improvement.actions.models import Action
from assurance.partnerships.models import Agency


def _actions(actor: Any) -> QuerySet[Any] | None:
    return selectors.action_list(actor=actor) if actor.can("action.view") else None


ACTIONS = SearchSource(
    kind="action",
    label="Actions",
    singular="Action",
    records=_actions,
    model=Action,
    fields=("title", "measure", "owner_agency__name"),
    title=F("title"),
    summary=F("measure"),
    when="due_date",
    link=lambda actor, pk: record_link("improvement:action_detail", actor.partnership.slug, key=pk),
    order=30,
    depends_on=((Agency, "owner_agency"),),
)

SOURCES = (ACTIONS,)
