"""Pure rules of the performance pages (no database): when an indicator is an exception for the
executive, and the fingerprint of what a summary row was computed from.

**Exceptions.** An indicator of the partnership's data set is an exception when at least one
of these holds:

1. **concerning special cause variation**: the latest point of its XmR chart is special cause
   concerning (the variation verdict, read with polarity, NHS "Making Data Count");
2. **a missed target**: the latest value misses the target by more than the tolerance (red;
   a value within the tolerance, amber, is not an exception);
3. **worse than England beyond the margin**: the latest value is worse than England's published
   value for the latest published year by more than the partnership's margin (per cent of
   England's value, set on the partnership settings page). Counts are never compared with
   England (a local count and a national count are not comparable); percentages, rates,
   ratios and days are.

**Fingerprint.** A summary row is current only while the partnership's data version has not
moved on (ADR 023) *and* what the page itself reads has not changed: the indicator's
definition fields that change a verdict, the year's target and tolerance, and the
partnership's local authority, statistical neighbours and exception margin. The page compares
the fingerprint of what it read with the row's, so even a change made outside the services
(an operator's fix in the database) is never shown with an old verdict.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from assurance.dataset.benchmarks.rules import Rag, worse_than
from assurance.dataset.catalogue.models import Unit
from assurance.dataset.charts.spc import Variation


def _fmt(value: Decimal | None, places: int) -> str:
    return "–" if value is None else f"{value:,.{places}f}"


def exception_reasons(
    *,
    value: Decimal | None,
    target: Decimal | None,
    tolerance: Decimal | None,
    rag: Rag | None,
    variation: Variation | None,
    england: Decimal | None,
    compared_period: str,
    unit: str,
    polarity: str,
    places: int,
    margin: Decimal | int,
) -> list[str]:
    """Why an indicator needs the executive's attention (empty: it does not)."""
    reasons = []
    if variation is Variation.CONCERNING:
        reasons.append("Special cause concerning variation at the latest point")
    if rag is Rag.RED:
        reasons.append(
            f"Target missed: {_fmt(value, places)} against a target of {_fmt(target, places)}"
            + (f" (tolerance {_fmt(tolerance, places)})" if tolerance else "")
        )
    if unit != Unit.COUNT and worse_than(value, england, polarity, margin):
        reasons.append(
            f"Worse than England by more than {margin}%: {_fmt(value, places)} against "
            f"{_fmt(england, places)} ({compared_period})"
        )
    return reasons


def inputs_fingerprint(
    *,
    indicator: Sequence[object],
    target: Decimal | None,
    tolerance: Decimal | None,
    la_code: str,
    neighbour_codes: Sequence[str],
    margin: int,
) -> str:
    """A short digest of what a summary row depends on besides the published figures.
    Decimals are normalised, so 5 and 5.0000 (the database's form) are the same target."""
    return _fingerprint(
        tuple(indicator), target, tolerance, la_code, tuple(neighbour_codes), margin
    )


@lru_cache(maxsize=4096)
def _fingerprint(
    indicator: tuple[object, ...],
    target: Decimal | None,
    tolerance: Decimal | None,
    la_code: str,
    neighbour_codes: tuple[str, ...],
    margin: int,
) -> str:
    # Kept per process for the same inputs: a page of 150 indicators checks 150 rows on every
    # request. Equal decimals (5 and 5.0000) are one entry, as they are one fingerprint.

    def norm(d: Decimal | None) -> str:
        return "" if d is None else format(d.normalize(), "f")

    parts = [
        *(str(v) for v in indicator),
        norm(target),
        norm(tolerance),
        la_code,
        " ".join(neighbour_codes),
        str(margin),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
