"""The readability of the young people's version (pure): syllables by spelling, sentences,
the Flesch reading ease score worked by hand, and the sentences flagged as too long."""

from __future__ import annotations

import pytest

from assurance.annualreport.young_people.readability import readability, sentences, syllables


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),
        ("make", 1),  # silent final e
        ("free", 1),
        ("table", 2),  # -le after a consonant is a syllable
        ("walked", 1),  # silent -ed
        ("wanted", 2),  # -ed after t
        ("makes", 1),
        ("boxes", 2),  # -es after a hissing sound
        ("children", 2),
        ("partnership", 3),
        ("people", 2),
        ("we", 1),
        ("2025", 1),  # a number is read as one
        ("don't", 1),
    ],
)
def test_syllables(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_sentences_split_at_stops_and_line_breaks() -> None:
    assert sentences("We listened. Did we? Yes!\nA list item") == [
        "We listened.",
        "Did we?",
        "Yes!",
        "A list item",
    ]


def test_the_flesch_score_worked_by_hand() -> None:
    # 11 words, 2 sentences, 12 syllables ("sunny" has two):
    # 206.835 - 1.015 * 11/2 - 84.6 * 12/11 = 109.0 (rounded to one place)
    result = readability("The cat sat on the mat. It was a sunny day.")
    assert (result.words, result.sentences, result.syllables) == (11, 2, 12)
    assert result.score == 109.0
    assert result.band == "Very easy" and result.easy_enough


def test_hard_words_in_long_sentences_score_low_and_are_flagged() -> None:
    text = (
        "The multi-agency safeguarding arrangements demonstrated considerable improvement "
        "regarding the identification of neglect, notwithstanding organisational "
        "restructuring and substantial variation in practitioners' understanding of "
        "thresholds across the partnership's constituent organisations."
    )
    result = readability(text)
    assert result.score is not None and result.score < 0
    assert result.band == "Very hard" and not result.easy_enough
    assert result.long_sentences == [text]


def test_nothing_written_has_no_score() -> None:
    result = readability("  ")
    assert result.score is None and result.band == "Nothing written yet"
    assert not result.easy_enough
