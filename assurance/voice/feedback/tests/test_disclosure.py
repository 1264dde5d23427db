"""The disclosure rule, as a table: what flags a message and what does not."""

from __future__ import annotations

import pytest

from assurance.voice.feedback.disclosure import (
    STARTER_WORDS,
    disclosure_reasons,
    parse_words,
    word_problems,
)

WORDS = ["hit me", "scared to go home", "abuse"]


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("My social worker listened to me", []),
        ("", []),
        ("He hit me when I got home", ["the words “hit me”"]),
        ("HE HIT   ME", ["the words “hit me”"]),
        ("hit-me", ["the words “hit me”"]),
        ("I am Scared to go home", ["the words “scared to go home”"]),
        ("white meat for tea", []),  # not the words "hit me"
        ("They talked about abuse and about the abuser", ["the words “abuse”"]),
        ("the abuser", []),  # whole words only
        ("ring me on 07700 900123", ["what looks like a phone number"]),
        (
            "he hit me, I live at NF1 4AB",
            ["the words “hit me”", "what looks like a postcode"],
        ),
    ],
)
def test_what_reads_like_a_disclosure(text: str, reasons: list[str]) -> None:
    assert disclosure_reasons({"good": text}, WORDS) == reasons


def test_every_text_of_the_message_is_read() -> None:
    reasons = disclosure_reasons({"good": "Nice staff", "better": "my dad hit me"}, WORDS)
    assert reasons == ["the words “hit me”"]


def test_a_reason_is_given_once() -> None:
    assert disclosure_reasons({"good": "hit me", "better": "hit me again"}, WORDS) == [
        "the words “hit me”"
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hit me\n\n  hit   me \nAbuse\n", ["hit me", "abuse"]),
        ("", []),
        ("  \n", []),
    ],
)
def test_the_settings_box_is_read_one_word_a_line(text: str, words: list[str]) -> None:
    assert parse_words(text) == words


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("hit me\nabuse", []),
        ("", ["Enter at least one word or phrase, one a line"]),
        ("hit me\nno", ["Line 2 (“no”) is too short: it would flag ordinary messages"]),
        (
            "x" * 61,
            ["Line 1 is 61 characters long: keep each word or phrase to 60 characters"],
        ),
    ],
)
def test_the_settings_box_names_what_is_wrong(text: str, problems: list[str]) -> None:
    assert word_problems(text) == problems


def test_the_starter_words_are_a_valid_list() -> None:
    assert word_problems("\n".join(STARTER_WORDS)) == []
