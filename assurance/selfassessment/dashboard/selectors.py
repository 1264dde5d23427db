"""Reads of a round's completion, through the permission layer: the counts by status (one
aggregate query), the participants filtered and sorted with their last activity and last chase
(one query a page, whatever their number), the filters' choices, and whom a chase reaches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import (
    Case,
    CharField,
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
from django.db.models.functions import Coalesce, StrIndex, Substr, Trim, TruncDate, Upper

from assurance.core import compiled
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


def _round_rows(
    name: str,
    build: Callable[[QuerySet[Participant]], QuerySet[Any]],
    *,
    actor: Actor,
    round: Round,
) -> list[tuple[Any, ...]]:
    """Rows of a query of the round's participants whose shape is the same for every round,
    compiled once per process and bound to the partnership and the round (ADR 033: building
    and compiling the query cost more than the database's answer)."""
    actor.require("self_assessment.view")
    using = Participant.unscoped.db
    template = compiled.kept(
        f"{__name__}.{name}",
        lambda v: build(
            Participant.unscoped.filter(partnership_id=v["partnership"], round_id=v["round"])
        ),
        ints=("partnership", "round"),
        using=using,
    )
    return template.rows({"partnership": actor.partnership.pk, "round": round.pk}, using)


def _counts_query(participants: QuerySet[Participant]) -> QuerySet[Any]:
    return (
        participants.order_by()
        .values("round_id")
        .annotate(**{f"n_{s}": Count("pk", filter=Q(status=s)) for s in ParticipantStatus.values})
        .values_list(*(f"n_{s}" for s in ParticipantStatus.values))
    )


def completion_counts(*, actor: Actor, round: Round, today: date) -> dict[str, int]:
    """How many participants have each status, and how many are overdue: one query."""
    found = _round_rows("counts", _counts_query, actor=actor, round=round)
    totals = found[0] if found else (0,) * len(ParticipantStatus.values)
    counts = {s: int(n or 0) for s, n in zip(ParticipantStatus.values, totals, strict=True)}
    counts[OVERDUE] = rules.overdue_count(counts=counts, deadline=round.deadline, today=today)
    return counts


def _choices_query(base: QuerySet[Participant]) -> QuerySet[Any]:
    """The distinct combinations of kind, phase, type and area among the participants (each
    area's outward code cut in SQL), in one pass over them: a row per combination, a few
    hundred at most, not a row per participant. (Four queries of one column each, joined by
    ``UNION``, read the participants and their settings four times: 2.9 ms for a round of
    600 schools where this takes a third of it.)"""
    code = Upper(Trim(Coalesce("setting__postcode", Value(""))))
    return (
        base.order_by()
        .annotate(code=code, space=StrIndex(code, Value(" ")))
        .values_list(
            Case(
                When(setting__isnull=True, then=Value("agency")),
                default=Value("setting"),
                output_field=CharField(),
            ),
            "setting__phase",
            "setting__type_group",
            Case(
                When(space__gt=0, then=Substr("code", 1, F("space") - 1)),
                default="code",
                output_field=CharField(),
            ),
        )
        .distinct()
    )


def filter_choices(*, actor: Actor, round: Round) -> dict[str, list[str]]:
    """The kinds, phases, types of establishment and areas among the round's participants:
    one query (each area checked by ``rules.postcode_district``)."""
    found: dict[str, set[str]] = {"kind": set(), "phase": set(), "type_group": set(), "area": set()}
    for kind, phase, type_group, area in _round_rows(
        "choices", _choices_query, actor=actor, round=round
    ):
        found["kind"].add(kind)
        for which, value in (("phase", phase), ("type_group", type_group), ("area", area)):
            if value:
                found[which].add(value)
    return {
        "kind": [k for k in KINDS if k in found["kind"]],
        "phase": sorted(found["phase"]),
        "type_group": sorted(found["type_group"]),
        "area": sorted(
            {rules.postcode_district(p) for p in found["area"]} - {""},
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


def _organisations_query(participants: QuerySet[Participant]) -> QuerySet[Any]:
    # the day submitted, worked out by the database in the service's time zone: a date per row
    # rather than an aware time parsed and converted in Python (most of the API's own time)
    return participants.order_by("setting__name", "agency__name", "pk").values_list(
        Coalesce("setting__name", "agency__name", Value("")),
        "setting__urn",
        "status",
        TruncDate("submitted_at"),
    )


def organisations(*, actor: Actor, round: Round) -> list[tuple[Any, ...]]:
    """Every participant of the round, by name, as plain tuples (for the API: no model
    instances or dicts for hundreds of rows): (name, URN or None, status, the day submitted
    in the service's time zone or None)."""
    return _round_rows("organisations", _organisations_query, actor=actor, round=round)


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
