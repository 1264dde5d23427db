"""The rapid review's consistency rules, as a table (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.reviews.rapid_reviews.rules import rapid_review_problems

EMPTY = {
    "sent_on": None,
    "recommendation": "",
    "recommendation_reasons": "",
    "decision": "",
    "decided_on": None,
    "decision_reasons": "",
    "panel_response": "",
    "panel_response_on": None,
}
AWARE, TODAY = date(2026, 3, 2), date(2026, 6, 1)


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({}, set()),
        ({"sent_on": date(2026, 3, 20)}, set()),
        ({"sent_on": date(2026, 7, 1)}, {"sent_on"}),
        ({"sent_on": date(2026, 2, 1)}, {"sent_on"}),
        ({"recommendation": "cspr"}, {"recommendation_reasons"}),
        ({"recommendation": "cspr", "recommendation_reasons": "Why."}, set()),
        ({"decision": "no_cspr", "decision_reasons": "Why."}, {"decided_on"}),
        ({"decided_on": date(2026, 4, 1)}, {"decision"}),
        ({"decision": "cspr", "decided_on": date(2026, 4, 1)}, {"decision_reasons"}),
        (
            {"decision": "cspr", "decided_on": date(2026, 4, 1), "decision_reasons": "Met."},
            set(),
        ),
        ({"panel_response": "Agreed."}, {"panel_response_on", "sent_on"}),
        (
            {
                "sent_on": date(2026, 3, 20),
                "panel_response": "Agreed.",
                "panel_response_on": date(2026, 3, 19),
            },
            {"panel_response_on"},
        ),
        ({"sent_on": date(2026, 3, 20), "panel_response_on": date(2026, 4, 1)}, {"panel_response"}),
    ],
)
def test_rapid_review_problems(fields: dict, problems: set[str]) -> None:
    found = rapid_review_problems(became_aware_on=AWARE, today=TODAY, **{**EMPTY, **fields})
    assert set(found) == problems
