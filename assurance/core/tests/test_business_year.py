"""Business years run from April to March; 2026 means April 2026 to March 2027."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.core.business_year import (
    business_year_bounds,
    business_year_from,
    business_year_label,
    business_year_of,
    current_business_year,
)


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 4, 1), 2026),
        (date(2026, 3, 31), 2025),
        (date(2026, 12, 31), 2026),
        (date(2027, 1, 1), 2026),
        (date(2027, 3, 31), 2026),
        (date(2000, 4, 1), 2000),
    ],
)
def test_business_year_of(day: date, year: int) -> None:
    assert business_year_of(day) == year


@pytest.mark.parametrize(
    ("year", "label"), [(2026, "2026/27"), (1999, "1999/00"), (2009, "2009/10")]
)
def test_business_year_label(year: int, label: str) -> None:
    assert business_year_label(year) == label


def test_business_year_bounds() -> None:
    assert business_year_bounds(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    start, end = business_year_bounds(2027)
    assert business_year_of(start) == business_year_of(end) == 2027


def test_current_business_year_follows_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: date(2027, 2, 14))
    assert current_business_year() == 2026
    monkeypatch.setattr(timezone, "localdate", lambda: date(2027, 4, 14))
    assert current_business_year() == 2027


@pytest.mark.parametrize(
    ("value", "ahead", "expected_offset"),
    [
        (None, 1, 0),
        ("", 1, 0),
        ("twenty", 1, 0),
        ("2.5", 1, 0),
        ("+1", 1, 1),
        ("1", 1, 1),
        ("-10", 1, -10),
        ("-11", 1, 0),
        ("2", 1, 0),
        ("2", 2, 2),
    ],
)
def test_business_year_from_a_request(value, ahead, expected_offset) -> None:
    this_year = current_business_year()
    asked = value
    if value not in (None, "", "twenty", "2.5"):
        asked = str(this_year + int(value))
    assert business_year_from(asked, ahead=ahead) == this_year + expected_offset
