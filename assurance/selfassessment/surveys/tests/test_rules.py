"""The rules of what staff say, as tables: the minimum group size, the open link, the staff's
distribution, and where a self-rating and the staff disagree."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

from assurance.selfassessment.surveys import rules
from assurance.selfassessment.surveys.rules import Distribution


@pytest.mark.parametrize(
    ("responses", "shown", "more", "text"),
    [
        (0, False, 5, "5 more responses needed"),
        (3, False, 2, "2 more responses needed"),
        (4, False, 1, "1 more response needed"),
        (5, True, 0, ""),
        (40, True, 0, ""),
    ],
)
def test_minimum_group_size(responses: int, shown: bool, more: int, text: str) -> None:
    assert rules.MIN_GROUP == 5
    assert rules.results_shown(responses) is shown
    assert rules.more_needed(responses) == more
    assert rules.more_needed_text(responses) == text


D = date(2025, 10, 31)


@pytest.mark.parametrize(
    ("today", "closed_at", "is_open"),
    [
        (date(2025, 10, 1), None, True),
        (D, None, True),  # the deadline's whole day
        (date(2025, 11, 1), None, False),
        (date(2025, 10, 1), datetime(2025, 9, 30, 12, 0), False),  # closed by the business unit
    ],
)
def test_the_link_is_open_until_the_deadline_or_closing(
    today: date, closed_at: datetime | None, is_open: bool
) -> None:
    assert rules.link_open(deadline=D, today=today, closed_at=closed_at) is is_open


def test_distributions_count_each_answer_per_standard_and_skip_what_is_not_on_the_scale() -> None:
    responses = [
        {"1.1": "agree", "1.2": "dont_know"},
        {"1.1": "partly", "1.2": "agree"},
        {"1.1": "agree", "1.2": "nonsense"},
        {"1.1": "disagree"},
    ]
    dists = rules.distributions(responses, ["1.1", "1.2", "9.9"])
    assert dict(dists["1.1"].counts) == {"agree": 2, "partly": 1, "disagree": 1}
    assert (dists["1.1"].n, dists["1.1"].with_a_view) == (4, 4)
    assert dists["1.1"].share("agree") == Fraction(1, 2)
    assert dists["1.1"].percent("partly") == 25
    assert dict(dists["1.2"].counts) == {"dont_know": 1, "agree": 1}
    assert dists["1.2"].with_a_view == 1  # "I don't know" is not a view
    assert dists["9.9"].n == 0 and dists["9.9"].share("agree") is None
    assert dists["9.9"].percent("agree") is None


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Fully met", "fully"),
        ("fully MET", "fully"),
        ("Partly met", "partly"),
        ("Not met", "not"),
        ("Not applicable", ""),
        ("Green", ""),
        ("", ""),
    ],
)
def test_rating_kinds(label: str, kind: str) -> None:
    assert rules.rating_kind(label) == kind


def dist(agree: int = 0, partly: int = 0, disagree: int = 0, dont_know: int = 0) -> Distribution:
    return Distribution(
        counts={"agree": agree, "partly": partly, "disagree": disagree, "dont_know": dont_know}
    )


LESS, MORE = rules.LESS_POSITIVE, rules.MORE_POSITIVE


@pytest.mark.parametrize(
    ("rating", "staff", "flag"),
    [
        # Fully met: flagged when fewer than half of those with a view agree
        ("Fully met", dist(agree=2, partly=2, disagree=1), LESS),
        ("Fully met", dist(agree=3, partly=2, disagree=1), ""),  # exactly half agree
        ("Fully met", dist(agree=5), ""),
        ("Fully met", dist(agree=2, disagree=2, dont_know=6), ""),  # only 4 with a view
        ("Fully met", dist(agree=2, partly=1, disagree=2, dont_know=6), LESS),
        # Partly met: flagged when more than half disagree
        ("Partly met", dist(agree=1, disagree=4), LESS),
        ("Partly met", dist(agree=1, partly=2, disagree=3), ""),  # exactly half disagree
        ("Partly met", dist(agree=5), ""),
        # Not met: flagged when at least half agree
        ("Not met", dist(agree=3, disagree=3), MORE),
        ("Not met", dist(agree=2, partly=1, disagree=3), ""),
        # Nothing to compare
        ("", dist(agree=0, disagree=9), ""),
        ("Not applicable", dist(disagree=9), ""),
    ],
)
def test_disagreement(rating: str, staff: Distribution, flag: str) -> None:
    assert rules.disagreement(rating, staff) == flag
