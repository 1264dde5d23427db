"""The rules of self-assessment rounds (pure: no database).

* **Cadence.** Section 11 audits of agencies run every two years; the Section 175/157 audit of
  schools and colleges, and any other self-assessment, every year. A framework has at most
  one round in each period of its cadence: a second round sooner is refused, naming the year
  the next one may be.
* **Reminders** to participants who have not submitted: two weeks, one week and one day
  before the deadline, then the day after it and a week after it. Each is sent at most once
  (the send log remembers it); a day missed is caught up by the latest reminder due, never by
  a burst of every earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from assurance.core.business_year import business_year_label

SECTION_11 = re.compile(r"\b(section\s*11|s\.?\s*11)\b", re.IGNORECASE)

# (kind, days from the deadline: negative before it), in order
REMINDERS: tuple[tuple[str, int], ...] = (
    ("two_weeks", -14),
    ("one_week", -7),
    ("one_day", -1),
    ("overdue", 1),
    ("still_overdue", 7),
)
REMINDER_WORDS = {
    "two_weeks": "is due in two weeks",
    "one_week": "is due in a week",
    "one_day": "is due tomorrow",
    "overdue": "was due yesterday",
    "still_overdue": "is a week overdue",
}


def cadence_years(framework_name: str) -> int:
    """Every how many years a framework's rounds run: two for Section 11, else one."""
    return 2 if SECTION_11.search(framework_name) else 1


def round_clash(*, year: int, every: int, other_years: Iterable[int]) -> str | None:
    """Why a round of the framework cannot be for ``year`` (None: it can): another round of
    the same framework falls within ``every`` years of it."""
    for other in sorted(other_years):
        if abs(other - year) < every:
            if other == year:
                return (
                    f"There is already a round of this framework for {business_year_label(year)}."
                )
            return (
                f"This framework runs every {every} years and has a round for "
                f"{business_year_label(other)}: the next can be for "
                f"{business_year_label(other + every)}."
            )
    return None


def reminder_due(*, deadline: date, today: date, sent: Iterable[str]) -> str | None:
    """Which reminder to send today to a participant that has not submitted (None: none).

    The latest reminder whose day has come, if it has not been sent; earlier ones that were
    missed are not sent any more."""
    days = (today - deadline).days
    due = [kind for kind, offset in REMINDERS if days >= offset]
    if not due:
        return None
    latest = due[-1]
    return None if latest in set(sent) else latest
