"""The evaluation's e-mail renders for each stage and for the manager
(training/templates/training/emails/evaluation_invitation*.txt)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from assurance.core.emails import render_email

NAME = "training/emails/evaluation_invitation"


def _context(stage: str, **over: object) -> dict[str, object]:
    return {
        "reminder": False,
        "manager": False,
        "booking": SimpleNamespace(name="Sam Okoro", manager_name="Ruth Head"),
        "course": SimpleNamespace(title="Neglect"),
        "session_day": datetime(2026, 3, 10, 9, 30),
        "stage": stage,
        "closes": datetime(2026, 4, 7, 13, 0),
        "link": "https://assurance.example/training/questionnaire/T/",
        "partnership": SimpleNamespace(name="Northfield Safeguarding Children Partnership"),
        **over,
    }


@pytest.mark.parametrize(
    ("stage", "subject", "words"),
    [
        ("before the course", "Your questionnaire before the course: Neglect", "Before Neglect"),
        (
            "at the end of the course",
            "Your questionnaire at the end of the course: Neglect",
            "Thank you for attending",
        ),
        (
            "three months after",
            "Your questionnaire three months after: Neglect",
            "what has changed in your practice",
        ),
    ],
)
def test_the_practitioners_e_mail(stage, subject, words):
    got_subject, body = render_email(NAME, _context(stage))
    assert got_subject == subject
    assert body.startswith("Dear Sam Okoro,\n\n")
    assert words in body
    assert "https://assurance.example/training/questionnaire/T/" in body
    assert "it works once, until 7 April 2026" in body


def test_the_managers_reminder():
    subject, body = render_email(
        NAME, _context("line manager, three months after", manager=True, reminder=True)
    )
    assert subject == "Reminder: Your view of a practitioner's practice since Neglect"
    assert body.startswith("Dear Ruth Head,\n\nSam Okoro attended Neglect on 10 March 2026")


def test_names_removed_after_the_retention_period_are_not_missed():
    context = _context("before the course", booking=SimpleNamespace(name="", manager_name=""))
    assert render_email(NAME, context)[1].startswith("Dear colleague,")
