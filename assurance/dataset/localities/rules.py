"""The rule that an indicator's figures by locality add up to the whole (pure, no database).

An agency that reports an indicator collected by locality gives its total and a figure for
every locality in use. Counts are whole numbers of 0 or more; for a percentage, a rate or a
ratio each locality has its numerator and denominator (numerator no more than denominator where
the unit is a percentage or a rate), and the localities' numerators add up to the total's
numerator and their denominators to the total's denominator. An average (days) cannot be split
so that its parts add up, so it is never collected by locality.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Units whose figures are counts, so their localities add up to the whole
BY_LOCALITY_UNITS = ("count", "percentage", "rate_10k", "ratio")
WHOLE_UNITS = ("count", "percentage", "rate_10k")
BOUNDED_UNITS = ("percentage", "rate_10k")  # numerator no more than denominator


def can_be_split(unit: str) -> bool:
    return unit in BY_LOCALITY_UNITS


@dataclass(frozen=True)
class Part:
    """One locality's figure as entered (None: left blank)."""

    locality: str
    numerator: Decimal | None
    denominator: Decimal | None = None


@dataclass(frozen=True)
class PartProblem:
    locality: str  # the locality it is about, or "" for the whole
    field: str  # "numerator" or "denominator"
    message: str


def _n(number: Decimal) -> str:
    return f"{number.normalize():,f}"


def _difference(parts_sum: Decimal, total: Decimal, what: str) -> str:
    gap = parts_sum - total
    more = "more" if gap > 0 else "fewer"
    return (
        f"the localities' {what} add up to {_n(parts_sum)}, {_n(abs(gap))} {more} than the "
        f"total of {_n(total)}"
    )


def breakdown_problems(
    *,
    name: str,
    unit: str,
    numerator: Decimal | None,
    denominator: Decimal | None,
    parts: Sequence[Part],
) -> list[PartProblem]:
    """What is wrong with an agency's figures by locality for one indicator, each message
    starting with ``name`` (the indicator's code and title) and naming the locality. A blank
    total with every locality blank is fine (nothing entered yet); figures by locality without
    a total are not."""
    needs_denominator = unit not in ("count", "days")
    problems: list[PartProblem] = []
    if numerator is None:
        if any(p.numerator is not None or p.denominator is not None for p in parts):
            return [
                PartProblem(
                    "", "numerator", f"{name}: enter the total as well as the figures by locality"
                )
            ]
        return []
    for part in parts:
        fields = [("numerator", part.numerator)]
        if needs_denominator:
            fields.append(("denominator", part.denominator))
        for field, number in fields:
            word = "figure" if field == "numerator" and not needs_denominator else field
            if number is None:
                problems.append(
                    PartProblem(
                        part.locality, field, f"{name}: enter the {word} for {part.locality}"
                    )
                )
            elif number < 0 or (unit in WHOLE_UNITS and number != number.to_integral_value()):
                kind = "a whole number" if unit in WHOLE_UNITS else "a number"
                problems.append(
                    PartProblem(
                        part.locality,
                        field,
                        f"{name}: the {word} for {part.locality} must be {kind} of 0 or more",
                    )
                )
        if (
            unit in BOUNDED_UNITS
            and part.numerator is not None
            and part.denominator is not None
            and part.numerator > part.denominator
        ):
            problems.append(
                PartProblem(
                    part.locality,
                    "numerator",
                    f"{name}: the numerator for {part.locality} ({_n(part.numerator)}) cannot "
                    f"be more than its denominator ({_n(part.denominator)})",
                )
            )
    if problems or not parts:
        return problems
    sums = [("numerator", "figures" if not needs_denominator else "numerators", numerator)]
    if needs_denominator and denominator is not None:
        sums.append(("denominator", "denominators", denominator))
    for field, what, total in sums:
        parts_sum = sum((getattr(p, field) for p in parts), Decimal(0))
        if parts_sum != total:
            listed = ", ".join(f"{p.locality} {_n(getattr(p, field))}" for p in parts)
            problems.append(
                PartProblem(
                    parts[0].locality,
                    field,
                    f"{name}: {_difference(parts_sum, total, what)} ({listed}). Check each "
                    "locality's figure and the total",
                )
            )
    return problems


@dataclass(frozen=True)
class Standout:
    """Where the localities stand apart in one period: the highest and the lowest figure, and
    the localities that have it (more than one when they are level)."""

    highest: tuple[str, ...]
    high: Decimal
    lowest: tuple[str, ...]
    low: Decimal

    def describe(self, places: int) -> str:
        """For example "Highest: North (52); lowest: East and South (40)"."""

        def names(found: tuple[str, ...]) -> str:
            return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]

        def shown(value: Decimal) -> str:  # rounded half up, as the scorecard shows figures
            return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,f}"

        return (
            f"Highest: {names(self.highest)} ({shown(self.high)}); "
            f"lowest: {names(self.lowest)} ({shown(self.low)})"
        )


def standout(figures: Sequence[tuple[str, Decimal | None]]) -> Standout | None:
    """The highest and lowest of the localities' figures for a period (a locality without a
    figure is left out). None when fewer than two localities have one or all are level: no
    locality stands apart."""
    known = [(name, value) for name, value in figures if value is not None]
    if len(known) < 2:
        return None
    high = max(value for _, value in known)
    low = min(value for _, value in known)
    if high == low:
        return None
    return Standout(
        highest=tuple(name for name, value in known if value == high),
        high=high,
        lowest=tuple(name for name, value in known if value == low),
        low=low,
    )
