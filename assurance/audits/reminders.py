"""When to remind an auditor about a return (a pure function)."""

from __future__ import annotations

from datetime import date

BEFORE_DAYS = 7
AFTER_DAYS = (1, 7)


def reminder_due(*, due: date | None, today: date, sent: int) -> str | None:
    """Which reminder, if any, to send today for a return not yet submitted.

    ``sent`` counts reminders already sent: the first goes a week before the deadline, the
    second the day after it, the third a week after it; no more after that.
    """
    if due is None:
        return None
    days_left = (due - today).days
    if sent == 0 and 0 <= days_left <= BEFORE_DAYS:
        return "before"
    if sent <= 1 and -AFTER_DAYS[1] < days_left <= -AFTER_DAYS[0]:
        return "after"
    if sent <= 2 and days_left <= -AFTER_DAYS[1]:
        return "overdue"
    return None
