"""Reads for the round's report, through the permission layer (``sa_report.view``: the business
unit, the scrutineer and the members of the partnership's groups, such as the executive and
the education group): the round, and how many of its participants have each status."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.selfassessment.dashboard import rules as completion_rules
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round

PERMISSION = "sa_report.view"


def get_report_round(*, actor: Actor, pk: Any) -> Round:
    """The round, or 404 outside the actor's partnership."""
    return get_for_actor(actor, Round.unscoped.select_related("framework"), PERMISSION, pk)


def report_counts(*, actor: Actor, round: Round, today: date) -> dict[str, int]:
    """How many participants have each status, are overdue, and in all: one query."""
    actor.require(PERMISSION)
    totals = (
        Participant.objects_for(actor.partnership)
        .filter(round=round)
        .aggregate(
            **{s: Count("pk", filter=Q(status=s)) for s in ParticipantStatus.values},
        )
    )
    counts = {s: int(totals[s] or 0) for s in ParticipantStatus.values}
    counts["overdue"] = completion_rules.overdue_count(
        counts=counts, deadline=round.deadline, today=today
    )
    counts["total"] = sum(counts[s] for s in ParticipantStatus.values)
    return counts


def report_rounds(*, actor: Actor) -> QuerySet[Round]:
    """The partnership's rounds, newest first, each with how many take part and have
    submitted (one query)."""
    return (
        scoped(actor, Round.unscoped.select_related("framework"), PERMISSION)
        .annotate(
            n_participants=Count("participants"),
            n_submitted=Count(
                "participants", filter=Q(participants__status=ParticipantStatus.SUBMITTED)
            ),
        )
        .order_by("-year", "framework__name")
    )
