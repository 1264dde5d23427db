"""A course's change in the same practitioners (each one's mean rating across outcomes and
measures) and what an action delivered by the course takes from it, worked by hand."""

import pytest

from assurance.training.evaluation.analysis import (
    Answer,
    Comparison,
    PairedChange,
    Stage,
    course_change,
    respondent_means,
)
from assurance.training.evaluation.figures import impact_of

B, T = Stage.BEFORE, Stage.THREE_MONTHS


def test_each_person_counts_once_with_the_mean_of_their_ratings():
    answers = [
        Answer("R1", B, "1:knowledge", 2),
        Answer("R1", B, "1:confidence", 4),
        Answer("R1", B, "2:knowledge", 3),
        Answer("R1", T, "1:knowledge", 6),
        Answer("R2", B, "1:knowledge", 5),
    ]
    assert respondent_means(answers, B) == {"R1": 3.0, "R2": 5.0}
    assert respondent_means(answers, T) == {"R1": 6.0}


def test_the_course_change_pairs_people_who_answered_both_stages():
    # R1 means 3 → 6 (+3), R2 4 → 5 (+1), R3 5 → 7 (+2), R4 answered before only.
    # Mean change 2, s = 1, se = 0.5774; 2 ± 4.3027 × 0.5774 = −0.4841 to 4.4841.
    answers = [
        Answer("R1", B, "1:knowledge", 2),
        Answer("R1", B, "1:confidence", 4),
        Answer("R1", T, "1:knowledge", 6),
        Answer("R1", T, "1:confidence", 6),
        Answer("R2", B, "1:knowledge", 4),
        Answer("R2", T, "1:knowledge", 5),
        Answer("R3", B, "1:knowledge", 5),
        Answer("R3", T, "1:knowledge", 7),
        Answer("R4", B, "1:knowledge", 9),
    ]
    change = course_change(answers, Comparison.BEFORE_THREE_MONTHS)
    assert change.n_pairs == 3 and change.mean_before == pytest.approx(4.0)
    assert change.mean_change == pytest.approx(2.0)
    assert change.ci_low == pytest.approx(-0.4841, abs=1e-4)
    assert change.ci_high == pytest.approx(4.4841, abs=1e-4)


def _change(n, change, low, high, p):
    after = None if change is None else 4.0 + change
    return PairedChange(n, 4.0, after, change, low, high, p)


@pytest.mark.parametrize(
    ("change", "outcome", "words"),
    [
        (_change(0, None, None, None, None), "not_yet", "No one has answered both"),
        (_change(1, 2.0, None, None, None), "not_yet", "Only one person has answered"),
        (_change(24, 1.8, 1.2, 2.4, 0.0001), "achieved", "Clear gain three months after"),
        (_change(24, -1.0, -1.6, -0.4, 0.002), "worse", "Clear fall three months after"),
        (_change(24, 0.2, -0.3, 0.7, 0.4), "no_clear_change", "No clear change three months"),
        (_change(6, 2.0, 0.5, 3.5, 0.03), "achieved", "Only 6 people answered both"),
    ],
)
def test_what_an_action_delivered_by_the_course_takes(change, outcome, words):
    got, sentence = impact_of("Neglect", change)
    assert got == outcome
    assert words in sentence and "“Neglect”" in sentence
