"""The notification's date rules and references, as tables (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.reviews.notifications.rules import incident_problems, next_reference

AWARE, TODAY = date(2026, 3, 2), date(2026, 3, 20)


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({}, {}),
        ({"notified_on": date(2026, 3, 6)}, {}),
        ({"notified_on": AWARE}, {}),  # notified the day the council became aware
        ({"became_aware_on": date(2026, 3, 21)}, {"became_aware_on": "future"}),
        ({"notified_on": date(2026, 3, 21)}, {"notified_on": "future"}),
        ({"notified_on": date(2026, 3, 1)}, {"notified_on": "before the local authority"}),
        (
            {"regulators_apply": True, "ofsted_notified_on": date(2026, 3, 3)},
            {},
        ),
        (
            {"regulators_apply": True, "secretary_of_state_notified_on": date(2026, 2, 1)},
            {"secretary_of_state_notified_on": "before the local authority"},
        ),
        # Ofsted and the Secretary of State are notified of a looked-after child's death only
        (
            {"ofsted_notified_on": date(2026, 3, 3)},
            {"ofsted_notified_on": "looked-after child has died"},
        ),
    ],
)
def test_incident_problems(fields: dict, problems: dict[str, str]) -> None:
    found = incident_problems(**{"became_aware_on": AWARE, "today": TODAY, **fields})
    assert set(found) == set(problems)
    for field, words in problems.items():
        assert words in found[field]


@pytest.mark.parametrize(
    ("year", "taken", "reference"),
    [
        (2026, [], "SI-2026-01"),
        (2026, ["SI-2026-01", "SI-2026-02"], "SI-2026-03"),
        (2026, ["SI-2026-09", "SI-2026-03"], "SI-2026-10"),
        (2027, ["SI-2026-09"], "SI-2027-01"),
        (2026, ["SI-2026-x"], "SI-2026-01"),
        (2026, ["SI-2026-99"], "SI-2026-100"),
    ],
)
def test_next_reference(year: int, taken: list[str], reference: str) -> None:
    assert next_reference(year, taken) == reference
