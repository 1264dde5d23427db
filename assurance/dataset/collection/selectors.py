"""Reads for quarterly collection: rounds, what each agency owes, completeness and timeliness,
and a partnership's published series (``partnership_series``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from assurance.core.concurrency import fingerprint
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.selectors import by_locality_ids, collecting
from assurance.dataset.collection.models import (
    AgencySignOff,
    Chase,
    CollectionRound,
    IndicatorValue,
    LocalityValue,
    Revision,
    RoundStatus,
)
from assurance.dataset.collection.rules import (
    WITH_DENOMINATOR,
    Context,
    IndicatorRule,
    Period,
    completeness,
    compute_value,
    is_on_time,
    previous_period,
)
from assurance.dataset.localities.models import Locality
from assurance.dataset.localities.rules import can_be_split
from assurance.dataset.localities.selectors import locality_list
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Agency, Partnership, Person


def rule_for(indicator: Indicator) -> IndicatorRule:
    return IndicatorRule(
        code=indicator.code,
        title=indicator.title,
        unit=indicator.unit,
        polarity=indicator.polarity,
        decimal_places=indicator.decimal_places,
    )


def agency_indicators(*, agency: Agency, frequency: str, period_start: date) -> list[Indicator]:
    """The indicators an agency owes for a period: the agency returns of that frequency in the
    phases its partnership has adopted by the period's start, assigned to the agency (as the
    business unit confirmed, or as proposed from their sector until it does)."""
    plan = collecting(partnership=agency.partnership)
    return plan.owed(frequency=frequency, period_start=period_start).get(agency.pk, [])


def round_list(*, actor: Actor) -> QuerySet[CollectionRound]:
    actor.require("collection.view")
    return CollectionRound.objects_for(actor.partnership).order_by("-period_start", "frequency")


def round_get(*, actor: Actor, pk: Any) -> CollectionRound:
    """A round of the actor's partnership (rounds belong to the partnership, not to an agency:
    every reader of collection sees them); 404 otherwise."""
    actor.require("collection.view")
    try:
        return CollectionRound.objects_for(actor.partnership).get(pk=pk)
    except (CollectionRound.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such round.") from exc


def agency_get(*, actor: Actor, pk: Any, permission: str = "collection.view") -> Agency:
    """An agency the actor may see collection values of (their own, or any for the BU)."""
    return get_for_actor(actor, Agency.objects_for(actor.partnership), permission, pk, "pk")


def value_get(*, actor: Actor, pk: Any, permission: str = "collection.view") -> IndicatorValue:
    return get_for_actor(
        actor,
        IndicatorValue.objects_for(actor.partnership).select_related(
            "round", "indicator", "agency"
        ),
        permission,
        pk,
    )


def system_values(
    *, round: CollectionRound, agencies: Iterable[Agency] | None = None
) -> list[IndicatorValue]:
    """The round's values that a system counted from its own records (no agency typed them),
    each with where it came from and the link (``sources.py``); of ``agencies`` if given."""
    values = (
        IndicatorValue.objects_for(round.partnership)
        .filter(round=round)
        .exclude(source_label="")
        .select_related("indicator", "agency")
        .prefetch_related("revisions__revised_by")
    )
    if agencies is not None:
        values = values.filter(agency__in=list(agencies))
    return list(values.order_by("indicator__code", "agency__name"))


@dataclass
class AgencyProgress:
    agency: Agency
    expected: int
    reported: int
    sign_off: AgencySignOff | None
    on_time: bool | None
    chased_at: Any = None

    @property
    def completeness(self) -> float | None:
        return completeness(self.expected, self.reported)

    @property
    def signed_off(self) -> bool:
        return self.sign_off is not None and self.sign_off.is_locked

    @property
    def status(self) -> str:
        if self.signed_off:
            return "Signed off"
        if self.sign_off is not None:
            return "Unlocked"
        if self.reported:
            return "In progress"
        return "Not started"


@dataclass
class RoundProgress:
    round: CollectionRound
    agencies: list[AgencyProgress]
    expected: int = 0
    reported: int = 0
    on_time: int = 0
    late: int = 0

    @property
    def completeness(self) -> float | None:
        return completeness(self.expected, self.reported)

    @property
    def timeliness(self) -> float | None:
        """Agencies that signed off by the due date, as a percentage of all that owe values."""
        return completeness(len(self.agencies), self.on_time)


def round_progress(
    *, round: CollectionRound, agencies: Iterable[Agency] | None = None, today: date | None = None
) -> RoundProgress:
    """Completeness (values reported of those expected) and timeliness per agency (DHIS2)."""
    return rounds_progress(rounds=[round], agencies=agencies, today=today)[0]


def rounds_progress(
    *,
    rounds: list[CollectionRound],
    agencies: Iterable[Agency] | None = None,
    today: date | None = None,
) -> list[RoundProgress]:
    """``round_progress`` of several rounds of one partnership in a fixed number of queries
    (agencies default to every agency that owes values of the round's frequency)."""
    if not rounds:
        return []
    today = today or timezone.localdate()
    partnership = rounds[0].partnership
    given = list(agencies) if agencies is not None else None
    plan = collecting(partnership=partnership)
    all_agencies = (
        given
        if given is not None
        else [a for a in plan.agencies if a.is_active]  # read in ("kind", "name") order
    )
    reported: dict[tuple[int, int], set[int]] = defaultdict(set)  # (round, agency)
    for round_id, agency_id, indicator_id in (
        IndicatorValue.objects_for(partnership)
        .filter(round__in=rounds)
        .values_list("round_id", "agency_id", "indicator_id")
    ):
        reported[round_id, agency_id].add(indicator_id)
    sign_offs = {
        (s.round_id, s.agency_id): s
        for s in AgencySignOff.objects_for(partnership).filter(round__in=rounds)
    }
    chased: dict[tuple[int, int], Any] = {}
    for round_id, agency_id, sent_at in (
        Chase.objects_for(partnership)
        .filter(round__in=rounds)
        .order_by("sent_at")
        .values_list("round_id", "agency_id", "sent_at")
    ):
        chased[round_id, agency_id] = sent_at
    result = []
    for round in rounds:
        progress = RoundProgress(round=round, agencies=[])
        owed_by = plan.owed(frequency=round.frequency, period_start=round.period_start)
        for agency in all_agencies:
            owed = {i.pk for i in owed_by.get(agency.pk, [])}
            if given is None and not owed:
                continue  # agencies that owe nothing in this round are not counted
            sign_off = sign_offs.get((round.pk, agency.pk))
            on_time = is_on_time(
                signed_on=timezone.localtime(sign_off.first_signed_at).date() if sign_off else None,
                due_on=round.due_on,
                today=today,
            )
            row = AgencyProgress(
                agency=agency,
                expected=len(owed),
                reported=len(reported[round.pk, agency.pk] & owed),
                sign_off=sign_off,
                on_time=on_time,
                chased_at=chased.get((round.pk, agency.pk)),
            )
            progress.agencies.append(row)
            progress.expected += row.expected
            progress.reported += row.reported
            progress.on_time += on_time is True
            progress.late += on_time is False
        result.append(progress)
    return result


@dataclass
class ValueRow:
    """One line of an agency's return: the indicator, what is saved and what it is judged by."""

    indicator: Indicator
    rule: IndicatorRule
    value: IndicatorValue | None
    context: Context
    setting: IndicatorSetting | None = None
    history: list[Decimal] = field(default_factory=list)
    # for an indicator collected by locality: the localities in use, and the figures saved
    # for them (by locality id)
    localities: list[Locality] = field(default_factory=list)
    parts: dict[int, LocalityValue] = field(default_factory=dict)

    @property
    def by_locality(self) -> bool:
        return bool(self.localities)


def agency_rows(*, round: CollectionRound, agency: Agency) -> list[ValueRow]:
    """Every indicator the agency owes in the round, with its saved value and its context:
    target and tolerance for the business year, last period's value, the series' history, and
    for an indicator collected by locality the localities in use and their saved figures."""
    plan = collecting(partnership=agency.partnership)
    indicators = plan.owed(frequency=round.frequency, period_start=round.period_start).get(
        agency.pk, []
    )
    partnership = round.partnership
    saved = {
        v.indicator_id: v
        for v in IndicatorValue.objects_for(partnership).filter(round=round, agency=agency)
    }
    split = [i for i in indicators if i.pk in plan.by_locality and can_be_split(i.unit)]
    localities = list(locality_list(partnership=partnership, in_use=True)) if split else []
    parts: dict[int, dict[int, LocalityValue]] = defaultdict(dict)
    if localities:
        for part in LocalityValue.objects_for(partnership).filter(
            value__round=round, value__agency=agency
        ):
            parts[part.value_id][part.locality_id] = part
    settings = {
        s.indicator_id: s
        for s in IndicatorSetting.objects_for(partnership).filter(
            indicator__in=indicators, business_year=round.period.business_year
        )
    }
    earlier: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    for indicator_id, start, value in (
        IndicatorValue.objects_for(partnership)
        .filter(
            agency=agency,
            indicator__in=indicators,
            round__frequency=round.frequency,
            round__period_start__lt=round.period_start,
        )
        .order_by("round__period_start")
        .values_list("indicator_id", "round__period_start", "value")
    ):
        earlier[indicator_id].append((start, value))
    last_start = previous_period(round.period).start
    rows = []
    for indicator in indicators:
        series = earlier[indicator.pk]
        previous = series[-1][1] if series and series[-1][0] == last_start else None
        setting = settings.get(indicator.pk)
        rows.append(
            ValueRow(
                indicator=indicator,
                rule=rule_for(indicator),
                value=saved.get(indicator.pk),
                setting=setting,
                history=[v for _, v in series],
                localities=localities if indicator in split else [],
                parts=parts[saved[indicator.pk].pk] if indicator.pk in saved else {},
                context=Context(
                    target=setting.target if setting else None,
                    tolerance=setting.tolerance if setting else None,
                    previous=previous,
                    history=[v for _, v in series],
                    change_percent=round.change_percent,
                ),
            )
        )
    return rows


def value_row(*, value: IndicatorValue) -> ValueRow | None:
    """A saved value's line of its agency's return (with its localities, if it is collected
    by locality), or None if the agency no longer owes the indicator."""
    rows = agency_rows(round=value.round, agency=value.agency)
    return next((row for row in rows if row.indicator.pk == value.indicator_id), None)


def agency_values(*, round: CollectionRound, agency: Agency) -> QuerySet[IndicatorValue]:
    """The values an agency has saved in a round."""
    return IndicatorValue.objects_for(round.partnership).filter(round=round, agency=agency)


def agency_values_version(*, round: CollectionRound, agency: Agency) -> str:
    """The version of an agency's values in a round (the API's ETag): it changes whenever one
    of them is entered, changed or removed, by any way in."""
    rows = agency_values(round=round, agency=agency).values_list(
        "indicator__code", "numerator", "denominator", "commentary", "confirmed_outlier"
    )
    return fingerprint(list(rows))


def sign_off_get(*, round: CollectionRound, agency: Agency) -> AgencySignOff | None:
    return AgencySignOff.objects_for(round.partnership).filter(round=round, agency=agency).first()


def changed_since_sign_off(*, round: CollectionRound, agency: Agency) -> int | None:
    """How many of the agency's values were changed (or removed) since its last sign-off; None
    if it has never signed off the round."""
    sign_off = sign_off_get(round=round, agency=agency)
    if sign_off is None:
        return None
    history = IndicatorValue.history.filter(  # type: ignore[attr-defined]
        partnership=round.partnership,
        round=round,
        agency=agency,
        history_date__gt=sign_off.signed_at,
    )
    return len(set(history.values_list("indicator_id", flat=True)))


def open_rounds_for_lead(*, actor: Actor) -> list[CollectionRound]:
    """Open rounds in which the actor's agency owes values and has not signed off."""
    if not actor.can("collection.submit"):
        return []
    agency = actor.agency
    today = timezone.localdate()
    rounds = []
    for round in CollectionRound.objects_for(actor.partnership).filter(
        status=RoundStatus.OPEN, opens_on__lte=today
    ):
        if not agency_indicators(
            agency=agency, frequency=round.frequency, period_start=round.period_start
        ):
            continue
        sign_off = sign_off_get(round=round, agency=agency)
        if sign_off is None or not sign_off.is_locked:
            rounds.append(round)
    return rounds


def agency_leads(*, agency: Agency) -> list[Person]:
    return list(
        Person.objects_for(agency.partnership).filter(
            agency=agency, is_agency_lead=True, is_active=True
        )
    )


def visible_values(*, actor: Actor) -> QuerySet[IndicatorValue]:
    return scoped(actor, IndicatorValue.objects_for(actor.partnership), "collection.view")


# --- the published series ------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesPoint:
    """A partnership's published figure for one period, the same shape as a ``Benchmark``
    row (period, numerator, denominator, value, missing reason) plus revision marks."""

    period_type: str
    period_start: date
    period_end: date
    time_period: str
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None
    missing_reason: str
    agencies: int  # how many agencies' figures it combines
    revised: bool
    revisions: list[Revision]
    commentary: list[tuple[str, str]]  # (agency short name, commentary)


def _combine(unit: str, rows: list[IndicatorValue]) -> tuple[Any, Any, Any]:
    """Several agencies' figures for one period as one: counts add up; rates are recomputed
    from the summed numerators and denominators; days are averaged."""

    if len(rows) == 1:
        return rows[0].numerator, rows[0].denominator, rows[0].value
    numerator = sum((r.numerator for r in rows), Decimal(0))
    if unit in WITH_DENOMINATOR:
        denominator = sum((r.denominator or Decimal(0) for r in rows), Decimal(0))
        return numerator, denominator, compute_value(unit, numerator, denominator)
    if unit == "days":
        return None, None, (numerator / len(rows)).quantize(Decimal("0.0001"))
    return numerator, None, numerator


def partnership_series(*, partnership: Partnership, indicator: Indicator) -> list[SeriesPoint]:
    """The partnership's published values of an indicator in period order (oldest first), one
    point per period (agencies combined), each marked if any of its values was revised after
    publication. Open rounds are never included."""
    values = list(
        IndicatorValue.objects_for(partnership)
        .filter(indicator=indicator, round__status=RoundStatus.PUBLISHED)
        .select_related("round", "agency")
        .prefetch_related("revisions")
        .order_by("round__frequency", "round__period_start", "agency__name")
    )
    by_round: dict[int, list[IndicatorValue]] = defaultdict(list)
    rounds: dict[int, CollectionRound] = {}
    for value in values:
        by_round[value.round_id].append(value)
        rounds[value.round_id] = value.round
    points = []
    for round_id, rows in by_round.items():
        round = rounds[round_id]
        numerator, denominator, value = _combine(indicator.unit, rows)
        revisions = [r for row in rows for r in row.revisions.all()]
        period = Period(round.frequency, round.period_start, round.period_end)
        points.append(
            SeriesPoint(
                period_type=round.frequency,
                period_start=round.period_start,
                period_end=round.period_end,
                time_period=period.short_label,
                numerator=numerator,
                denominator=denominator,
                value=value,
                missing_reason="",
                agencies=len(rows),
                revised=bool(revisions),
                revisions=revisions,
                commentary=[(r.agency.short_name, r.commentary) for r in rows if r.commentary],
            )
        )
    points.sort(key=lambda p: (p.period_type != indicator.frequency, p.period_start))
    return [p for p in points if p.period_type == indicator.frequency] or points


@dataclass
class BreakdownRow:
    """One published period of an indicator by locality: each locality's figure (agencies
    combined as the partnership's series does) and the whole."""

    time_period: str
    period_start: date
    cells: list[Decimal | None]  # by locality, in the order of the localities
    total: Decimal | None
    # by locality, as ``cells``: the summed numerator and denominator (None: not collected)
    sums: list[tuple[Decimal, Decimal | None] | None] = field(default_factory=list)


@dataclass
class Breakdown:
    localities: list[Locality]
    rows: list[BreakdownRow]  # oldest first


def locality_breakdown(*, partnership: Partnership, indicator: Indicator) -> Breakdown:
    """The partnership's published figures of an indicator by locality, period by period
    (``locality_breakdowns`` for one indicator)."""
    found = locality_breakdowns(partnership=partnership, indicators=[indicator], checked=True)
    return found.get(indicator.pk) or Breakdown(localities=[], rows=[])


def locality_breakdowns(
    *,
    partnership: Partnership,
    indicators: Iterable[Indicator],
    latest: int = 0,
    checked: bool = False,
) -> dict[int, Breakdown]:
    """By indicator id, the partnership's published figures by locality of those of
    ``indicators`` it collects by locality and has figures for (``checked``: the caller knows
    they are), period by period, oldest first (only the ``latest`` periods if given). Counts
    add up across agencies; a percentage or rate is worked out again from the summed
    numerators and denominators; the total is the partnership's series' figure. A locality no
    longer in use still shows the periods it was collected in. Four queries for any number of
    indicators and periods."""
    wanted = {i.pk: i for i in indicators}
    if not checked:
        split = by_locality_ids(partnership=partnership)
        wanted = {pk: i for pk, i in wanted.items() if pk in split}
    if not wanted:
        return {}
    parts = [
        p
        for p in LocalityValue.objects_for(partnership)
        .filter(
            value__indicator_id__in=list(wanted),
            value__round__status=RoundStatus.PUBLISHED,
        )
        .select_related("value__round")
        if p.value.round.frequency == wanted[p.value.indicator_id].frequency
    ]
    if not parts:
        return {}
    totals: dict[tuple[int, int], list[IndicatorValue]] = defaultdict(list)
    for value in (
        IndicatorValue.objects_for(partnership)
        .filter(
            indicator_id__in=list({p.value.indicator_id for p in parts}),
            round__status=RoundStatus.PUBLISHED,
        )
        .order_by("agency__name")
    ):
        totals[(value.indicator_id, value.round_id)].append(value)
    every = list(locality_list(partnership=partnership))
    rounds: dict[int, dict[int, CollectionRound]] = defaultdict(dict)
    used: dict[int, set[int]] = defaultdict(set)
    sums: dict[tuple[int, int, int], list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for part in parts:
        indicator_id = part.value.indicator_id
        rounds[indicator_id][part.value.round_id] = part.value.round
        used[indicator_id].add(part.locality_id)
        total = sums[(indicator_id, part.value.round_id, part.locality_id)]
        total[0] += part.numerator
        total[1] += part.denominator or Decimal(0)
    found: dict[int, Breakdown] = {}
    for indicator_id, by_round in rounds.items():
        indicator = wanted[indicator_id]
        localities = [loc for loc in every if loc.is_active or loc.pk in used[indicator_id]]
        ordered = sorted(by_round.values(), key=lambda r: r.period_start)
        rows = []
        for round in ordered[-latest:] if latest else ordered:
            cells: list[Decimal | None] = []
            figures: list[tuple[Decimal, Decimal | None] | None] = []
            for loc in localities:
                if (indicator_id, round.pk, loc.pk) not in sums:
                    cells.append(None)
                    figures.append(None)
                    continue
                numerator, denominator = sums[(indicator_id, round.pk, loc.pk)]
                with_denominator = indicator.unit in WITH_DENOMINATOR
                figures.append((numerator, denominator if with_denominator else None))
                if with_denominator:
                    cells.append(
                        compute_value(indicator.unit, numerator, denominator)
                        if denominator
                        else None
                    )
                else:
                    cells.append(numerator)
            combined = totals.get((indicator_id, round.pk))
            rows.append(
                BreakdownRow(
                    time_period=round.period.short_label,
                    period_start=round.period_start,
                    cells=cells,
                    total=_combine(indicator.unit, combined)[2] if combined else None,
                    sums=figures,
                )
            )
        found[indicator_id] = Breakdown(localities=localities, rows=rows)
    return found
