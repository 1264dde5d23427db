"""The rows of an agency's spreadsheet of feedback, as a table: what is read, what is named."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.voice.feedback.upload import Row, read_rows

TODAY = date(2026, 6, 30)
GOOD = (date(2026, 5, 1), "13 to 15", "The police", 4, "Listened", "")


def test_a_good_row_is_read() -> None:
    rows, problems = read_rows([(2, GOOD)], today=TODAY)
    assert problems == []
    assert rows == [Row(2, date(2026, 5, 1), "13_15", "police", 4, "Listened", "")]


def test_words_are_read_in_any_case_and_dates_as_written() -> None:
    rows, problems = read_rows(
        [(3, ("01/05/2026", "I AM A PARENT OR CARER", "school or college", "", "", "More"))],
        today=TODAY,
    )
    assert problems == []
    assert (rows[0].received_on, rows[0].age_band, rows[0].service, rows[0].feeling) == (
        date(2026, 5, 1),
        "parent_carer",
        "school",
        None,
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (("yesterday", *GOOD[1:]), "row 2, column A (Date received): “yesterday” is not a date"),
        ((date(2026, 7, 1), *GOOD[1:]), "column A (Date received): 01/07/2026 is in the future"),
        ((GOOD[0], "teen", *GOOD[2:]), "column B (Age band): “teen” is not an age band"),
        ((*GOOD[:2], "Fire", *GOOD[3:]), "column C (Service used): “Fire” is not a service"),
        ((*GOOD[:3], 7, *GOOD[4:]), "column D (How it felt (1 to 5)): “7” is not a whole number"),
        ((*GOOD[:3], 2.5, *GOOD[4:]), "“2.5” is not a whole number from 1 to 5"),
        ((*GOOD[:3], "good", *GOOD[4:]), "“good” is not a whole number from 1 to 5"),
        ((*GOOD[:3], None, "", ""), "the row says nothing"),
        ((*GOOD[:4], "x" * 2001, ""), "column E (What was good): 2,001 characters: at most"),
    ],
)
def test_a_bad_row_is_named_and_not_read(row: tuple, problem: str) -> None:
    rows, problems = read_rows([(2, row)], today=TODAY)
    assert rows == []
    assert len(problems) == 1 and problem in problems[0], problems
    assert problems[0].startswith("Sheet Feedback, row 2, column")


def test_every_bad_row_is_named() -> None:
    rows, problems = read_rows(
        [(2, GOOD), (5, ("x", *GOOD[1:])), (9, ("y", *GOOD[1:]))], today=TODAY
    )
    assert [r.number for r in rows] == [2]
    assert [p.split(",")[1].strip() for p in problems] == ["row 5", "row 9"]
