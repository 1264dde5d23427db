"""Demo quarterly collection for Northfield: three years of published quarterly values (seeded,
so every run gives the same figures) with two genuine special-cause signals, one revised value,
and the round for the last completed quarter open now with some agencies late.

Called by the data set's demo loader (demo.py) after the catalogue. Idempotent: it does nothing
if Northfield already has collection rounds.

The two signals: re-referrals within 12 months (CSC-REREF) step up for the last eight published
quarters (a run above the mean: special cause concerning, lower being better); police missing
episodes (POL-MISSING) spike in one quarter beyond the upper limit (three children repeatedly
missing from one placement), confirmed as a real value by the police.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.selectors import collecting
from assurance.dataset.collection.models import (
    AgencySignOff,
    CollectionRound,
    IndicatorValue,
    LocalityValue,
    Revision,
)
from assurance.dataset.collection.rules import (
    Period,
    compute_value,
    period_containing,
    previous_period,
)
from assurance.dataset.localities.models import Locality
from assurance.partnerships.models import Agency, Partnership, Person

PUBLISHED_QUARTERS = 12
# Northfield's local NF-RHI-DONE changed its definition from the 7th published quarter
# (catalogue/demo.py): interviews completed, fewer than those offered before
LOCAL_CHANGE_QUARTER = 6
SEED = 20260401


@dataclass(frozen=True)
class Level:
    """A series' typical numerator (and denominator) per quarter, and its noise."""

    numerator: float
    denominator: float | None = None
    spread: float = 0.06  # relative noise


# By indicator code, then by agency short name where agencies differ (None: any agency).
LEVELS: dict[str, dict[str | None, Level]] = {
    "CSC-REF": {None: Level(720)},
    "CSC-REREF": {None: Level(151, 720, 0.03)},
    "CSC-ASS45": {None: Level(590, 690, 0.04)},
    "CSC-S47": {None: Level(310)},
    "CSC-ICPC": {None: Level(86, spread=0.12)},
    "CSC-ICPC15": {None: Level(68, 86, 0.06)},
    "CSC-CIN": {None: Level(2350, spread=0.03)},
    "CSC-CPP": {None: Level(262, spread=0.05)},
    "CSC-CPP-NEGLECT": {None: Level(131, 262, 0.06)},
    "CSC-CPP-EMOTIONAL": {None: Level(92, 262, 0.07)},
    "CSC-CPP-2Y": {None: Level(8, 262, 0.25)},
    "CSC-CPP-SUB": {None: Level(19, 88, 0.2)},
    "CSC-CLA-RATE": {None: Level(530, 47800, 0.02)},
    "EH-ASSESS": {None: Level(480)},
    "EH-STEPUP": {None: Level(41, 480, 0.12)},
    "POL-MISSING": {None: Level(182, spread=0.07)},
    "POL-RHI72": {None: Level(131, 182, 0.05)},
    "POL-DA-CHILD": {None: Level(412, spread=0.06)},
    "HEALTH-ED-SH": {None: Level(58, spread=0.12)},
    "HEALTH-IHA20": {
        "Hospitals": Level(19, 34, 0.12),
        "Community health": Level(14, 22, 0.12),
        "Mental health": Level(3, 5, 0.3),
    },
    "EDU-CIN-PA": {
        "Schools": Level(402, 1240, 0.05),
        "Early years": Level(9, 60, 0.25),
        "College": Level(31, 88, 0.15),
    },
    "EDU-EHE": {"Schools": Level(248, spread=0.05), None: Level(6, spread=0.3)},
    "NF-LADO": {None: Level(34, spread=0.15)},
    "NF-RHI-DONE": {None: Level(150, 182, 0.04)},
    "WF-MA-TRAINING": {
        "Family court": Level(18, spread=0.2),
        "Fire": Level(34, spread=0.2),
        None: Level(6, spread=0.3),
    },
}

# Commentary that agencies wrote, by indicator: used where a value moved noticeably.
COMMENTARY = {
    "CSC-REF": "More referrals from schools at the start of term; the front door triaged "
    "them within the day.",
    "CSC-REREF": "Re-referrals have risen since the early help step-down process changed; the "
    "partnership's audit of step-downs is planned.",
    "CSC-ASS45": "Timeliness held while two teams were carrying vacancies.",
    "POL-MISSING": "Higher than usual: three children repeatedly missing from one placement. "
    "Checked and confirmed; a multi-agency strategy meeting is in place.",
    "POL-RHI72": "Return-home interviews now offered by the commissioned service on the day.",
    "HEALTH-IHA20": "Fewer appointments offered within 20 days because of paediatrician leave.",
}


