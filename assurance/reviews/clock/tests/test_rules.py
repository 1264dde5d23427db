"""The statutory clock, read as tables: working days over Christmas, Easter, substitute bank
holidays and a partnership's closure days; six calendar months; the notice before publication.
No database."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from assurance.reviews.clock import rules


@pytest.mark.parametrize(
    ("became_aware_on", "closures", "notification", "rapid_review"),
    [
        # An ordinary week: the day of becoming aware is not counted
        (date(2026, 3, 2), (), date(2026, 3, 9), date(2026, 3, 23)),
        (date(2026, 3, 6), (), date(2026, 3, 13), date(2026, 3, 27)),
        # Aware on a Saturday: the count starts on Monday
        (date(2026, 3, 7), (), date(2026, 3, 13), date(2026, 3, 27)),
        # Aware on a bank holiday (spring bank holiday 2026)
        (date(2026, 5, 25), (), date(2026, 6, 1), date(2026, 6, 15)),
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April
        (date(2026, 4, 2), (), date(2026, 4, 13), date(2026, 4, 27)),
        # Christmas 2021 on a Saturday: substitute days on Monday 27 and Tuesday 28 December,
        # and New Year's Day 2022 (a Saturday) on Monday 3 January
        (date(2021, 12, 23), (), date(2022, 1, 4), date(2022, 1, 18)),
        # Christmas 2022 on a Sunday: Boxing Day Monday, Christmas substitute Tuesday 27; New
        # Year's Day 2023 (a Sunday) on Monday 2 January
        (date(2022, 12, 23), (), date(2023, 1, 4), date(2023, 1, 18)),
        # Christmas 2027 on a Saturday, as in 2021
        (date(2027, 12, 24), (), date(2028, 1, 5), date(2028, 1, 19)),
        # A partnership's closure day (Wednesday 4 March) is not a working day
        (date(2026, 3, 2), (date(2026, 3, 4),), date(2026, 3, 10), date(2026, 3, 24)),
        # A closure day at a weekend changes nothing
        (date(2026, 3, 2), (date(2026, 3, 7),), date(2026, 3, 9), date(2026, 3, 23)),
        # The partnership's Christmas closure between the bank holidays (2026)
        (
            date(2026, 12, 23),
            (date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)),
            date(2027, 1, 7),
            date(2027, 1, 21),
        ),
    ],
)
def test_notification_and_rapid_review_deadlines(
    became_aware_on: date, closures: tuple[date, ...], notification: date, rapid_review: date
) -> None:
    assert rules.notification_due(became_aware_on, closures) == notification
    assert rules.rapid_review_due(became_aware_on, closures) == rapid_review


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 4), True),
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 4, 3), False),  # Good Friday
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 12, 28), False),  # Boxing Day (substitute day)
        (date(2021, 12, 28), False),  # Boxing Day (substitute day)
        (date(2022, 12, 27), False),  # Christmas Day (substitute day)
        (date(2026, 8, 31), False),  # summer bank holiday (England and Wales)
        (date(2026, 8, 3), True),  # Scotland's summer bank holiday is not ours
        (date(2026, 3, 17), True),  # nor Northern Ireland's St Patrick's Day
        (date(2026, 11, 30), True),  # nor St Andrew's Day
    ],
)
def test_working_days(day: date, working: bool) -> None:
    assert rules.is_working_day(day) is working


def test_the_calendar_of_england_is_that_of_wales() -> None:
    years = range(2018, 2036)
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(england) == set(wales)


def test_bank_holiday_names() -> None:
    assert rules.bank_holiday_name(date(2021, 12, 28)) == "Boxing Day (observed)"
    assert rules.bank_holiday_name(date(2026, 3, 4)) == ""


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (date(2026, 3, 2), date(2026, 3, 2), 0),  # due today
        (date(2026, 3, 2), date(2026, 3, 6), 4),
        (date(2026, 3, 6), date(2026, 3, 9), 1),  # over a weekend
        (date(2026, 3, 9), date(2026, 3, 6), -1),  # one working day late
        # Saturday after a Friday deadline: late (is_late), but no working day has passed yet
        (date(2026, 3, 14), date(2026, 3, 13), 0),
        (date(2026, 3, 16), date(2026, 3, 13), -1),  # Monday, due on the Friday
        (date(2026, 3, 17), date(2026, 3, 13), -2),
        (date(2021, 12, 23), date(2022, 1, 4), 5),  # over Christmas 2021
        (date(2026, 4, 2), date(2026, 4, 13), 5),  # over Easter 2026
    ],
)
def test_working_days_between(start: date, end: date, days: int) -> None:
    assert rules.working_days_between(start, end) == days


def test_counting_forwards_and_between_agree() -> None:
    start = date(2021, 11, 1)
    for offset in range(0, 900, 7):
        day = start + timedelta(days=offset)
        for n in (1, 5, 15):
            assert rules.working_days_between(day, rules.add_working_days(day, n)) == n


@pytest.mark.parametrize(
    ("decided_on", "due"),
    [
        (date(2026, 1, 15), date(2026, 7, 15)),
        (date(2026, 9, 30), date(2027, 3, 30)),
        (date(2026, 8, 31), date(2027, 2, 28)),  # no 31 February: the month's last day
        (date(2027, 8, 31), date(2028, 2, 29)),  # a leap year
        (date(2026, 12, 31), date(2027, 6, 30)),
        (date(2026, 7, 1), date(2027, 1, 1)),  # a bank holiday: six months are calendar months
    ],
)
def test_publication_is_due_six_months_after_the_decision(decided_on: date, due: date) -> None:
    assert rules.publication_due(decided_on) == due


@pytest.mark.parametrize(
    ("publication_on", "notice", "closures", "due"),
    [
        (date(2026, 3, 20), 7, (), date(2026, 3, 11)),
        (date(2026, 3, 20), 10, (), date(2026, 3, 6)),
        # Over Christmas 2026: Boxing Day is a Saturday, its substitute Monday 28 December
        (date(2027, 1, 7), 7, (), date(2026, 12, 24)),
        # Over Easter 2026
        (date(2026, 4, 10), 7, (), date(2026, 3, 30)),
        (date(2026, 3, 20), 7, (date(2026, 3, 12),), date(2026, 3, 10)),
    ],
)
def test_notice_before_publication(
    publication_on: date, notice: int, closures: tuple[date, ...], due: date
) -> None:
    assert rules.notice_due(publication_on, notice, closures) == due


@pytest.mark.parametrize(
    ("due", "done_on", "today", "late"),
    [
        (date(2026, 3, 9), None, date(2026, 3, 9), False),  # due today
        (date(2026, 3, 9), None, date(2026, 3, 10), True),
        (date(2026, 3, 9), date(2026, 3, 9), date(2026, 4, 1), False),
        (date(2026, 3, 9), date(2026, 3, 10), date(2026, 4, 1), True),  # done late stays late
        (date(2026, 3, 9), date(2026, 3, 1), date(2026, 3, 1), False),
    ],
)
def test_lateness(due: date, done_on: date | None, today: date, late: bool) -> None:
    assert rules.is_late(due=due, done_on=done_on, today=today) is late


@pytest.mark.parametrize(
    ("requested_on", "working_days", "closures", "due"),
    [
        # Sent on a Monday, 5 working days: the next Monday
        (date(2026, 3, 2), 5, (), date(2026, 3, 9)),
        # Sent on Maundy Thursday 2026: Good Friday and Easter Monday are not counted
        (date(2026, 4, 2), 5, (), date(2026, 4, 13)),
        # Sent just before Christmas 2026 (Boxing Day on a Saturday: substitute Monday 28),
        # with the partnership's closure days between Christmas and New Year
        (
            date(2026, 12, 23),
            3,
            (date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)),
            date(2027, 1, 5),
        ),
        # A partnership that gives agencies 10 working days
        (date(2026, 3, 2), 10, (), date(2026, 3, 16)),
    ],
)
def test_information_is_due_in_the_partnerships_working_days(
    requested_on, working_days, closures, due
):
    assert rules.information_due(requested_on, working_days, closures) == due


@pytest.mark.parametrize(
    ("notice", "information", "wrong"),
    [
        (7, 5, set()),
        (0, 1, set()),
        (60, 14, set()),
        (-1, 5, {"notice_working_days"}),
        (61, 5, {"notice_working_days"}),
        # An agency's answer must reach the rapid review before its 15 working days are up
        (7, 15, {"information_working_days"}),
        (7, 0, {"information_working_days"}),
    ],
)
def test_the_partnerships_settings_of_the_clock(notice, information, wrong):
    problems = rules.settings_problems(
        notice_working_days=notice, information_working_days=information
    )
    assert set(problems) == wrong


def test_working_days_between_agrees_with_counting_day_by_day():
    """Counted by whole weeks, the working days between two dates are those a day-by-day walk
    finds, across years, bank holidays (substitute days included) and closure days, either way
    round."""
    closures = frozenset({date(2024, 12, 30), date(2025, 12, 29), date(2025, 12, 27)})

    def walked(start: date, end: date) -> int:
        low, high = sorted((start, end))
        count = sum(
            rules.is_working_day(low + timedelta(days=n), closures)
            for n in range(1, (high - low).days + 1)
        )
        return count if end >= start else -count

    start = date(2021, 12, 20)
    for offset in [*range(0, 40), 100, 365, 366, 1000, 1461, 1800]:
        for step in (offset, -offset):
            end = start + timedelta(days=step)
            assert rules.working_days_between(start, end, closures) == walked(start, end), end


def _walked(start: date, end: date, closures: frozenset[date] = frozenset()) -> int:
    """The day-by-day rule: each day after ``start`` up to ``end`` that is a working day."""
    low, high = sorted((start, end))
    count = sum(
        rules.is_working_day(low + timedelta(days=n), closures)
        for n in range(1, (high - low).days + 1)
    )
    return count if end >= start else -count


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        # Christmas 2021: Christmas Day and Boxing Day at a weekend, substitute days on Monday
        # 27 and Tuesday 28 December; New Year's Day on a Saturday, substitute Monday 3 January
        (date(2021, 12, 24), date(2022, 1, 4), 4),
        # Christmas 2026: Boxing Day on a Saturday, its substitute on Monday 28 December
        (date(2026, 12, 23), date(2027, 1, 4), 5),
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April
        (date(2026, 4, 1), date(2026, 4, 10), 5),
        # the same spans counted backwards (working days late)
        (date(2022, 1, 4), date(2021, 12, 24), -4),
        (date(2026, 4, 10), date(2026, 4, 1), -5),
        # whole weeks over a year and more: 10 years back from Christmas 2026
        (date(2016, 12, 23), date(2026, 12, 23), 2525),
    ],
)
def test_whole_weeks_and_holidays_in_range_agree_with_the_day_by_day_rule(
    start: date, end: date, days: int
) -> None:
    """``working_days_between`` counts whole weeks, then takes away the bank holidays and
    closure days in range; each span is also counted day by day, and both agree with the
    table."""
    assert _walked(start, end) == days
    assert rules.working_days_between(start, end) == days
    closures = frozenset({date(2026, 12, 29), date(2026, 12, 30), date(2021, 12, 29)})
    assert rules.working_days_between(start, end, closures) == _walked(start, end, closures)
