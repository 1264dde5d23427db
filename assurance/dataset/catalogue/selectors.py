"""Reads of the indicator catalogue: the national indicators, shared by every partnership, and
a partnership's own local ones (never another partnership's); the phases it has adopted and
which of its agencies report each indicator (``collecting``: what each agency owes in a round)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import router
from django.db.models import F, Q, QuerySet

from assurance.core import compiled
from assurance.core.registry import collection_sources
from assurance.dataset.catalogue import rules
from assurance.dataset.catalogue.models import (
    DefinitionChange,
    Indicator,
    IndicatorAssignment,
    PhaseAdoption,
    Source,
)
from assurance.partnerships.models import Agency, Partnership


def visible_to(partnership: Partnership | None) -> Q:
    """The indicators a partnership sees: the national ones and its own local ones (with no
    partnership, the national ones only)."""
    if partnership is None:
        return Q(partnership__isnull=True)
    return Q(partnership__isnull=True) | Q(partnership=partnership)


def indicator_list(
    *, phase: int | None = None, partnership: Partnership | None = None
) -> QuerySet[Indicator]:
    qs = Indicator.objects.filter(visible_to(partnership), active=True).select_related("owner")
    if phase:
        qs = qs.filter(phase=phase)
    return qs.order_by("phase", "order", "code")


_INDICATOR_FIELDS = [f.attname for f in Indicator._meta.concrete_fields]


def _by_code_query(values: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        Indicator.objects.filter(
            visible_to(Partnership(pk=values["partnership"])), code=values["code"], active=True
        )
        .order_by(F("partnership_id").asc(nulls_first=True))
        .values_list(*_INDICATOR_FIELDS)[:1]
    )


def indicator_by_code(*, code: str, partnership: Partnership | None = None) -> Indicator | None:
    """The national indicator of that code, else the partnership's local one (by one query
    compiled once per process for a partnership's pages)."""
    if partnership is None:
        return Indicator.objects.filter(visible_to(None), code=code, active=True).first()
    using = router.db_for_read(Indicator)
    template = compiled.kept(
        f"{__name__}.indicator_by_code",
        _by_code_query,
        ints=("partnership",),
        texts=("code",),
        using=using,
    )
    rows = template.rows({"partnership": partnership.pk, "code": code}, using=using)
    return Indicator.from_db(using, _INDICATOR_FIELDS, rows[0]) if rows else None


def local_indicator_list(*, partnership: Partnership) -> QuerySet[Indicator]:
    return Indicator.objects.filter(partnership=partnership).order_by("code")


def local_indicator_get(*, partnership: Partnership, code: str) -> Indicator | None:
    """The partnership's own local indicator (active or not); None for another's."""
    return Indicator.objects.filter(partnership=partnership, code=code).first()


def definition_changes(*, indicator: Indicator) -> list[DefinitionChange]:
    return list(DefinitionChange.objects.filter(indicator=indicator).order_by("version"))


# ---- what a partnership collects, and from whom ---------------------------------------------


def phase_adoption_list(*, partnership: Partnership) -> list[PhaseAdoption]:
    return list(PhaseAdoption.objects_for(partnership).order_by("phase"))


def phase_adoptions(*, partnership: Partnership) -> dict[int, date]:
    """Each adopted phase's first day (empty: the partnership has not chosen its phases)."""
    return dict(
        PhaseAdoption.objects_for(partnership).values_list("phase", "adopted_from").order_by()
    )


def _confirmed(partnership: Partnership) -> tuple[dict[int, set[int]], set[int]]:
    """Indicator id → the agencies the business unit confirmed (an empty set: none), and the
    ids of the indicators it marked as collected by locality."""
    confirmed: dict[int, set[int]] = {}
    by_locality: set[int] = set()
    for indicator_id, agency_id, split in IndicatorAssignment.objects_for(partnership).values_list(
        "indicator_id", "agencies", "by_locality"
    ):
        agencies = confirmed.setdefault(indicator_id, set())  # none confirmed is a confirmation
        if agency_id is not None:
            agencies.add(agency_id)
        if split:
            by_locality.add(indicator_id)
    return confirmed, by_locality


@dataclass
class Collecting:
    """What a partnership collects: its agency-return indicators, agencies, adopted phases and
    confirmed assignments, read once (four queries) and answered for any round. Indicators a
    system fills from its own records (``core.registry.CollectionSource``) are not asked of
    any agency, so they are not among them."""

    indicators: list[Indicator]
    agencies: list[Agency]
    adoptions: dict[int, date]
    confirmed: dict[int, set[int]]
    by_locality: set[int] = field(default_factory=set)  # indicator ids collected by locality

    def reporting(self, indicator: Indicator) -> list[int]:
        return rules.reporting_agencies(
            indicator.owning_sector, self.agencies, self.confirmed.get(indicator.pk)
        )

    def owed(self, *, frequency: str, period_start: date) -> dict[int, list[Indicator]]:
        """Agency id → the indicators it owes for the period (in catalogue order)."""
        owed: dict[int, list[Indicator]] = defaultdict(list)
        for indicator in self.indicators:
            if indicator.frequency != frequency or not rules.phase_adopted(
                indicator.phase, self.adoptions, period_start
            ):
                continue
            for agency_id in self.reporting(indicator):
                owed[agency_id].append(indicator)
        return dict(owed)


def asked_of_agencies(partnership: Partnership) -> QuerySet[Indicator]:
    """The active agency-return indicators a partnership sees, but those a system fills from
    its own records (``core.registry.CollectionSource``): no agency is asked for them."""
    return Indicator.objects.filter(
        visible_to(partnership), active=True, source=Source.AGENCY_RETURN
    ).exclude(code__in=list(collection_sources()))


