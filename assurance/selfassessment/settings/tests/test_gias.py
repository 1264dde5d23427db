"""The GIAS reader, without a database: each kind of bad line is named by its line and column,
and a good file gives one row per school."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from assurance.selfassessment.settings.gias import (
    GiasFileError,
    decode_gias,
    normalise_postcode,
    parse_date,
    read_gias,
    sample_lines,
)

HEADER = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "OpenDate",
    "CloseDate",
    "PhaseOfEducation (name)",
    "Postcode",
]
GOOD = ["990001", "334", "Northfield", "Larkfield Primary School", "Community school", "Open",
        "01-09-1995", "", "Primary", "nf1 2ab"]  # fmt: skip


def lines(*rows: list[str], header: list[str] = HEADER) -> list[str]:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue().splitlines()


def with_cell(column: str, value: str) -> list[str]:
    row = list(GOOD)
    row[HEADER.index(column)] = value
    return row


def test_a_good_line_is_read_with_gias_values_normalised() -> None:
    [row] = read_gias(lines(GOOD))
    assert (row.line, row.urn, row.name, row.la_number, row.status) == (
        2, 990001, "Larkfield Primary School", "334", "open")  # fmt: skip
    assert row.opened_on == date(1995, 9, 1) and row.closed_on is None
    assert row.postcode == "NF1 2AB" and row.phase == "Primary"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("URN", "12ab", "Line 3, column URN: “12ab” is not a unique reference number"),
        ("URN", "", "Line 3, column URN"),
        ("EstablishmentName", "", "Line 3, column EstablishmentName: the establishment's name"),
        ("EstablishmentName", "x" * 201, "longer than 200 characters"),
        ("LA (code)", "33", "Line 3, column LA (code): “33” is not a three-digit"),
        ("EstablishmentStatus (name)", "Shut", "Line 3, column EstablishmentStatus (name): “Shut”"),
        ("OpenDate", "31-02-2020", "Line 3, column OpenDate: “31-02-2020” is not a date"),
        ("CloseDate", "soon", "Line 3, column CloseDate"),
        ("Postcode", "NOT A CODE", "Line 3, column Postcode: “NOT A CODE” is not a UK postcode"),
        ("TypeOfEstablishment (name)", "t" * 101, "Line 3, column TypeOfEstablishment (name)"),
    ],
)
def test_a_bad_cell_is_named_by_its_line_and_column(column: str, value: str, message: str) -> None:
    second = with_cell("URN", "990002")
    with pytest.raises(GiasFileError) as caught:
        read_gias(lines(GOOD, with_cell(column, value) if column != "URN" else
                        [value, *second[1:]]))  # fmt: skip
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


def test_a_school_closing_before_it_opens_is_refused() -> None:
    row = with_cell("CloseDate", "31-08-1990")
    with pytest.raises(GiasFileError, match="Line 2, column CloseDate: the school closes before"):
        read_gias(lines(row))


def test_a_urn_twice_names_both_lines() -> None:
    with pytest.raises(GiasFileError, match="Line 3, column URN: 990001 is also on line 2"):
        read_gias(lines(GOOD, GOOD))


def test_a_missing_column_is_named() -> None:
    header = [h for h in HEADER if h != "PhaseOfEducation (name)"]
    row = [v for h, v in zip(HEADER, GOOD, strict=True) if h != "PhaseOfEducation (name)"]
    with pytest.raises(GiasFileError, match=r"Line 1: .*column PhaseOfEducation \(name\)"):
        read_gias(lines(row, header=header))


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "The file is empty"), ("URN\n", "does not have GIAS's columns")],
)
def test_an_empty_file_or_one_without_gias_headings_is_refused(text: str, problem: str) -> None:
    with pytest.raises(GiasFileError, match=problem):
        read_gias(text.splitlines())


def test_a_heading_row_without_schools_is_refused() -> None:
    with pytest.raises(GiasFileError, match="no schools or colleges"):
        read_gias(lines())


def test_blank_lines_are_skipped_and_line_numbers_stay_those_of_the_file() -> None:
    rows = read_gias([*lines(GOOD), "", ",,,", *lines(with_cell("URN", "990002"))[1:]])
    assert [r.line for r in rows] == [2, 5]


def test_many_bad_lines_stop_at_twenty_problems() -> None:
    bad = [with_cell("URN", f"bad{i}") for i in range(50)]
    with pytest.raises(GiasFileError) as caught:
        read_gias(lines(*bad))
    assert len(caught.value.problems) == 21
    assert caught.value.problems[-1].startswith("The checks stopped here")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("01-09-2020", date(2020, 9, 1)), ("2020-09-01", date(2020, 9, 1)),
     ("01/09/2020", date(2020, 9, 1)), ("", None), ("  ", None)],
)  # fmt: skip
def test_dates_in_gias_form(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("nf1 2ab", "NF1 2AB"), ("NF12AB", "NF1 2AB"), ("SW1A 1AA", "SW1A 1AA"), ("", "")],
)
def test_postcodes_are_normalised(text: str, expected: str) -> None:
    assert normalise_postcode(text) == expected


def test_windows_1252_as_gias_writes_it_is_read() -> None:
    text = "URN,EstablishmentName\n1,St Mary’s\n".encode("cp1252")
    assert "St Mary’s" in decode_gias(text)
    assert decode_gias("é".encode("utf-8-sig")) == "é"


def test_the_synthetic_sample_is_valid_gias_and_always_the_same() -> None:
    rows = sample_lines(200, la_number="334", la_name="Northfield")
    assert rows == sample_lines(200, la_number="334", la_name="Northfield")
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    read = read_gias(out.getvalue().splitlines())
    assert len(read) == 200
    assert {r.status for r in read} == {"open", "closing", "proposed", "closed"}
