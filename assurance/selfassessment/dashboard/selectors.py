"""Reads of a round's completion, through the permission layer: the counts by status (one
aggregate query), the participants filtered and sorted with their last activity and last chase
(one query a page, whatever their number), the filters' choices, and whom a chase reaches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from assurance.partnerships.access import Actor
from assurance.selfassessment.dashboard import rules
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round
from assurance.selfassessment.rounds.selectors import participant_recipients

KINDS = {"agency": "Agencies", "setting": "Schools and colleges"}
OVERDUE = "overdue"


@dataclass(frozen=True)
class Filters:
    """What the dashboard's filters ask for ("" = any)."""

    kind: str = ""
    status: str = ""  # a participant status, or "overdue"
    phase: str = ""
    type_group: str = ""
    area: str = ""  # a postcode district (rules.postcode_district)
    name: str = ""

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def _participants(actor: Actor, round: Round) -> QuerySet[Participant]:
    actor.require("self_assessment.view")
    return Participant.objects_for(actor.partnership).filter(round=round)


def completion_counts(*, actor: Actor, round: Round, today: date) -> dict[str, int]:
    """How many participants have each status, and how many are overdue: one query."""
    totals = _participants(actor, round).aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in ParticipantStatus.values}
    )
    counts = {status: int(totals[status] or 0) for status in ParticipantStatus.values}
    counts[OVERDUE] = rules.overdue_count(counts=counts, deadline=round.deadline, today=today)
    return counts


def filter_choices(*, actor: Actor, round: Round) -> dict[str, list[str]]:
    """The kinds, phases, types of establishment and areas among the round's participants."""
    rows = list(
        _participants(actor, round)
        .values_list("setting_id", "setting__phase", "setting__type_group", "setting__postcode")
        .distinct()
    )
    kinds = {"setting" if setting else "agency" for setting, *_ in rows}
    return {
        "kind": [k for k in KINDS if k in kinds],
        "phase": sorted({phase for _, phase, _, _ in rows if phase}),
        "type_group": sorted({group for _, _, group, _ in rows if group}),
        "area": sorted(
            {rules.postcode_district(p) for *_, p in rows if p} - {""},
            key=lambda d: (d.rstrip("0123456789"), len(d), d),
        ),
    }


def _filtered(
    participants: QuerySet[Participant], round: Round, filters: Filters, today: date
) -> QuerySet[Participant]:
    if filters.kind == "agency":
        participants = participants.filter(agency__isnull=False)
    elif filters.kind == "setting":
        participants = participants.filter(setting__isnull=False)
    if filters.status == OVERDUE:
        if round.deadline < today:
            participants = participants.exclude(status=ParticipantStatus.SUBMITTED)
        else:
            participants = participants.none()
    elif filters.status:
        participants = participants.filter(status=filters.status)
    if filters.phase:
        participants = participants.filter(setting__phase=filters.phase)
    if filters.type_group:
        participants = participants.filter(setting__type_group=filters.type_group)
    if filters.area:
        participants = participants.filter(
            Q(setting__postcode__iexact=filters.area)
            | Q(setting__postcode__istartswith=f"{filters.area} ")
        )
    if filters.name:
        participants = participants.filter(
            Q(setting__name__icontains=filters.name) | Q(agency__name__icontains=filters.name)
        )
    return participants


def last_activity() -> Subquery:
    """When the participant last changed after the round opened (its return begun or
    submitted): the latest change in its history."""
    history = apps.get_model("selfassessment", "HistoricalParticipant")
    return Subquery(
        history._default_manager.filter(id=OuterRef("pk"), history_type="~")
        .order_by()
        .values("id")
        .annotate(latest=Max("history_date"))
        .values("latest")[:1]
    )


def last_chased() -> Subquery:
    return Subquery(
        Chase.unscoped.filter(participant=OuterRef("pk"))
        .order_by()
        .values("participant")
        .annotate(latest=Max("chased_at"))
        .values("latest")[:1]
    )


_SORT_FIELDS = {"name": "sort_name", "status": "status_rank", "activity": "last_activity"}


def completion_rows(
    *, actor: Actor, round: Round, filters: Filters, sort: str, order: str, today: date
) -> QuerySet[Participant]:
    """The participants that match the filters, in the order asked for, each with
    ``last_activity`` and ``last_chased`` (None: never) and its setting or agency."""
    sort, order = rules.sort_choice(sort, order)
    participants = _filtered(_participants(actor, round), round, filters, today)
    participants = participants.select_related("agency", "setting").annotate(
        last_activity=last_activity(),
        last_chased=last_chased(),
        status_rank=Case(
            *(When(status=s, then=Value(i)) for i, s in enumerate(rules.STATUS_ORDER)),
            output_field=IntegerField(),
        ),
    )
    field: Any = {"chased": "last_chased", **_SORT_FIELDS}[sort]
    names = ("setting__name", "agency__name", "pk")
    if field == "sort_name":
        keys = [f"-{n}" if order == "desc" else n for n in names]
        return participants.order_by(*keys)
    expression = (
        F(field).desc(nulls_last=True) if order == "desc" else F(field).asc(nulls_first=True)
    )
    return participants.order_by(expression, *names)


def organisations(*, actor: Actor, round: Round) -> list[dict[str, Any]]:
    """Every participant of the round, by name, as plain values (for the API: no model
    instances for hundreds of rows): ``setting_name``, ``agency_name``, ``urn``, ``status``,
    ``submitted_at``."""
    rows = (
        _participants(actor, round)
        .order_by("setting__name", "agency__name", "pk")
        .values(
            "status",
            "submitted_at",
            setting_name=F("setting__name"),
            agency_name=F("agency__name"),
            urn=F("setting__urn"),
        )
    )
    return [dict(row) for row in rows]


def chase_candidates(
    *, actor: Actor, round: Round, ids: list[int]
) -> tuple[list[tuple[Participant, list[str]]], int]:
    """The participants of ``ids`` in the round that have not submitted, each with the
    addresses a chase goes to (empty: nobody), by name; and how many of ``ids`` had already
    submitted (left out)."""
    actor.require("self_assessment.manage")
    chosen = list(
        _participants(actor, round).filter(pk__in=ids).select_related("agency", "setting")
    )
    pending = [p for p in chosen if p.status != ParticipantStatus.SUBMITTED]
    recipients = participant_recipients(pending)
    pending.sort(key=lambda p: (p.name.lower(), p.pk))
    return [(p, recipients[p.pk]) for p in pending], len(chosen) - len(pending)


def filtered_ids(*, actor: Actor, round: Round, filters: Filters, today: date) -> list[int]:
    """The pks of every participant that matches the filters (a chase of "all filtered")."""
    return list(
        _filtered(_participants(actor, round), round, filters, today).values_list("pk", flat=True)
    )


def round_list_counts(*, rounds: QuerySet[Round]) -> QuerySet[Round]:
    """The rounds, each with how many participants have each status (``n_<status>``)."""
    return rounds.annotate(
        **{
            f"n_{status}": Count("participants", filter=Q(participants__status=status))
            for status in ParticipantStatus.values
        }
    )
