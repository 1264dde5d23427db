"""Aggregates of published figures: England and regional totals from local-authority rows, and
rates per 10,000 children. Pure (no Django); checked against the real files in
tests/test_verification.py and explained in docs/dataset.md.

The DfE rounds national and regional counts to the nearest 10 and publishes local-authority
counts unrounded, so a total computed from the LAs equals the published figure after rounding to
10. When an LA value is suppressed the total cannot be checked: we report the known sum, how many
LAs are unknown and the remainder the published total implies for them (± 5 for the rounding).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

# Inner and Outer London are published as regions of their own and their LAs carry those codes;
# London is the two together.
LONDON = "E12000007"
LONDON_PARTS = ("E13000001", "E13000002")


class TotalStatus(StrEnum):
    REPRODUCED = "reproduced"
    DIFFERS = "differs"
    UNKNOWN_REMAINDER = "unknown_remainder"  # some LA values are suppressed
    NOT_PUBLISHED = "not_published"  # the published total itself is missing


@dataclass(frozen=True)
class TotalCheck:
    status: TotalStatus
    published: int | None
    computed: int  # sum of the known LA values
    rounded: int  # computed, rounded as the publication rounds
    suppressed: int  # LA values that are missing
    remainder: int | None  # published - computed when LAs are suppressed


def round_half_up(value: Decimal | int | float, places: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, ROUND_HALF_UP)


def round_to(value: int, base: int = 10) -> int:
    """Round to the nearest ``base`` (halves up), as DfE rounds national and regional counts."""
    if base <= 1:
        return value
    return int(round_half_up(Decimal(value) / base)) * base


def check_total(
    *, published: int | None, la_values: Iterable[int | None], rounding: int = 10
) -> TotalCheck:
    values = list(la_values)
    known = [v for v in values if v is not None]
    computed = sum(known)
    suppressed = len(values) - len(known)
    rounded = round_to(computed, rounding)
    if published is None:
        status, remainder = TotalStatus.NOT_PUBLISHED, None
    elif suppressed:
        status, remainder = TotalStatus.UNKNOWN_REMAINDER, published - computed
    else:
        remainder = None
        status = TotalStatus.REPRODUCED if rounded == published else TotalStatus.DIFFERS
    return TotalCheck(status, published, computed, rounded, suppressed, remainder)


def rate_per_10k(count: int | Decimal, population: int | Decimal, places: int = 1) -> Decimal:
    """Rate per 10,000 children, rounded half up as DfE and LAIT publish it."""
    if not population:
        raise ZeroDivisionError("population is zero")
    return round_half_up(Decimal(count) * 10000 / Decimal(population), places)


def population_year(reporting_year: int) -> int:
    """The ONS mid-year estimate a reporting year's rates use: the calendar year before
    (the year to 31 March 2025 uses mid-2024)."""
    return reporting_year - 1


def region_groups(la_regions: Mapping[str, str]) -> dict[str, list[str]]:
    """Region code → LA codes, with London made of Inner and Outer London."""
    groups: dict[str, list[str]] = {}
    for la, region in la_regions.items():
        groups.setdefault(region, []).append(la)
        if region in LONDON_PARTS:
            groups.setdefault(LONDON, []).append(la)
    return groups


def quantile(values: list[Decimal], p: float) -> Decimal:
    """R's default quantile (type 7: linear interpolation between order statistics), which
    LAIT uses for its quartile bands."""
    xs = sorted(values)
    if not xs:
        raise ValueError("no values")
    h = (len(xs) - 1) * Decimal(str(p))
    lo = int(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def national_rank(value: Decimal, values: list[Decimal], polarity: str) -> int | None:
    """LAIT's national rank: 1 = best; ties share the best rank ("min"); None when neither
    direction is better."""
    if polarity == "higher":
        return 1 + sum(1 for v in values if v > value)
    if polarity == "lower":
        return 1 + sum(1 for v in values if v < value)
    return None


def quartile_band(value: Decimal, values: list[Decimal], polarity: str) -> str | None:
    """The quartile band among all local authorities: A is the best quarter by the polarity
    (for "neither", A is the lowest quarter). Boundaries as LAIT: a value on a quartile belongs
    to the band below it (A = up to the 25th percentile, B = above it up to the median, …)."""
    if not values:
        return None
    q1, q2, q3 = (quantile(values, p) for p in (0.25, 0.5, 0.75))
    low_to_high = "A" if value <= q1 else "B" if value <= q2 else "C" if value <= q3 else "D"
    if polarity == "higher":
        return {"A": "D", "B": "C", "C": "B", "D": "A"}[low_to_high]
    return low_to_high
