"""The invitation e-mail renders (its words: partnerships/templates/partnerships/emails/)."""

from __future__ import annotations

from types import SimpleNamespace

from assurance.core.emails import render_email


def test_the_invitation() -> None:
    person = SimpleNamespace(
        full_name="Amira Holloway", partnership=SimpleNamespace(name="Northfield SCP")
    )
    subject, body = render_email(
        "partnerships/emails/invitation", {"person": person, "link": "https://x.example/set/"}
    )
    assert subject == "You have been added to Northfield SCP on Assurance"
    assert body == (
        "Dear Amira Holloway,\n\n"
        "You have been added to Northfield SCP on Assurance.\n"
        "Choose a password to sign in: https://x.example/set/\n\n"
        "If you did not expect this e-mail, tell your partnership's business unit.\n"
    )
