"""Where a local indicator's series breaks: the first period measured by each new version of
its definition (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def series_breaks(period_starts: Sequence[date], changes: Sequence[date]) -> list[int]:
    """The positions (in a series of periods, oldest first) of the first period that starts on
    or after each change of definition: the SPC chart starts a new series there. A change
    before the first period or after the last breaks nothing; two changes within one period
    break it once."""
    breaks: set[int] = set()
    for starts in changes:
        position = next((i for i, p in enumerate(period_starts) if p >= starts), None)
        if position:  # not None, and not the first period (nothing before it to break from)
            breaks.add(position)
    return sorted(breaks)
