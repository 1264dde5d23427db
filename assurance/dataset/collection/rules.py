"""Quarterly collection: periods and the rules every submitted value must pass (pure).

The same rules serve the three ways in (the web form, the Excel workbook, the API), so they
live here, without the database: an entry (what someone typed) and its context (the target, the
tolerance, last period's value, the series' history) in; a checked value and its problems out.

Periods follow the business year (April to March): quarter 1 is April to June. Monthly and
annual periods are supported too.

Problems are of two kinds: an **error** stops the value being saved (not a number, a negative
count, a numerator above its denominator, missing commentary where it is required, commentary
that looks like a child's identifier); a
**confirmation** asks the person to check an unusual value (outside the limits of the series'
own XmR chart) and tick that it is right; it never rejects a value. Every message names the
indicator, so that it still makes sense in an error summary, a workbook report or an API reply.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from assurance.core.identifiers import find_identifiers
from assurance.dataset.charts.spc import xmr

MONTHLY, QUARTERLY, ANNUAL = "monthly", "quarterly", "annual"
MONTH_NAMES = list(calendar.month_name)
# The fewest earlier values before the outlier check trusts a series' limits.
OUTLIER_MIN_HISTORY = 8
DEFAULT_CHANGE_PERCENT = Decimal(25)


# --- periods --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    frequency: str
    start: date
    end: date

    @property
    def business_year(self) -> int:
        return self.start.year if self.start.month >= 4 else self.start.year - 1

    @property
    def label(self) -> str:
        year = self.business_year
        by = f"{year}/{str(year + 1)[-2:]}"
        if self.frequency == ANNUAL:
            return by
        if self.frequency == MONTHLY:
            return f"{MONTH_NAMES[self.start.month]} {self.start.year}"
        quarter = (self.start.month - 4) % 12 // 3 + 1
        return (
            f"Q{quarter} {by} ({MONTH_NAMES[self.start.month]} to "
            f"{MONTH_NAMES[self.end.month]} {self.end.year})"
        )

    @property
    def short_label(self) -> str:
        if self.frequency == QUARTERLY:
            return self.label.split(" (")[0]
        return self.label


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_containing(frequency: str, day: date) -> Period:
    """The period of ``frequency`` that ``day`` falls in."""
    if frequency == MONTHLY:
        start = date(day.year, day.month, 1)
        return Period(MONTHLY, start, _month_end(day.year, day.month))
    if frequency == QUARTERLY:
        offset = (day.month - 4) % 3
        start = _add_months(date(day.year, day.month, 1), -offset)
        end_month = _add_months(start, 2)
        return Period(QUARTERLY, start, _month_end(end_month.year, end_month.month))
    if frequency == ANNUAL:
        year = day.year if day.month >= 4 else day.year - 1
        return Period(ANNUAL, date(year, 4, 1), date(year + 1, 3, 31))
    raise ValueError(f"Unknown frequency {frequency!r}")


def period_of(frequency: str, business_year: int, number: int = 1) -> Period:
    """Quarter ``number`` (1-4), month ``number`` (1 = April … 12 = March) or the year."""
    if frequency == QUARTERLY and not 1 <= number <= 4:
        raise ValueError("A business year has quarters 1 to 4.")
    if frequency == MONTHLY and not 1 <= number <= 12:
        raise ValueError("A business year has months 1 (April) to 12 (March).")
    months = {QUARTERLY: 3 * (number - 1), MONTHLY: number - 1}.get(frequency, 0)
    return period_containing(frequency, _add_months(date(business_year, 4, 1), months))


def previous_period(period: Period) -> Period:
    return period_containing(period.frequency, date.fromordinal(period.start.toordinal() - 1))


# --- numbers --------------------------------------------------------------------------------


UNIT_COUNT, UNIT_PERCENTAGE, UNIT_RATE, UNIT_DAYS, UNIT_RATIO = (
    "count",
    "percentage",
    "rate_10k",
    "days",
    "ratio",
)
WITH_DENOMINATOR = {UNIT_PERCENTAGE, UNIT_RATE, UNIT_RATIO}
WHOLE_NUMBERS = {UNIT_COUNT, UNIT_PERCENTAGE, UNIT_RATE}  # counts of children or events
SCALE = {UNIT_PERCENTAGE: Decimal(100), UNIT_RATE: Decimal(10000), UNIT_RATIO: Decimal(1)}


class Kind(StrEnum):
    ERROR = "error"
    CONFIRM = "confirm"


@dataclass(frozen=True)
class Problem:
    field: str  # numerator, denominator, commentary or confirmed_outlier
    message: str
    kind: Kind = Kind.ERROR


@dataclass(frozen=True)
class IndicatorRule:
    """What the rules need to know about an indicator."""

    code: str
    title: str
    unit: str
    polarity: str = "neither"  # higher, lower, neither
    decimal_places: int = 0

    @property
    def name(self) -> str:
        return f"{self.code} ({self.title})"

    @property
    def needs_denominator(self) -> bool:
        return self.unit in WITH_DENOMINATOR


@dataclass(frozen=True)
class Entry:
    """What someone typed (strings from a form or a workbook cell, numbers from the API)."""

    numerator: object = None
    denominator: object = None
    commentary: str = ""
    confirmed_outlier: bool = False


@dataclass(frozen=True)
class Context:
    """What the value is judged against."""

    target: Decimal | None = None
    tolerance: Decimal | None = None
    previous: Decimal | None = None  # last period's value of the same series
    history: Sequence[Decimal | float] = ()  # earlier values of the series, oldest first
    change_percent: Decimal = DEFAULT_CHANGE_PERCENT


@dataclass
class Checked:
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value: Decimal | None = None
    problems: list[Problem] = field(default_factory=list)
    commentary_reasons: list[str] = field(default_factory=list)
    outside_limits: tuple[float, float] | None = None  # the limits it is outside, if it is

    @property
    def blank(self) -> bool:
        return self.numerator is None and self.denominator is None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.kind is Kind.ERROR]

    @property
    def ok(self) -> bool:
        return not self.problems


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


# What the database can hold: numerators, denominators and values are
# ``DecimalField(max_digits=16, decimal_places=4)`` (IndicatorValue and Revision), so at most 12
# digits before the decimal point and 4 after it. A test checks these against the model fields.
MAX_DIGITS, DECIMAL_PLACES = 16, 4
WHOLE_DIGITS = MAX_DIGITS - DECIMAL_PLACES
LIMIT = Decimal(10) ** WHOLE_DIGITS  # every number, and every value worked out, is below this
PLACES = Decimal(1).scaleb(-DECIMAL_PLACES)

# Digits 0-9 only (Decimal would also take other scripts' digits, "1_000", "NaN" and "inf"), an
# optional sign, decimal point and exponent; thousands separators are taken out first.
_NUMERAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
TOO_BIG = f"less than {LIMIT:,} (at most {WHOLE_DIGITS} digits before the decimal point)"


class NotANumber(ValueError):
    """What a number must be, said after "must be" ("a number, like 42")."""


def parse_number(raw: object) -> Decimal | None:
    """A number from a form, a cell or JSON, rounded to the 4 decimal places the database keeps;
    None when blank. ``NotANumber`` (a ValueError) when it is not a number, is written with
    anything but the digits 0 to 9, or is too big to store.

    Thousands separators are allowed ("1,234"); a percent sign is not (the rate is computed).
    """
    if _blank(raw):
        return None
    if isinstance(raw, bool):
        raise NotANumber("a number, like 42")
    if isinstance(raw, int | Decimal):
        number = Decimal(raw)
    elif isinstance(raw, float):
        number = Decimal(str(raw))
    else:
        text = str(raw).strip().replace(",", "")
        if not _NUMERAL.fullmatch(text):
            if any(c.isdigit() and not c.isascii() for c in text):  # ١٢٣, １２
                raise NotANumber("written with the digits 0 to 9, like 42")
            if "_" in text:
                raise NotANumber("a number without underscores, like 1000 or 1,000")
            raise NotANumber("a number, like 42")
        number = Decimal(text)
    if not number.is_finite():
        raise NotANumber("a number, like 42")
    if number.copy_abs() >= LIMIT:  # copy_abs: no context, so no overflow for 1e999999999
        raise NotANumber(TOO_BIG)
    number = number.quantize(PLACES, rounding=ROUND_HALF_UP)
    if number.copy_abs() >= LIMIT:  # 999999999999.99999 rounds up to the limit
        raise NotANumber(TOO_BIG)
    return number


def compute_value(unit: str, numerator: Decimal, denominator: Decimal | None) -> Decimal:
    """The indicator's value: the rate is always computed, never typed.

    Percentage = numerator / denominator × 100; rate per 10,000 children = numerator ×
    10,000 / denominator (the number of children aged 0 to 17); ratio = numerator /
    denominator; counts and days are the numerator itself.
    """
    if unit in WITH_DENOMINATOR:
        if not denominator:
            raise ValueError("a denominator above zero is needed")
        return (numerator * SCALE[unit] / denominator).quantize(Decimal("0.0001"))
    return numerator


def _fmt(number: Decimal | float, places: int = 0) -> str:
    return f"{float(number):,.{places}f}"


def _commentary_reasons(
    rule: IndicatorRule, value: Decimal, context: Context, places: int
) -> list[str]:
    reasons = []
    target, tolerance = context.target, context.tolerance
    if target is not None:
        shown = _fmt(target, places)
        if rule.polarity == "higher" and value < target:
            reasons.append(f"it is below the target of {shown}")
        elif rule.polarity == "lower" and value > target:
            reasons.append(f"it is above the target of {shown}")
        if tolerance is not None and abs(value - target) > tolerance:
            reasons.append(
                f"it is outside the tolerance ({_fmt(target - tolerance, places)} to "
                f"{_fmt(target + tolerance, places)})"
            )
    previous = context.previous
    if previous is not None:
        if previous == 0:
            moved = value != 0
            change = ""
        else:
            percent = abs(value - previous) / abs(previous) * 100
            moved = percent > context.change_percent
            change = f"{_fmt(percent)}% "
        if moved:
            reasons.append(
                f"it has changed {change}from last period's {_fmt(previous, places)} (more than "
                f"{_fmt(context.change_percent)}%)"
            )
    return reasons


def outlier_limits(history: Sequence[Decimal | float]) -> tuple[float, float] | None:
    """The process limits of the series' own XmR chart (None: too short to judge)."""
    values = [float(v) for v in history if v is not None]
    if len(values) < OUTLIER_MIN_HISTORY:
        return None
    group = xmr(values).groups[-1]
    return group.lower_limit, group.upper_limit


