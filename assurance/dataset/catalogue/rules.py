"""Which indicators a partnership collects, and from which of its agencies (pure).

* **Phases.** A partnership adopts each phase of the data set from a date: an indicator of a
  phase is collected in a period that starts on or after that date. A partnership that has
  chosen no phase at all collects every phase (as before phases could be chosen).
* **Who reports an indicator.** What the business unit confirmed; until it confirms, the
  agencies proposed from the indicator's sector: the active agencies of that sector, never the
  independent scrutiny body (it scrutinises the figures, it does not report them); an
  indicator of the "other" sector (the partnership's own records, such as multi-agency training)
  is proposed to the local authority, where the business unit keeps them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Protocol

OTHER_SECTOR = "other"
SCRUTINY_KIND = "scrutiny"
LOCAL_AUTHORITY_ROLE = "local_authority"


class AgencyLike(Protocol):
    pk: int
    sector: str
    kind: str
    statutory_role: str
    is_active: bool


def phase_adopted(phase: int, adoptions: Mapping[int, date], period_start: date) -> bool:
    """Whether an indicator of ``phase`` is collected for the period starting ``period_start``
    (``adoptions``: each adopted phase's first day; empty when the partnership has not chosen
    its phases, when every phase is collected)."""
    if not adoptions:
        return True
    starts = adoptions.get(phase)
    return starts is not None and starts <= period_start


def proposed_agencies(sector: str, agencies: Iterable[AgencyLike]) -> list[int]:
    """The agencies proposed to report an indicator of ``sector`` until the business unit
    confirms who does."""
    candidates = [a for a in agencies if a.is_active and a.kind != SCRUTINY_KIND]
    if sector == OTHER_SECTOR:
        return [a.pk for a in candidates if a.statutory_role == LOCAL_AUTHORITY_ROLE]
    return [a.pk for a in candidates if a.sector == sector]


def reporting_agencies(
    sector: str, agencies: Iterable[AgencyLike], confirmed: Collection[int] | None
) -> list[int]:
    """The agencies that report an indicator: those confirmed (``None``: not confirmed yet,
    the proposal), active ones only."""
    agencies = list(agencies)
    if confirmed is None:
        return proposed_agencies(sector, agencies)
    return [a.pk for a in agencies if a.is_active and a.pk in confirmed]
