"""When each questionnaire is open and when its e-mails go. Pure functions, no database.

* **Before the course**: from the booking's confirmation until the session starts.
* **At the end**: from the session's start (the register is taken then) until
  ``END_OPEN_FOR`` after it ends.
* **Three months after**, the practitioner's and their manager's: from ``THREE_MONTHS`` after
  the session ends, for ``THREE_MONTHS_OPEN_FOR`` (the retention period of names and e-mails
  is at least this long: ``bookings.retention.MINIMUM_DAYS``).

The first e-mail goes once the questionnaire opens; a reminder ``REMIND_AFTER`` after the last
e-mail, at most ``REMINDERS`` of them, never once it has closed or been answered.
"""

from __future__ import annotations

from datetime import datetime, timedelta

END_OPEN_FOR = timedelta(days=14)
THREE_MONTHS = timedelta(days=91)
THREE_MONTHS_OPEN_FOR = timedelta(days=28)
REMIND_AFTER = timedelta(days=7)
REMINDERS = 2

BEFORE, END, THREE, MANAGER = "before", "end", "three_months", "manager"
AFTER_ATTENDING = (END, THREE, MANAGER)


def window(
    *, stage: str, starts_at: datetime, ends_at: datetime, confirmed_at: datetime | None
) -> tuple[datetime, datetime]:
    """When the questionnaire of ``stage`` opens and closes for a booking of a session."""
    if stage == BEFORE:
        return min(confirmed_at or starts_at, starts_at), starts_at
    if stage == END:
        return starts_at, ends_at + END_OPEN_FOR
    if stage in (THREE, MANAGER):
        opens = ends_at + THREE_MONTHS
        return opens, opens + THREE_MONTHS_OPEN_FOR
    raise ValueError(f"Unknown stage {stage!r}.")


def email_due(
    *,
    now: datetime,
    opens_at: datetime,
    closes_at: datetime,
    answered: bool,
    sends: int,
    last_sent_at: datetime | None,
) -> str:
    """Which e-mail is due now: "invitation", "reminder" or "" (none)."""
    if answered or not opens_at <= now < closes_at:
        return ""
    if sends == 0:
        return "invitation"
    if sends > REMINDERS or last_sent_at is None or now - last_sent_at < REMIND_AFTER:
        return ""
    return "reminder"


def refusal(*, now: datetime, opens_at: datetime, closes_at: datetime, answered: bool) -> str:
    """Why a personal link cannot be used now, or "" when it can."""
    if answered:
        return "This questionnaire has already been answered with this link. Thank you."
    if now < opens_at:
        return f"This questionnaire opens on {opens_at:%-d %B %Y}."
    if now >= closes_at:
        return f"This link has expired: the questionnaire closed on {closes_at:%-d %B %Y}."
    return ""
