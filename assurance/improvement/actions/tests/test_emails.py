"""The action reminders and the weekly digest render (improvement/templates/improvement/emails/)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from assurance.core.emails import render_email


def _action(title: str, due: date, short: str = "Police") -> Any:
    agency = SimpleNamespace(short_name=short, __str__=lambda self: "Northshire Police")
    return SimpleNamespace(title=title, due_date=due, owner_agency=agency)


@pytest.mark.parametrize(
    ("kind", "subject", "is_due"),
    [
        ("before", "Reminder: your action is due on 9 January 2027", "is due on"),
        ("overdue", "Overdue: your action was due on 9 January 2027", "was due on"),
    ],
)
def test_the_action_reminders(kind: str, subject: str, is_due: str) -> None:
    action = SimpleNamespace(
        title="Brief the front door", due_date=date(2027, 1, 9), owner_agency="Northshire Police"
    )
    assert render_email(
        "improvement/emails/action_reminder", {"kind": kind, "action": action, "link": "L"}
    ) == (
        subject,
        f"The action “Brief the front door” for Northshire Police {is_due} 9 January 2027.\n\n"
        "Give a progress update, add evidence or mark it complete: L\n",
    )


def test_the_weekly_digest() -> None:
    overdue = _action("Brief the front door", date(2026, 11, 2))
    subject, body = render_email(
        "improvement/emails/action_digest",
        {
            "partnership": SimpleNamespace(name="Northfield SCP"),
            "day": date(2026, 12, 7),
            "counts": "1 overdue · 1 complete",
            "sections": [("Overdue", [overdue])],
            "completed": [SimpleNamespace(title="Audit the pathway")],
            "link": "https://x/p/northfield/actions/",
        },
    )
    assert subject == "Action log this week: Northfield SCP"
    assert body == (
        "The action log of Northfield SCP on 7 December 2026:\n\n"
        "1 overdue · 1 complete\n\n"
        "Overdue:\n- Brief the front door (Police, due 2 November 2026)\n\n"
        "Completed in the last week:\n- Audit the pathway\n\n"
        "The action log: https://x/p/northfield/actions/\n"
    )


def test_a_quiet_week_s_digest_has_no_empty_headings() -> None:
    _, body = render_email(
        "improvement/emails/action_digest",
        {
            "partnership": SimpleNamespace(name="Northfield SCP"),
            "day": date(2026, 12, 7),
            "counts": "3 on track",
            "sections": [],
            "completed": [],
            "link": "L",
        },
    )
    assert body == (
        "The action log of Northfield SCP on 7 December 2026:\n\n3 on track\n\nThe action log: L\n"
    )
