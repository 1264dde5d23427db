"""Reads of a round's completion, through the permission layer: the counts by status (one
aggregate query), the participants filtered and sorted with their last activity and last chase
(one query a page, whatever their number), the filters' choices, and whom a chase reaches."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FilteredRelation,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, StrIndex, Substr, Trim, TruncDate, Upper

from assurance.core import compiled
from assurance.core.kept import kept
from assurance.core.pagination import PER_PAGE
from assurance.core.permissions import Scope
from assurance.partnerships.access import Actor
from assurance.selfassessment.dashboard import rules
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round
from assurance.selfassessment.rounds.selectors import participant_recipients
from assurance.selfassessment.settings.selectors import settings_stamp_read

KINDS = {"agency": "Agencies", "setting": "Schools and colleges"}
OVERDUE = "overdue"


@dataclass(frozen=True)
class Filters:
    """What the dashboard's filters ask for ("" = any)."""

    kind: str = ""
    status: str = ""  # a participant status, or "overdue"
    phase: str = ""
    type_group: str = ""
    area: str = ""  # a postcode district in capitals (rules.postcode_district)
    name: str = ""

    @property
    def active(self) -> bool:
        return any(vars(self).values())


def _participants(actor: Actor, round: Round) -> QuerySet[Participant]:
    actor.require("self_assessment.view")
    return Participant.objects_for(actor.partnership).filter(round=round)


def _round_read(
    name: str,
    build: Callable[[QuerySet[Participant]], QuerySet[Any]],
    *,
    actor: Actor,
    round: Round,
) -> compiled.Read:
    """A query of the round's participants whose shape is the same for every round, compiled
    once per process and bound to the partnership and the round (ADR 033: building and
    compiling the query cost more than the database's answer)."""
    actor.require("self_assessment.view")
    return compiled.read_of(
        f"{__name__}.{name}",
        lambda v: build(
            Participant.unscoped.filter(partnership_id=v["partnership"], round_id=v["round"])
        ),
        Participant,
        ints={"partnership": actor.partnership.pk, "round": round.pk},
    )


def _round_rows(
    name: str,
    build: Callable[[QuerySet[Participant]], QuerySet[Any]],
    *,
    actor: Actor,
    round: Round,
) -> list[tuple[Any, ...]]:
    return _round_read(name, build, actor=actor, round=round).rows()


def dashboard_reads(*, actor: Actor, round: Round) -> list[compiled.Read]:
    """What ``completion`` reads (the counts and the settings' last import), to read ahead
    with the round (``compiled.ahead``)."""
    return [
        _round_read("counts", _counts_query, actor=actor, round=round),
        settings_stamp_read(partnership_id=actor.partnership.pk),
    ]


_TAKING_PART = ("taking_part", "settings", "agencies", "latest")


def _counts_query(participants: QuerySet[Participant]) -> QuerySet[Any]:
    return (
        participants.order_by()
        .values("round_id")
        .annotate(
            **{f"n_{s}": Count("pk", filter=Q(status=s)) for s in ParticipantStatus.values},
            taking_part=Count("pk"),
            settings=Sum("setting_id"),
            agencies=Sum("agency_id"),
            latest=Max("pk"),
            versions=Sum("version"),
        )
        .values_list(*(f"n_{s}" for s in ParticipantStatus.values), *_TAKING_PART, "versions")
    )


@dataclass(frozen=True)
class Completion:
    counts: dict[str, int]  # participants by status, and how many are overdue
    # who takes part: how many, their settings' and agencies' ids added up, the latest added
    # (any participant added, removed or changed to another setting or agency changes it)
    taking_part: tuple[Any, ...]
    # their versions added up (``Participant.version``): moves on with any change to one of them
    versions: int
    # when the partnership's settings were last imported (how a setting's details change)
    settings_imported: Any


def completion(*, actor: Actor, round: Round, today: date) -> Completion:
    """How many participants have each status, and how many are overdue, who takes part and
    how far they and their settings have changed: two reads (read ahead together by the
    dashboard: ``dashboard_reads``)."""
    found = _round_rows("counts", _counts_query, actor=actor, round=round)
    stamp = settings_stamp_read(partnership_id=actor.partnership.pk).rows()
    statuses = len(ParticipantStatus.values)
    row = found[0] if found else (0,) * (statuses + len(_TAKING_PART) + 1)
    counts = {s: int(n or 0) for s, n in zip(ParticipantStatus.values, row[:statuses], strict=True)}
    counts[OVERDUE] = rules.overdue_count(counts=counts, deadline=round.deadline, today=today)
    return Completion(
        counts,
        taking_part=tuple(row[statuses:-1]),
        versions=int(row[-1] or 0),
        settings_imported=stamp[0][0] if stamp else None,
    )


