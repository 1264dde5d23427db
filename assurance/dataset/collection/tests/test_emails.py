"""The chaser to an agency's leads renders (dataset/templates/dataset/emails/)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from assurance.core.emails import render_email


def test_the_values_chaser() -> None:
    partnership = SimpleNamespace(name="Northfield SCP")
    round = SimpleNamespace(
        partnership=partnership,
        due_on=date(2026, 11, 5),
        period=SimpleNamespace(label="Q2 2026/27 (July to September 2026)", short_label="Q2"),
    )
    subject, body = render_email(
        "dataset/emails/values_chase",
        {
            "agency": SimpleNamespace(name="Northshire Police"),
            "progress": SimpleNamespace(reported=3, expected=8),
            "round": round,
            "link": "https://x/values/",
            "sender": SimpleNamespace(full_name="Amira Holloway"),
        },
    )
    assert subject == "Northfield SCP: data set values for Q2"
    assert body == (
        "Dear colleague,\n\nNorthshire Police has entered 3 of the 8 data set values for Q2 "
        "2026/27 (July to September 2026), which were due on 05 November 2026, and has not yet "
        "signed them off.\n\nPlease enter and sign off your agency's values here: "
        "https://x/values/\n\nAmira Holloway\nNorthfield SCP business unit\n"
    )
