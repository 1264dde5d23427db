from datetime import date

import pytest

from assurance.improvement.actions.status import action_status

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("state", "started", "due", "start", "expected"),
    [
        ("complete", True, date(2026, 1, 1), None, "complete"),
        ("cancelled", False, date(2027, 1, 1), None, "cancelled"),
        ("open", True, date(2026, 11, 21), None, "overdue"),
        ("open", False, date(2026, 11, 21), None, "overdue"),
        ("open", False, date(2027, 3, 31), None, "not_started"),
        ("open", False, date(2026, 12, 10), None, "at_risk"),
        ("open", True, date(2027, 3, 31), date(2026, 9, 1), "on_track"),
        ("open", True, date(2026, 12, 1), date(2026, 1, 1), "at_risk"),
        ("open", True, date(2026, 12, 1), None, "on_track"),
        ("open", True, date(2026, 11, 22), None, "on_track"),
    ],
)
def test_status_is_computed_from_dates(state, started, due, start, expected):
    assert (
        action_status(state=state, started=started, due=due, today=TODAY, start=start) == expected
    )
