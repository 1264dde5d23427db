"""The statutory clock of serious incidents and reviews (England), as pure functions.

* A working day is a weekday that is not a bank holiday of England and Wales (the ``holidays``
  package's calendar of the United Kingdom, subdivision England, which has the same bank
  holidays as Wales, substitute days included) and not one of the partnership's own closure
  days.
* Counting "within N working days of becoming aware": the day of becoming aware is not counted;
  the deadline is the Nth working day after it (Children Act 2004 s16C; Working Together to
  Safeguard Children 2023, chapter 5).
* The local authority notifies the Child Safeguarding Practice Review Panel within 5 working
  days; the rapid review reaches the Panel within 15 working days.
* A local child safeguarding practice review is published within six months of the decision to
  undertake it: the same day of the month six months on, or that month's last day where it is
  shorter (31 August → 28 or 29 February).
* The Panel and the Department for Education receive the final report a number of working days
  before publication that the partnership sets (7 by default): the deadline is that many
  working days before the publication date.
* An agency answers a rapid review's information request within a number of working days the
  partnership sets (5 by default), counted like the others from the day it was sent; it must be
  fewer than the rapid review's 15, so the answers reach the review before it is due.

docs/reviews.md cites the published texts.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache

import holidays

NOTIFICATION_WORKING_DAYS = 5
RAPID_REVIEW_WORKING_DAYS = 15
PUBLICATION_MONTHS = 6
DEFAULT_NOTICE_WORKING_DAYS = 7
DEFAULT_INFORMATION_WORKING_DAYS = 5
MAX_NOTICE_WORKING_DAYS = 60
REMIND_WORKING_DAYS = 2  # reminders come in the last working days before a deadline


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays of ``year``, substitute days included."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def bank_holiday_name(day: date) -> str:
    """The bank holiday's name ("Christmas Day (observed)"), or "" if ``day`` is not one."""
    if day not in bank_holidays(day.year):
        return ""
    return str(holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day))


def is_working_day(day: date, closures: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year) and day not in closures


def add_working_days(start: date, days: int, closures: Collection[date] = ()) -> date:
    """The ``days``-th working day after ``start`` (before it, if ``days`` is negative); the
    start itself is never counted. Zero days is ``start``. Remembered: a board of many reviews
    asks the same few questions again and again."""
    return _add_working_days(start, days, frozenset(closures))


@lru_cache(maxsize=16384)
def _add_working_days(start: date, days: int, closures: frozenset[date]) -> date:
    step = 1 if days >= 0 else -1
    day, left = start, abs(days)
    while left:
        day += timedelta(days=step)
        if is_working_day(day, closures):
            left -= 1
    return day


def working_days_between(start: date, end: date, closures: Collection[date] = ()) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` comes
    first (the working days from ``end``, exclusive, to ``start``, inclusive). So the working
    days left until a deadline are ``working_days_between(today, due)``: 0 when it is due
    today, -1 when it was due on the last working day."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    low, high = (start, end) if end > start else (end, start)
    # Weekdays in (low, high], counted by whole weeks (a deadline years past costs no more than
    # one next week), less the bank holidays and closure days among them that fall on weekdays.
    weeks, rest = divmod((high - low).days, 7)
    weekdays = weeks * 5 + sum((low.weekday() + k) % 7 < 5 for k in range(1, rest + 1))
    holidays_in = {
        day
        for year in range(low.year, high.year + 1)
        for day in bank_holidays(year)
        if low < day <= high and day.weekday() < 5
    }
    closed = {day for day in closures if low < day <= high and day.weekday() < 5}
    return sign * (weekdays - len(holidays_in | closed))


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def notification_due(became_aware_on: date, closures: Collection[date] = ()) -> date:
    """When the Panel must have the local authority's notification."""
    return add_working_days(became_aware_on, NOTIFICATION_WORKING_DAYS, closures)


def rapid_review_due(became_aware_on: date, closures: Collection[date] = ()) -> date:
    """When the Panel must have the safeguarding partners' rapid review."""
    return add_working_days(became_aware_on, RAPID_REVIEW_WORKING_DAYS, closures)


def publication_due(decided_on: date) -> date:
    """When a local practice review's final report must be published, from the decision to
    undertake it."""
    return add_months(decided_on, PUBLICATION_MONTHS)


def notice_due(
    publication_on: date,
    notice_working_days: int = DEFAULT_NOTICE_WORKING_DAYS,
    closures: Collection[date] = (),
) -> date:
    """When the Panel and the Department for Education must have the final report, for it to
    be published on ``publication_on``."""
    return add_working_days(publication_on, -notice_working_days, closures)


def is_late(*, due: date, done_on: date | None, today: date) -> bool:
    """Whether a deadline was missed: done after it, or not done and past it."""
    return (done_on if done_on is not None else today) > due


def reminder_kind(*, due: date, today: date, closures: Collection[date] = ()) -> str | None:
    """Which reminder a deadline not yet met should have had by ``today``: ``before`` in its
    last ``REMIND_WORKING_DAYS`` working days, ``missed`` once it has passed, None while it is
    far off."""
    if is_late(due=due, done_on=None, today=today):
        return "missed"
    if working_days_between(today, due, closures) <= REMIND_WORKING_DAYS:
        return "before"
    return None


def information_due(
    requested_on: date,
    working_days: int = DEFAULT_INFORMATION_WORKING_DAYS,
    closures: Collection[date] = (),
) -> date:
    """When an agency's answer to an information request is due: the ``working_days``th working
    day after the day it was sent."""
    return add_working_days(requested_on, working_days, closures)


def settings_problems(*, notice_working_days: int, information_working_days: int) -> dict[str, str]:
    """What is wrong with a partnership's settings of the clock, by field."""
    problems: dict[str, str] = {}
    if not 0 <= notice_working_days <= MAX_NOTICE_WORKING_DAYS:
        problems["notice_working_days"] = (
            f"Enter a notice of 0 to {MAX_NOTICE_WORKING_DAYS} working days."
        )
    if not 1 <= information_working_days < RAPID_REVIEW_WORKING_DAYS:
        problems["information_working_days"] = (
            "Agencies must answer in at least 1 working day and fewer than the rapid review's "
            f"{RAPID_REVIEW_WORKING_DAYS}, so their answers reach the review before it is due."
        )
    return problems
