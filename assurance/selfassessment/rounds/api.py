"""The API's way to a round: found by id among the caller's partnerships, then read through
the partnership's actor (the permission layer), so every round endpoint answers the same 404."""

from __future__ import annotations

from django.http import Http404
from rest_framework.exceptions import NotFound
from rest_framework.request import Request

from assurance.core.permissions import Scope
from assurance.partnerships.access import Actor
from assurance.partnerships.api import partnership_actor
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.rounds.selectors import get_round, round_of_user


def round_for_request(request: Request, pk: int) -> tuple[Actor, Round]:
    """The caller's actor in the round's partnership (needing ``self_assessment.view``) and the
    round; NotFound when it is not a round of one of the caller's partnerships."""
    found = round_of_user(user=request.user, pk=pk)
    if found is None:
        raise NotFound("No such round.")
    slug, round = found
    actor = partnership_actor(request, slug, permission="self_assessment.view")
    if actor.scope("self_assessment.view") is Scope.ALL:
        # every round of the actor's partnership is theirs to see: the one found is the one
        # ``get_round`` would read again
        round.partnership = actor.partnership
        return actor, round
    try:
        return actor, get_round(actor=actor, pk=pk)
    except Http404 as exc:  # pragma: no cover - the actor was checked
        raise NotFound("No such round.") from exc