def _quarters_before(period: Period, count: int) -> list[Period]:
    periods = []
    for _ in range(count):
        period = previous_period(period)
        periods.append(period)
    return list(reversed(periods))


def _level(code: str, agency: Agency) -> Level | None:
    levels = LEVELS.get(code)
    if levels is None:
        return None
    return levels.get(agency.short_name) or levels.get(None)


def _figures(
    code: str, level: Level, index: int, rng: random.Random, total: int
) -> tuple[Decimal, Decimal | None]:
    """Numerator and denominator for quarter ``index`` of ``total`` (published ones first)."""
    factor = 1 + rng.gauss(0, level.spread)
    denominator = None
    if level.denominator is not None:
        denominator = max(1, round(level.denominator * (1 + rng.gauss(0, 0.03))))
        if code == "CSC-CLA-RATE":
            denominator = round(level.denominator + 120 * index)  # the population grows
    numerator = level.numerator * factor
    if code == "CSC-REREF" and index >= total - 9:
        numerator *= 1.4  # the step up: a run of eight above the mean
    if code == "NF-RHI-DONE" and index >= LOCAL_CHANGE_QUARTER:
        numerator *= 0.7  # completed interviews: fewer than those offered (a new definition)
    if code == "POL-MISSING" and index == total - 5:
        numerator *= 1.75  # the spike: beyond the upper process limit
    whole = max(0, round(numerator))
    if denominator is not None:
        whole = min(whole, denominator)
    return Decimal(whole), (Decimal(denominator) if denominator is not None else None)


def _aware(day: Any, hour: int = 11) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load_demo_collection(command: Any = None) -> None:
    partnership = Partnership.unscoped.filter(slug="northfield").first()
    if partnership is None or CollectionRound.objects_for(partnership).exists():
        return
    today = timezone.localdate()
    open_period = previous_period(period_containing("quarterly", today))
    periods = [*_quarters_before(open_period, PUBLISHED_QUARTERS), open_period]
    agencies = list(Agency.objects_for(partnership).filter(is_active=True))
    people = list(Person.objects_for(partnership).filter(is_active=True))
    analyst = next(p for p in people if p.is_business_unit)
    lead_of: dict[int, Person] = {}
    for person in people:
        if person.is_agency_lead:
            lead_of.setdefault(person.agency_id, person)
    plan = collecting(partnership=partnership)
    rng = random.Random(SEED)
    # the local indicators draw from their own sequence, so the national series (and their
    # signals) are the same with or without them
    local_rng = random.Random(SEED + 1)
    values: list[IndicatorValue] = []
    sign_offs: list[AgencySignOff] = []
    # agencies late in the open round: nothing, partial, or entered but not signed off
    open_state = {
        "Council": "signed",
        "Police": "signed",
        "ICB": "entered",
        "Hospitals": "signed_late",
        "Community health": "none",
        "Mental health": "none",
        "Schools": "partial",
    }
    rounds = []
    for index, period in enumerate(periods):
        is_open = period == open_period
        opens = period.end + timedelta(days=1)
        due = period.end + timedelta(days=30)
        if is_open:
            # so that the demo always shows lateness, the open round fell due a few days ago
            due = max(opens, min(due, today - timedelta(days=3)))
        round = CollectionRound.objects_for(partnership).create(
            partnership=partnership,
            frequency="quarterly",
            period_start=period.start,
            period_end=period.end,
            opens_on=opens,
            due_on=due,
            status="open" if is_open else "published",
            published_at=None if is_open else _aware(due + timedelta(days=10)),
            published_by=None if is_open else analyst,
        )
        rounds.append(round)
        owed = plan.owed(frequency="quarterly", period_start=period.start)
        for agency in agencies:
            state = open_state.get(agency.short_name, "none") if is_open else "signed"
            if state == "none" or not owed.get(agency.pk):
                continue
            if not is_open and agency.short_name == "College" and index in (2, 3):
                continue  # two quarters the college did not report (completeness below 100%)
            person = lead_of.get(agency.pk, analyst)
            entered = []
            for position, indicator in enumerate(owed[agency.pk]):
                level = _level(indicator.code, agency)
                if level is None or (state == "partial" and position > 0):
                    continue
                draws = local_rng if indicator.is_local else rng
                numerator, denominator = _figures(indicator.code, level, index, draws, len(periods))
                value = compute_value(indicator.unit, numerator, denominator)
                special = indicator.code == "POL-MISSING" and index == len(periods) - 5
                commentary = ""
                if special or (
                    indicator.code in COMMENTARY and (draws.random() < 0.25 or index >= 9)
                ):
                    commentary = COMMENTARY.get(indicator.code, "")
                entered.append(
                    IndicatorValue(
                        partnership=partnership,
                        round=round,
                        indicator=indicator,
                        agency=agency,
                        numerator=numerator,
                        denominator=denominator,
                        value=value,
                        commentary=commentary,
                        confirmed_outlier=special,
                        entered_by=person,
                        entered_via="demo",
                        changed_at=_aware(due - timedelta(days=4)),
                    )
                )
            values.extend(entered)
            if entered and state in ("signed", "signed_late"):
                late = state == "signed_late" or (not is_open and rng.random() < 0.12)
                signed = _aware(due + timedelta(days=6) if late else due - timedelta(days=2))
                sign_offs.append(
                    AgencySignOff(
                        partnership=partnership,
                        round=round,
                        agency=agency,
                        signed_by=person,
                        signed_at=signed,
                        first_signed_at=signed,
                    )
                )
    # history dated when the values were entered and signed off, not when the demo ran (the
    # sign-off page counts the values changed since the last sign-off from the history)
    for group in _by_date(values, "changed_at"):
        bulk_create_with_history(group, IndicatorValue, default_date=group[0].changed_at)
    for group in _by_date(sign_offs, "signed_at"):
        bulk_create_with_history(group, AgencySignOff, default_date=group[0].signed_at)
    _revise_one(partnership, rounds[PUBLISHED_QUARTERS - 3])
    if command is not None:
        command.stdout.write(
            f"Data set collection: {len(rounds)} quarterly rounds for Northfield "
            f"({len(values)} values), the last one open"
        )


