"""How long practitioners' names and e-mails are kept. Pure."""

from __future__ import annotations

from datetime import datetime, timedelta

PERSONAL_FIELDS = ("name", "email", "job_title", "manager_name", "manager_email")


def removal_cutoff(*, now: datetime, retention_days: int) -> datetime:
    """Bookings of sessions that ended before this moment lose their personal details. The
    period runs from the session's end: the three-month evaluation (and its reminders) must be
    over first, so it may not be shorter than ``MINIMUM_DAYS``."""
    if retention_days < MINIMUM_DAYS:
        raise ValueError(
            f"The retention period must be at least {MINIMUM_DAYS} days: the three-month "
            "evaluation and its reminders need the practitioner's and manager's e-mails."
        )
    return now - timedelta(days=retention_days)


# Three months (92 days at most) and four weeks of reminders.
MINIMUM_DAYS = 120
