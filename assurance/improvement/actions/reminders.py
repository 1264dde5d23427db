"""When to remind an action's owner, and which week a digest covers (pure functions)."""

from __future__ import annotations

from datetime import date, timedelta

BEFORE_DAYS = 14


def action_reminder_due(*, due: date, today: date, open_: bool) -> str | None:
    """Which reminder an open action's owner should have by today, if any.

    * ``before``: from two weeks before the due date until the due date;
    * ``overdue``: once the due date has passed.

    Each is sent once per due date (the send log makes it idempotent), so a run missed on one
    day is caught up on the next, and moving the due date earns a fresh reminder.
    """
    if not open_:
        return None
    days_left = (due - today).days
    if days_left < 0:
        return "overdue"
    if days_left <= BEFORE_DAYS:
        return "before"
    return None


def digest_week(today: date) -> date:
    """The Monday of the week a digest sent today belongs to (one digest a week)."""
    return today - timedelta(days=today.weekday())
