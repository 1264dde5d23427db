"""What the search box accepts, as a table (no database)."""

from __future__ import annotations

import pytest

from assurance.search.query import MAX_LENGTH, MAX_TERMS, parse_query


@pytest.mark.parametrize(
    ("raw", "terms"),
    [
        ("neglect", ("neglect",)),
        ("  Neglect   TOOLKIT ", ("neglect", "toolkit")),
        ("neglect neglect", ("neglect",)),
        ("NOR-7KQ2MP", ("nor-7kq2mp",)),
        ("nor-", ("nor",)),
        ("child's voice", ("child's", "voice")),
        ("“quoted” (words)!", ("quoted", "words")),
        ("meeting 10 June 2026", ("meeting", "10", "june", "2026")),
        (" ".join(f"w{n}" for n in range(12)), tuple(f"w{n}" for n in range(MAX_TERMS))),
    ],
)
def test_words_to_find(raw: str, terms: tuple[str, ...]) -> None:
    query = parse_query(raw)
    assert query.ok and query.terms == terms and not query.error


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (None, "Enter a word or a case reference to search for"),
        ("", "Enter a word or a case reference to search for"),
        ("   ", "Enter a word or a case reference to search for"),
        ("x" * (MAX_LENGTH + 1), f"Search for {MAX_LENGTH} characters or fewer"),
        ("!!! ???", "Enter letters or numbers to search for"),
        ("943 476 5919", "Your search looks like an NHS number."),
        ("SW1A 1AA", "Your search looks like a postcode."),
        ("mum@example.com", "Your search looks like an e-mail address."),
        ("AB 12 34 56 C", "Your search looks like a National Insurance number."),
        ("07700 900123", "Your search looks like a phone number."),
    ],
)
def test_what_cannot_be_searched_says_why(raw: str | None, error: str) -> None:
    query = parse_query(raw)
    assert not query.ok
    assert query.error.startswith(error)
    assert not query.terms


def test_a_child_identifier_is_not_searched_nor_kept_and_the_message_names_the_way() -> None:
    query = parse_query("9434765919")
    assert "by its reference" in query.error
    assert query.text == ""


def test_a_case_reference_with_a_postcodes_shape_is_searched_not_refused():
    # about one pseudonymised reference in forty has a code shaped like a postcode
    query = parse_query("NOR-DR72FP")
    assert query.ok and query.terms == ("nor-dr72fp",)
