import pytest

from assurance.selfassessment.challenges.rules import (
    AMENDED,
    CONFIRMED,
    NOT_ASSURED,
    RatingRow,
    outcome_problem,
    rating_problems,
)


@pytest.mark.parametrize(
    ("self_rating", "agreed", "reason", "problem"),
    [
        ("Fully met", "", "", None),
        ("Fully met", "Partly met", "No training record for governors.", None),
        ("Fully met", "Partly met", "   ", "Give the panel's reason for rating 1.1"),
        ("Fully met", "Fully met", "Same", "is the same as the self-rating"),
        ("Fully met", "", "We looked closely", "Choose the rating the panel agreed for 1.1"),
        ("", "Not met", "", "rather than “not rated”"),
        ("", "Not met", "Nothing was said.", None),
    ],
)
def test_rating_problems(self_rating, agreed, reason, problem):
    problems = rating_problems([RatingRow("1.1", self_rating, agreed, reason)])
    if problem is None:
        assert problems == {}
    else:
        assert problem in problems["1.1"]


def test_rating_problems_name_each_standard():
    problems = rating_problems(
        [
            RatingRow("1.1", "Fully met", "Fully met", ""),
            RatingRow("1.2", "Fully met", "", ""),
            RatingRow("2.1", "Partly met", "Not met", ""),
        ]
    )
    assert sorted(problems) == ["1.1", "2.1"]


@pytest.mark.parametrize(
    ("outcome", "changed", "problem"),
    [
        (CONFIRMED, 0, ""),
        (CONFIRMED, 1, "a different rating for 1 standard:"),
        (CONFIRMED, 3, "a different rating for 3 standards:"),
        (AMENDED, 0, "No agreed rating differs"),
        (AMENDED, 2, ""),
        (NOT_ASSURED, 0, ""),
        (NOT_ASSURED, 4, ""),
    ],
)
def test_outcome_problem(outcome, changed, problem):
    found = outcome_problem(outcome, changed)
    if problem:
        assert problem in found
    else:
        assert found == ""
