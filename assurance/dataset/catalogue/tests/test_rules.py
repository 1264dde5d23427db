"""Which indicators a partnership collects and from whom (table-driven, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from assurance.dataset.catalogue.rules import (
    phase_adopted,
    proposed_agencies,
    reporting_agencies,
)


@dataclass
class A:
    pk: int
    sector: str
    kind: str = "relevant"
    statutory_role: str = ""
    is_active: bool = True


COUNCIL = A(1, "local_authority", "statutory", "local_authority")
POLICE = A(2, "police", "statutory", "police")
SCHOOLS = A(3, "education")
COLLEGE = A(4, "education")
FIRE = A(5, "other")
SCRUTINY = A(6, "other", "scrutiny")
OLD_TRUST = A(7, "health_provider", is_active=False)
TRUST = A(8, "health_provider")
AGENCIES = [COUNCIL, POLICE, SCHOOLS, COLLEGE, FIRE, SCRUTINY, OLD_TRUST, TRUST]

APRIL, JULY, OCTOBER = date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1)


@pytest.mark.parametrize(
    ("phase", "adoptions", "period_start", "expected"),
    [
        (3, {}, APRIL, True),  # not chosen yet: every phase is collected
        (1, {1: APRIL}, APRIL, True),  # from its first day
        (1, {1: JULY}, APRIL, False),  # a period before the adoption
        (1, {1: date(2025, 5, 15)}, APRIL, False),  # adopted within the period: not that one
        (1, {1: date(2025, 5, 15)}, JULY, True),
        (2, {1: APRIL}, OCTOBER, False),  # a phase not adopted
        (2, {1: APRIL, 2: JULY}, OCTOBER, True),
    ],
)
def test_phase_adopted(phase, adoptions, period_start, expected):
    assert phase_adopted(phase, adoptions, period_start) is expected


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("local_authority", [1]),
        ("police", [2]),
        ("education", [3, 4]),  # every agency of the sector
        ("health_provider", [8]),  # an inactive agency is never asked
        ("other", [1]),  # the partnership's own records: the council, not fire or scrutiny
        ("housing", []),  # no agency of the sector
    ],
)
def test_proposed_agencies(sector, expected):
    assert proposed_agencies(sector, AGENCIES) == expected


def test_scrutiny_is_never_proposed_even_for_its_sector():
    assert proposed_agencies("other", [SCRUTINY, FIRE]) == []


@pytest.mark.parametrize(
    ("confirmed", "expected"),
    [
        (None, [3, 4]),  # not confirmed: the proposal
        ({3}, [3]),  # confirmed: exactly those (the college is not asked)
        ({1, 3}, [1, 3]),  # any agency, whatever its sector
        (set(), []),  # confirmed as reported by no agency
        ({3, 7}, [3]),  # an agency made inactive since is not asked
    ],
)
def test_reporting_agencies(confirmed, expected):
    assert reporting_agencies("education", AGENCIES, confirmed) == expected