def _by_date(objects: list[Any], field: str) -> list[list[Any]]:
    groups: dict[Any, list[Any]] = {}
    for obj in objects:
        groups.setdefault(getattr(obj, field), []).append(obj)
    return list(groups.values())


def _revise_one(partnership: Partnership, round: CollectionRound) -> None:
    """The council revised its referrals for a published quarter: late-recorded referrals."""
    value = (
        IndicatorValue.objects_for(partnership)
        .filter(round=round, indicator=Indicator.objects.get(code="CSC-REF"))
        .first()
    )
    if value is None:
        return
    new = value.numerator + 23
    revised_at = round.published_at + timedelta(days=20) if round.published_at else timezone.now()
    Revision.objects_for(partnership).create(
        partnership=partnership,
        value=value,
        old_numerator=value.numerator,
        old_denominator=value.denominator,
        old_value=value.value,
        new_numerator=new,
        new_denominator=None,
        new_value=new,
        reason="23 referrals from the out-of-hours team were recorded after the quarter closed.",
        revised_by=value.entered_by,
        revised_at=revised_at,
    )
    value.numerator = value.value = new
    value.changed_at = revised_at
    value.save()


# Referrals by locality: each locality's share of the council's referrals; East Northfield's
# grows quarter by quarter (a new estate and a school's change of intake), so the breakdown
# shows the "postcode variation" the partnership asked to see
BY_LOCALITY = "CSC-REF"
SHARES = {
    "North Northfield": 0.31,
    "East Northfield": 0.22,
    "Central Northfield": 0.25,
    "South Northfield": 0.22,
}


def load_demo_breakdown(partnership: Partnership, *, localities: list[Locality]) -> None:
    """Every saved CSC-REF value of Northfield split by its localities, adding up to the value
    (after the revision above). Idempotent: nothing is made if any figure by locality exists."""
    if not localities or LocalityValue.objects_for(partnership).exists():
        return
    rng = random.Random(SEED + 2)
    parts: list[LocalityValue] = []
    values = (
        IndicatorValue.objects_for(partnership)
        .filter(indicator__code=BY_LOCALITY)
        .select_related("round")
        .order_by("round__period_start", "agency__name")
    )
    for index, value in enumerate(values):
        weights = []
        for locality in localities:
            share = SHARES.get(locality.name, 1 / len(localities))
            if locality.name == "East Northfield":
                share *= 1 + 0.04 * index
            weights.append(share * (1 + rng.gauss(0, 0.05)))
        total = int(value.numerator)
        figures = [int(total * w / sum(weights)) for w in weights]
        figures[-1] = total - sum(figures[:-1])  # the last takes the rounding: they add up
        parts.extend(
            LocalityValue(
                partnership=partnership, value=value, locality=locality, numerator=Decimal(n)
            )
            for locality, n in zip(localities, figures, strict=True)
        )
    bulk_create_with_history(parts, LocalityValue)
