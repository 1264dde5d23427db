"""The rules of rounds, as tables: cadence, clashes between rounds, and which reminder is due."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.selfassessment.rounds.rules import cadence_years, reminder_due, round_clash


@pytest.mark.parametrize(
    ("name", "years"),
    [
        ("Section 11 self-assessment", 2),
        ("S11 audit 2024", 2),
        ("Section 175/157 safeguarding self-assessment for schools and colleges", 1),
        ("Exploitation self-assessment", 1),
        ("Section 111 of something", 1),
    ],
)
def test_cadence(name: str, years: int) -> None:
    assert cadence_years(name) == years


@pytest.mark.parametrize(
    ("year", "every", "others", "words"),
    [
        (2025, 1, [], None),
        (2025, 1, [2024, 2026], None),
        (2025, 1, [2025], "already a round of this framework for 2025/26"),
        (2025, 2, [2023], None),
        (
            2025,
            2,
            [2024],
            "runs every 2 years and has a round for 2024/25: the next can be for 2026/27",
        ),
        (2024, 2, [2025], "has a round for 2025/26: the next can be for 2027/28"),
        (2026, 2, [2024], None),
    ],
)
def test_round_clash(year: int, every: int, others: list[int], words: str | None) -> None:
    clash = round_clash(year=year, every=every, other_years=others)
    if words is None:
        assert clash is None
    else:
        assert clash is not None and words in clash


DEADLINE = date(2026, 3, 31)


@pytest.mark.parametrize(
    ("today", "sent", "due"),
    [
        (date(2026, 3, 1), [], None),  # more than two weeks before
        (date(2026, 3, 17), [], "two_weeks"),
        (date(2026, 3, 18), ["two_weeks"], None),  # once only
        (date(2026, 3, 24), ["two_weeks"], "one_week"),
        (date(2026, 3, 26), [], "one_week"),  # missed days: the latest due, not a burst
        (date(2026, 3, 30), ["two_weeks", "one_week"], "one_day"),
        (date(2026, 3, 31), ["one_day"], None),  # the deadline day itself
        (date(2026, 4, 1), ["one_day"], "overdue"),
        (date(2026, 4, 6), ["overdue"], None),
        (date(2026, 4, 7), ["overdue"], "still_overdue"),
        (date(2026, 4, 8), ["overdue", "still_overdue"], None),
        (date(2026, 6, 1), ["overdue", "still_overdue"], None),  # no more after that
    ],
)
def test_reminder_due(today: date, sent: list[str], due: str | None) -> None:
    assert reminder_due(deadline=DEADLINE, today=today, sent=sent) == due