def _identifier_problems(name: str, commentary: str) -> list[Problem]:
    """Commentary that looks like it holds a child's identifier (``core.identifiers``) is
    refused by every way in: it is published with the figures, and neither the workbook nor the
    API has a place to say why it must stay."""
    findings = find_identifiers(commentary or "")
    if not findings:
        return []
    labels = " and ".join(sorted({f.label for f in findings}))
    quoted = ", ".join(f"“{f.text}”" for f in findings[:3])
    return [
        Problem(
            "commentary",
            f"{name}: the commentary looks like it contains {labels} ({quoted}). Remove it: "
            "commentary is published with the figures and must not identify a child",
        )
    ]


def check_entry(rule: IndicatorRule, entry: Entry, context: Context | None = None) -> Checked:
    """Check one entry. A blank entry (no numerator, no denominator) is "not reported yet" and
    passes: whether everything has been reported is checked when the agency signs off."""
    context = context or Context()
    checked = Checked()
    name = rule.name
    problems = checked.problems
    numbers: dict[str, Decimal | None] = {}
    wanted = ["numerator", "denominator"] if rule.needs_denominator else ["numerator"]
    for part in wanted:
        raw = getattr(entry, part)
        label = part if rule.needs_denominator else "value"
        try:
            number = parse_number(raw)
        except ValueError as exc:
            problems.append(Problem(part, f"{name}: the {label} must be {exc}"))
            numbers[part] = None
            continue
        if number is not None and number < 0:
            problems.append(Problem(part, f"{name}: the {label} must be 0 or more"))
        elif number is not None and rule.unit in WHOLE_NUMBERS and number != number.to_integral():
            problems.append(Problem(part, f"{name}: the {label} must be a whole number"))
        numbers[part] = number
    if not rule.needs_denominator and not _blank(entry.denominator):
        problems.append(
            Problem("denominator", f"{name}: leave the denominator empty (this is a {rule.unit})")
        )
    if not (_blank(entry.numerator) and _blank(entry.denominator)):
        problems.extend(_identifier_problems(name, entry.commentary))
    if problems:
        return checked
    numerator, denominator = numbers.get("numerator"), numbers.get("denominator")
    checked.numerator, checked.denominator = numerator, denominator
    if numerator is None and denominator is None:
        return checked
    if rule.needs_denominator:
        if numerator is None:
            problems.append(Problem("numerator", f"{name}: enter the numerator too"))
            return checked
        if denominator is None:
            problems.append(Problem("denominator", f"{name}: enter the denominator too"))
            return checked
        if denominator == 0:
            problems.append(
                Problem(
                    "denominator",
                    f"{name}: the denominator must be more than 0 (if there were none this "
                    "period, leave both empty and say so in the commentary)",
                )
            )
            return checked
        if rule.unit in (UNIT_PERCENTAGE, UNIT_RATE) and numerator > denominator:
            what = (
                f"a percentage of {_fmt(numerator * 100 / denominator, 1)}% (a percentage "
                "must be between 0 and 100)"
                if rule.unit == UNIT_PERCENTAGE
                else "more children counted than there are"
            )
            problems.append(
                Problem(
                    "numerator",
                    f"{name}: the numerator ({_fmt(numerator)}) is more than the denominator "
                    f"({_fmt(denominator)}), which would make {what}",
                )
            )
            return checked
    assert numerator is not None
    if denominator is not None and numerator * SCALE[rule.unit] >= LIMIT * denominator:
        # only a ratio can be this big: a percentage or rate is at most 100 or 10,000
        problems.append(
            Problem(
                "denominator",
                f"{name}: the {rule.unit} worked out from these figures would be {LIMIT:,} "
                "or more, too big to store: check the numerator and the denominator",
            )
        )
        return checked
    value = compute_value(rule.unit, numerator, denominator)
    checked.value = value
    places = rule.decimal_places
    checked.commentary_reasons = _commentary_reasons(rule, value, context, places)
    if checked.commentary_reasons and not entry.commentary.strip():
        problems.append(
            Problem(
                "commentary",
                f"{name}: explain this value in the commentary, because "
                + " and ".join(checked.commentary_reasons),
            )
        )
    limits = outlier_limits(context.history)
    if limits is not None and not limits[0] <= float(value) <= limits[1]:
        checked.outside_limits = limits
        if not entry.confirmed_outlier:
            problems.append(
                Problem(
                    "confirmed_outlier",
                    f"{name}: {_fmt(value, places)} is outside the range this series usually "
                    f"stays within ({_fmt(limits[0], places)} to {_fmt(limits[1], places)}). "
                    "Check it; if it is right, confirm it",
                    Kind.CONFIRM,
                )
            )
    return checked


def completeness(expected: int, reported: int) -> float | None:
    """DHIS2's reporting rate: reported values as a percentage of those expected."""
    if expected == 0:
        return None
    return round(100 * reported / expected, 1)


def is_on_time(*, signed_on: date | None, due_on: date, today: date) -> bool | None:
    """True if signed off by the due date; False if signed off late or overdue now; None if
    not signed off and not yet due."""
    if signed_on is not None:
        return signed_on <= due_on
    return None if today <= due_on else False
