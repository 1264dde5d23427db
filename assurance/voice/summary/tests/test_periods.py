"""The summary's periods: quarters of the business year and whole years (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.voice.summary.periods import Period, period_from, quarter_of


@pytest.mark.parametrize(
    ("period", "start", "end", "label"),
    [
        (
            Period(2026, 1),
            date(2026, 4, 1),
            date(2026, 6, 30),
            "Quarter 1 of 2026/27 (April to June 2026)",
        ),
        (
            Period(2026, 2),
            date(2026, 7, 1),
            date(2026, 9, 30),
            "Quarter 2 of 2026/27 (July to September 2026)",
        ),
        (
            Period(2026, 3),
            date(2026, 10, 1),
            date(2026, 12, 31),
            "Quarter 3 of 2026/27 (October to December 2026)",
        ),
        (
            Period(2026, 4),
            date(2027, 1, 1),
            date(2027, 3, 31),
            "Quarter 4 of 2026/27 (January to March 2027)",
        ),
        (
            Period(2027, 4),
            date(2028, 1, 1),
            date(2028, 3, 31),
            "Quarter 4 of 2027/28 (January to March 2028)",
        ),
        (Period(2025), date(2025, 4, 1), date(2026, 3, 31), "2025/26 (April 2025 to March 2026)"),
    ],
)
def test_a_period_runs_from_its_first_day_to_its_last(period, start, end, label) -> None:
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    ("day", "period"),
    [
        (date(2026, 4, 1), Period(2026, 1)),
        (date(2026, 6, 30), Period(2026, 1)),
        (date(2026, 7, 1), Period(2026, 2)),
        (date(2026, 12, 31), Period(2026, 3)),
        (date(2027, 1, 1), Period(2026, 4)),
        (date(2027, 3, 31), Period(2026, 4)),
    ],
)
def test_the_quarter_of_a_day(day, period) -> None:
    assert quarter_of(day) == period


def test_quarters_follow_one_another_across_the_year_end() -> None:
    assert Period(2026, 4).next() == Period(2027, 1)
    assert Period(2027, 1).previous() == Period(2026, 4)
    assert Period(2026, 2).whole_year() == Period(2026)
    assert Period(2026).next() == Period(2027)


TODAY = date(2026, 12, 3)  # quarter 3 of 2026/27


@pytest.mark.parametrize(
    ("asked", "period"),
    [
        ("2026-Q1", Period(2026, 1)),
        ("2025", Period(2025)),
        ("2026", Period(2026)),  # the year so far
        (None, Period(2026, 3)),
        ("", Period(2026, 3)),
        ("2026-Q4", Period(2026, 3)),  # not yet begun
        ("2027", Period(2026, 3)),
        ("2026-Q5", Period(2026, 3)),
        ("1999", Period(2026, 3)),  # too long ago
        ("next", Period(2026, 3)),
    ],
)
def test_the_period_asked_for_or_this_quarter(asked, period) -> None:
    assert period_from(asked, today=TODAY) == period