def rows_state(*, actor: Actor, round: Round, state: Completion) -> tuple[Any, ...] | None:
    """Everything the dashboard's rows show that the page does not ask for (its filters, sort
    and page, and the day): the partnership, the round and its deadline, who takes part, their
    versions (each change of a participant, its return's status or a chase, moves them on:
    ``Participant.version``) and their settings' last import. What the rows are drawn from, to
    keep them under (ADR 032, 056). None (the rows are not kept) for a round with agencies (an
    agency's name changes outside the round) and for a reader who does not see every
    participant (the key does not say whom they see)."""
    if actor.require("self_assessment.view") is not Scope.ALL:
        return None
    if state.taking_part[2] is not None:  # the agencies' ids added up: some take part
        return None
    return (
        actor.partnership.pk,
        round.pk,
        round.deadline,
        state.taking_part,
        state.versions,
        state.settings_imported,
    )


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


def filter_choices(
    *, actor: Actor, round: Round, state: Completion | None = None
) -> dict[str, list[str]]:
    """The kinds, phases, types of establishment and areas among the round's participants:
    one query (each area checked by ``rules.postcode_district``). Given the round's
    ``completion``, kept in the cache under who takes part and when the partnership's settings
    were last imported (the only way a setting's phase, type or postcode changes), so that the
    dashboard reads them only when one of those moved on."""
    if state is None:
        return _filter_choices(actor=actor, round=round)
    return kept(
        "sa-choices",
        (actor.partnership.pk, round.pk, state.taking_part, state.settings_imported),
        lambda: _filter_choices(actor=actor, round=round),
    )