def collecting(*, partnership: Partnership) -> Collecting:
    confirmed, by_locality = _confirmed(partnership)
    return Collecting(
        indicators=list(asked_of_agencies(partnership).order_by("phase", "order", "code")),
        agencies=list(Agency.objects_for(partnership).order_by("kind", "name")),
        adoptions=phase_adoptions(partnership=partnership),
        confirmed=confirmed,
        by_locality=by_locality,
    )


def _by_locality_query(values: Mapping[str, Any]) -> QuerySet[Any]:
    return (
        IndicatorAssignment.objects_for(Partnership(pk=values["partnership"]))
        .filter(by_locality=True)
        .values_list("indicator_id")
    )


def by_locality_ids(*, partnership: Partnership) -> set[int]:
    """The ids of the indicators the partnership's business unit marked as collected by
    locality (a few at most): one query compiled once per process, whatever the page shows."""
    return {row[0] for row in by_locality_read(partnership=partnership).rows()}


def by_locality_read(*, partnership: Partnership) -> compiled.Read:
    """The read of ``by_locality_ids``, to be read with others (``compiled.ahead``)."""
    return compiled.read_of(
        f"{__name__}.by_locality",
        _by_locality_query,
        IndicatorAssignment,
        ints={"partnership": partnership.pk},
    )


def collected_by_locality(*, partnership: Partnership, indicator: Indicator) -> bool:
    """Whether the partnership's business unit marked the indicator as collected by locality."""
    return indicator.pk in by_locality_ids(partnership=partnership)


@dataclass
class AssignmentRow:
    """One indicator on the business unit's "who reports what" page."""

    indicator: Indicator
    agencies: list[Agency]  # confirmed, or proposed until confirmed
    assignment: IndicatorAssignment | None

    @property
    def is_confirmed(self) -> bool:
        return self.assignment is not None

    @property
    def status(self) -> str:
        return "confirmed" if self.is_confirmed else "proposed"


def assignment_rows(*, partnership: Partnership) -> list[AssignmentRow]:
    """Every agency-return indicator the partnership sees, with who reports it."""
    plan = collecting(partnership=partnership)
    by_id = {a.pk: a for a in plan.agencies}
    assignments = {
        a.indicator_id: a
        for a in IndicatorAssignment.objects_for(partnership).select_related("confirmed_by")
    }
    return [
        AssignmentRow(
            indicator=indicator,
            agencies=[by_id[pk] for pk in plan.reporting(indicator)],
            assignment=assignments.get(indicator.pk),
        )
        for indicator in plan.indicators
    ]


def assignment_row(*, partnership: Partnership, indicator: Indicator) -> AssignmentRow:
    return next(
        r for r in assignment_rows(partnership=partnership) if r.indicator.pk == indicator.pk
    )


def agency_return_get(*, partnership: Partnership, code: str) -> Indicator | None:
    """An active agency-return indicator the partnership sees (national or its own)."""
    indicator = indicator_by_code(code=code, partnership=partnership)
    if indicator is None or indicator.source != Source.AGENCY_RETURN:
        return None
    return indicator


@dataclass(frozen=True)
class ConfigurationChange:
    """One change of the phases adopted or of who reports an indicator, for its history."""

    when: datetime
    who: str
    what: str


def _who(record: Any) -> str:
    user = record.history_user
    return (user.get_full_name() or user.email) if user is not None else "The system"


def phase_history(*, partnership: Partnership) -> list[ConfigurationChange]:
    """Every change of the phases the partnership adopted, newest first."""
    records = (
        PhaseAdoption.history.filter(partnership=partnership)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    verbs = {"+": "adopted from", "~": "now adopted from", "-": "no longer adopted (was from"}
    changes = []
    for record in records:
        what = f"Phase {record.phase} {verbs[record.history_type]} {record.adopted_from:%-d %B %Y}"
        changes.append(
            ConfigurationChange(
                when=record.history_date,
                who=_who(record),
                what=what + (")" if record.history_type == "-" else ""),
            )
        )
    return changes


def assignment_history(*, assignment: IndicatorAssignment) -> list[ConfigurationChange]:
    """Who reported the indicator after each confirmation, newest first (a confirmation's
    steps, saving the record then its agencies, are read as one: its last)."""
    history = assignment.history  # type: ignore[attr-defined]
    records = list(history.select_related("history_user").order_by("history_date", "history_id"))
    # the agencies of each historical record: rows of simple-history's m2m history table
    then = history.model._meta.get_field("historicalindicatorassignment_agencies").related_model
    names_of: dict[int, list[str]] = defaultdict(list)
    for history_id, name in then.objects.filter(history__in=records).values_list(
        "history_id", "agency__name"
    ):
        names_of[history_id].append(name)
    last_of: dict[datetime, Any] = {}
    for record in records:
        last_of[record.confirmed_at] = record  # dicts keep the order of first insertion
    changes = []
    for record in last_of.values():
        names = sorted(names_of[record.history_id])
        what = ", ".join(names) if names else "No agency"
        changes.append(ConfigurationChange(when=record.confirmed_at, who=_who(record), what=what))
    return list(reversed(changes))


def unconfirmed_count(*, partnership: Partnership) -> int:
    """How many indicators the agencies report are still asked of the agencies proposed from
    their sector, not confirmed by the business unit."""
    confirmed = IndicatorAssignment.objects_for(partnership).values("indicator_id")
    return asked_of_agencies(partnership).exclude(pk__in=confirmed).count()
