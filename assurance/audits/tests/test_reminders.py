from datetime import date

import pytest

from assurance.audits.reminders import reminder_due

DUE = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("today", "sent", "expected"),
    [
        (date(2026, 11, 20), 0, None),  # 11 days before: too early
        (date(2026, 11, 24), 0, "before"),  # a week before
        (date(2026, 12, 1), 0, "before"),  # on the day, if none sent yet
        (date(2026, 11, 28), 1, None),  # already reminded before the deadline
        (date(2026, 12, 2), 1, "after"),  # the day after
        (date(2026, 12, 2), 0, "after"),
        (date(2026, 12, 5), 2, None),  # reminded after, not yet a week late
        (date(2026, 12, 8), 2, "overdue"),  # a week late
        (date(2026, 12, 20), 3, None),  # three reminders is enough
    ],
)
def test_reminders_a_week_before_the_day_after_and_a_week_after(today, sent, expected):
    assert reminder_due(due=DUE, today=today, sent=sent) == expected


def test_no_deadline_no_reminder():
    assert reminder_due(due=None, today=DUE, sent=0) is None