def _filter_choices(*, actor: Actor, round: Round) -> dict[str, list[str]]:
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
        # a district as offered (``filter_choices``: in capitals), beside the postcode's
        # capitals (the district's not worked out again by the database for each setting)
        participants = participants.alias(postcode=Upper("setting__postcode")).filter(
            Q(postcode=filters.area) | Q(postcode__startswith=f"{filters.area} ")
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


def _ordered(
    participants: QuerySet[Participant], sort: str, order: str, agency: str = "agency"
) -> QuerySet[Participant]:
    """The participants with ``last_activity`` and ``last_chased`` (None: never), in the order
    asked for (``rules.sort_choice``'s), then by name; ``agency``: the relation their agency's
    name is read through."""
    participants = participants.annotate(
        last_activity=last_activity(),
        last_chased=last_chased(),
        status_rank=Case(
            *(When(status=s, then=Value(i)) for i, s in enumerate(rules.STATUS_ORDER)),
            output_field=IntegerField(),
        ),
    )
    field: Any = {"chased": "last_chased", **_SORT_FIELDS}[sort]
    names = ("setting__name", f"{agency}__name", "pk")
    if field == "sort_name":
        keys = [f"-{n}" if order == "desc" else n for n in names]
        return participants.order_by(*keys)
    expression = (
        F(field).desc(nulls_last=True) if order == "desc" else F(field).asc(nulls_first=True)
    )
    return participants.order_by(expression, *names)


def completion_rows(
    *, actor: Actor, round: Round, filters: Filters, sort: str, order: str, today: date
) -> QuerySet[Participant]:
    """The participants that match the filters, in the order asked for, each with
    ``last_activity`` and ``last_chased`` (None: never) and its setting or agency."""
    sort, order = rules.sort_choice(sort, order)
    participants = _filtered(_participants(actor, round), round, filters, today)
    return _ordered(participants.select_related("agency", "setting"), sort, order)


# A row of the dashboard's table as ``display.row_cells`` reads it: the days (in the service's
# time zone) it was submitted, last changed and last chased worked out by the database (a date
# per row, not an aware time converted in Python)
ROW_COLUMNS: tuple[Any, ...] = (
    "pk",
    "status",
    TruncDate("submitted_at"),
    TruncDate("last_activity"),
    TruncDate("last_chased"),
    "setting_id",
    "setting__name",
    "setting__establishment_type",
    "setting__phase",
    "setting__postcode",
    "own_agency__name",
)
_TEXT_FILTERS = ("phase", "type_group", "area", "name")


class CompletionWindow:
    """The participants ``completion_rows`` gives, as plain tuples of ``ROW_COLUMNS``, read a
    page at a time when sliced (``core.pagination.paginate``, pages of ``PER_PAGE``): one
    compiled read per page. Where the page does not know how many match (``count`` None), the
    read of the page asked for (from ``start``) counts them too, and only a page past the last
    is counted on its own (``counted``)."""

    def __init__(
        self,
        template: compiled.Template | None,  # None: none can match
        values: dict[str, Any],
        count: int | None,
        *,
        start: int = 0,
        counted: compiled.Template | None = None,
    ) -> None:
        self.template, self.values, self.count = template, values, count
        self.start, self.counted = start, counted
        self._pages: dict[int, list[tuple[Any, ...]]] = {}

    def __len__(self) -> int:
        if self.count is None:
            self._rows(self.start)
            if self.count is None:  # none from there: a page past the last, or none match
                found = (
                    self.counted.rows(self.values, Participant.unscoped.db)
                    if self.start and self.counted is not None
                    else []
                )
                self.count = found[0][0] if found else 0
        return self.count

    def __getitem__(self, index: slice) -> list[tuple[Any, ...]]:
        start, stop, _ = index.indices(len(self))
        return self._rows(start)[: stop - start] if stop > start else []

    def _rows(self, start: int) -> list[tuple[Any, ...]]:
        if start not in self._pages:
            # a whole page from ``start``, whatever is left (the same read whether or not the
            # page is the last)
            values = self.values | {"limit": PER_PAGE, "offset": start}
            rows = (
                [] if self.template is None else self.template.rows(values, Participant.unscoped.db)
            )
            if self.counted is not None:  # each row ends with how many match
                if rows and self.count is None:
                    self.count = rows[0][-1]
                rows = [row[:-1] for row in rows]
            self._pages[start] = rows
        return self._pages[start]


def completion_window(
    *,
    actor: Actor,
    round: Round,
    filters: Filters,
    sort: str,
    order: str,
    today: date,
    count: int | None = None,
    start: int = 0,
) -> CompletionWindow:
    """``completion_rows`` for a page of the dashboard: compiled once per process for each
    shape of filters and order (which filters are set, the kind and whether "overdue", the
    sort) and bound to the partnership, the round and the filters' values (ADR 033; building
    the query cost more than the database's answer). The agency's name is read through a join
    of the partnership's own agencies (the plain join hashed every partnership's). ``count``:
    how many match, where the page knows (unfiltered: every participant); else counted by the
    read of the page from ``start`` (the page asked for)."""
    actor.require("self_assessment.view")
    sort, order = rules.sort_choice(sort, order)
    # (a placeholder's name has no "_")
    texts = {
        name.replace("_", ""): getattr(filters, name)
        for name in _TEXT_FILTERS
        if getattr(filters, name)
    }
    overdue = filters.status == OVERDUE
    if filters.status and not overdue:
        texts["status"] = filters.status
    values: dict[str, Any] = {"partnership": actor.partnership.pk, "round": round.pk, **texts}
    if overdue and not round.deadline < today:  # nothing is overdue before the deadline
        return CompletionWindow(None, values, 0)
    shape = ".".join(
        [filters.kind or "-", "overdue" if overdue else "-", *sorted(texts), sort, order]
    )

    def participants(v: Mapping[str, Any]) -> QuerySet[Participant]:
        held = Filters(
            kind=filters.kind,
            status=OVERDUE if overdue else v.get("status", ""),
            **{name: v.get(name.replace("_", ""), "") for name in _TEXT_FILTERS},
        )
        chosen = Participant.unscoped.filter(partnership_id=v["partnership"], round_id=v["round"])
        return _filtered(chosen, round, held, today)

    def rows(v: Mapping[str, Any]) -> QuerySet[Any]:
        own = FilteredRelation("agency", condition=Q(agency__partnership_id=v["partnership"]))
        return _ordered(participants(v).annotate(own_agency=own), sort, order, "own_agency")

    using = Participant.unscoped.db
    ints = ("partnership", "round")
    counting = count is None
    template = compiled.kept(
        f"{__name__}.window.{shape}{'.counting' if counting else ''}",
        lambda v: (
            rows(v).annotate(matching=Window(Count("pk"))).values_list(*ROW_COLUMNS, "matching")
            if counting
            else rows(v).values_list(*ROW_COLUMNS)
        ),
        ints=ints,
        texts=tuple(texts),
        paged=True,
        using=using,
    )
    if not counting:
        return CompletionWindow(template, values, count)
    counted = compiled.kept(
        f"{__name__}.window_count.{shape}",
        lambda v: (
            participants(v).order_by().values("round_id").annotate(n=Count("pk")).values_list("n")
        ),
        ints=ints,
        texts=tuple(texts),
        using=using,
    )
    return CompletionWindow(template, values, None, start=start, counted=counted)


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
