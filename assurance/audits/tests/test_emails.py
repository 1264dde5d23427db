"""Every audit e-mail renders (its words: audits/templates/audits/emails/)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from assurance.core.emails import render_email


def _return(reference: str, due: date | None) -> Any:
    return SimpleNamespace(
        agency="Northshire Police",
        due_date=due,
        case=SimpleNamespace(reference=reference, audit="Neglect audit 2026"),
    )


PRIYA = SimpleNamespace(full_name="Priya Nandra")


@pytest.mark.parametrize(("due", "by"), [(date(2026, 12, 4), " by 4 December 2026"), (None, "")])
def test_one_return_assigned(due: date | None, by: str) -> None:
    subject, body = render_email(
        "audits/emails/return_assigned",
        {"agency_return": _return("NF-0042", due), "person": PRIYA, "link": "https://x/r/1/"},
    )
    assert subject == "Audit return to complete: case NF-0042"
    assert body == (
        "Dear Priya Nandra,\n\nYou have been asked to audit Northshire Police's records for "
        f"case NF-0042 in the audit “Neglect audit 2026”{by}.\n\n"
        "Open the return: https://x/r/1/\n\n"
        "The case reference is pseudonymised; the return page shows you your agency's own "
        "record number.\n"
    )


def test_several_returns_assigned() -> None:
    returns = [_return("NF-0042", date(2026, 12, 4)), _return("NF-0043", None)]
    subject, body = render_email(
        "audits/emails/returns_assigned",
        {
            "person": PRIYA,
            "first": returns[0],
            "returns": [(returns[0], "https://x/r/1/"), (returns[1], "https://x/r/2/")],
        },
    )
    assert subject == "Audit returns to complete: 2 cases in “Neglect audit 2026”"
    assert body == (
        "Dear Priya Nandra,\n\nYou have been asked to audit Northshire Police's records for 2 "
        "cases in the audit “Neglect audit 2026”:\n\n"
        "- case NF-0042, by 4 December 2026: https://x/r/1/\n"
        "- case NF-0043: https://x/r/2/\n\n"
        "The case references are pseudonymised; each return page shows you your agency's own "
        "record number.\n"
    )


@pytest.mark.parametrize(
    ("kind", "subject"),
    [
        ("before", "Reminder: audit return due on 4 December 2026"),
        ("after", "Your audit return was due on 4 December 2026"),
        ("overdue", "Overdue: audit return due on 4 December 2026"),
    ],
)
def test_the_return_reminders(kind: str, subject: str) -> None:
    rendered = render_email(
        "audits/emails/return_reminder",
        {"kind": kind, "agency_return": _return("NF-0042", date(2026, 12, 4)), "link": "L"},
    )
    assert rendered == (
        subject,
        "The Northshire Police return for case NF-0042 in the audit “Neglect audit 2026” is "
        "due on 4 December 2026.\n\nOpen it: L\n",
    )
