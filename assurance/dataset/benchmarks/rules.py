"""Pure rules for comparing a local authority with others and with its target (no Django).

* **Statistical neighbour average**: the arithmetic mean of the neighbours' published values for
  the period, as the DfE's Local Authority Interactive Tool shows it. A suppressed or missing
  neighbour value is left out (never counted as zero) and reported in ``missing``; the average
  is of the neighbours that have a value, and there is none when no neighbour has one.
* **Direction of travel**: the latest value against the previous period's. A change of no more
  than ``DIRECTION_THRESHOLD`` (1 per cent) of the previous value is "no change"; otherwise it is
  improving or worsening by the indicator's polarity ("increased" or "decreased" when neither
  direction is better). From a previous value of zero any change counts.
* **RAG against a target**: green when the target is met (at or above it when higher is better,
  at or below it when lower is better), amber when missed by no more than the tolerance, red
  when missed by more. No rating without a target, a value, or a direction that is better.
* **Worse than a reference by a margin**: worse (by polarity) by more than ``margin_percent`` of
  the reference's value, e.g. 22 % re-referrals against England's 20 % with a 5 % margin is
  worse by 2 points, more than 1 point (5 % of 20): worse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

DIRECTION_THRESHOLD = Decimal("0.01")


class Direction(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no_change"
    INCREASED = "increased"  # polarity "neither"
    DECREASED = "decreased"


DIRECTION_LABELS = {
    Direction.IMPROVING: "Improving",
    Direction.WORSENING: "Worsening",
    Direction.NO_CHANGE: "No change",
    Direction.INCREASED: "Increased",
    Direction.DECREASED: "Decreased",
}


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


RAG_LABELS = {Rag.GREEN: "Met", Rag.AMBER: "Within tolerance", Rag.RED: "Missed"}
RAG_COLOURS = {Rag.GREEN: "green", Rag.AMBER: "yellow", Rag.RED: "red"}  # GOV.UK tag colours


@dataclass(frozen=True)
class NeighbourAverage:
    value: Decimal | None
    known: int  # neighbours with a published value
    missing: int  # neighbours suppressed or without a figure for the period


def neighbour_average(values: Iterable[Decimal | None]) -> NeighbourAverage:
    listed = list(values)
    known = [v for v in listed if v is not None]
    missing = len(listed) - len(known)
    if not known:
        return NeighbourAverage(None, 0, missing)
    return NeighbourAverage(sum(known, Decimal(0)) / len(known), len(known), missing)


def _sign(polarity: str) -> int:
    return {"higher": 1, "lower": -1}.get(polarity, 0)


def direction_of_travel(
    previous: Decimal | None,
    latest: Decimal | None,
    polarity: str,
    *,
    threshold: Decimal = DIRECTION_THRESHOLD,
) -> Direction | None:
    if previous is None or latest is None:
        return None
    change = latest - previous
    if change == 0 or (previous != 0 and abs(change) <= threshold * abs(previous)):
        return Direction.NO_CHANGE
    sign = _sign(polarity)
    if sign == 0:
        return Direction.INCREASED if change > 0 else Direction.DECREASED
    return Direction.IMPROVING if change * sign > 0 else Direction.WORSENING


def rag(
    value: Decimal | None, target: Decimal | None, tolerance: Decimal | None, polarity: str
) -> Rag | None:
    sign = _sign(polarity)
    if value is None or target is None or sign == 0:
        return None
    shortfall = (target - value) * sign  # > 0: the target is missed by this much
    if shortfall <= 0:
        return Rag.GREEN
    if tolerance is not None and shortfall <= tolerance:
        return Rag.AMBER
    return Rag.RED


def worse_than(
    value: Decimal | None, reference: Decimal | None, polarity: str, margin_percent: Decimal | int
) -> bool:
    """True when ``value`` is worse than ``reference`` by more than the margin."""
    sign = _sign(polarity)
    if value is None or reference is None or sign == 0:
        return False
    worse_by = (reference - value) * sign
    return worse_by > abs(reference) * Decimal(margin_percent) / 100
