"""The practice review's consistency rules, as a table (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.reviews.practice_reviews.rules import practice_review_problems

DECIDED, TODAY = date(2026, 4, 2), date(2026, 11, 1)


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({}, set()),
        ({"draft_due": date(2026, 7, 1), "draft_on": date(2026, 7, 3)}, set()),
        ({"draft_due": date(2026, 3, 1)}, {"draft_due"}),  # before the decision
        ({"final_on": date(2026, 12, 1)}, {"final_on"}),  # in the future
        ({"publication": "delay"}, {"publication_reasons"}),
        ({"publication": "not_publish", "publication_reasons": "The family asked."}, set()),
        (
            {"publication": "publish", "published_on": date(2026, 9, 30)},
            {"publication_link", "report_sent_on"},
        ),
        (
            {
                "publication": "publish",
                "published_on": date(2026, 9, 30),
                "publication_link": "https://example.org/r",
                "report_sent_on": date(2026, 10, 5),
            },
            {"report_sent_on"},  # the Panel and DfE receive it before publication
        ),
        (
            {
                "publication": "publish",
                "published_on": date(2026, 9, 30),
                "publication_link": "https://example.org/r",
                "report_sent_on": date(2026, 9, 18),
            },
            set(),
        ),
        (
            {"published_on": date(2026, 9, 30), "publication": "delay"},
            {"publication", "publication_reasons", "publication_link", "report_sent_on"},
        ),
        ({"notice_working_days": 90}, {"notice_working_days"}),
    ],
)
def test_practice_review_problems(fields: dict, problems: set[str]) -> None:
    found = practice_review_problems(decided_on=DECIDED, today=TODAY, fields=fields)
    assert set(found) == problems
