"""core.spreadsheets: the rules (pure, in tables), rows written so that no text becomes a formula,
and the one reader's limits, each observed on a hostile workbook built here: what it refuses,
the message naming the limit, and how much openpyxl's parser was given (never the time taken).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from itertools import count
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet.merge import MergeCells

from assurance.core import spreadsheets
from assurance.core.spreadsheets import (
    MAX_COLUMNS,
    MAX_ROWS,
    UploadProblem,
    append_row,
    archive_problem,
    choice_list,
    csv_cell,
    csv_text,
    csv_value,
    is_formula_like,
    open_upload,
    read_csv,
    read_sheet,
    shown,
    size_problem,
    workbook_bytes,
)
from assurance.core.tests import hostile

# --- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "formula_like"),
    [
        ('=HYPERLINK("http://evil.example","Click")', True),
        ("=1+1", True),
        ("+1+1", True),
        ("-2+3", True),
        ("@SUM(A1:A2)", True),
        ("\t=1+1", True),
        ("\r=1+1", True),
        ("- a bulleted list", True),  # harmless, and kept as text all the same
        ("=", True),
        ("-5", False),  # a negative number written as text
        ("+44", False),
        ("-0.5", False),
        ("-1e3", False),
        ("Seen in the record.", False),
        ("", False),
        (" =1+1", False),  # spreadsheets do not read a formula after a space
        (-5, False),  # numbers are not text
        (3.5, False),
        (None, False),
        (True, False),
    ],
)
def test_formula_like(value: Any, formula_like: bool) -> None:
    assert is_formula_like(value) is formula_like


@pytest.mark.parametrize(
    ("value", "in_csv"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("@cmd", "'@cmd"),
        ("-2+3", "'-2+3"),
        ("-5", "-5"),
        (-5, -5),
        (2.5, 2.5),
        ("plain", "plain"),
        ("'quoted already", "'quoted already"),
    ],
)
def test_csv_cells_and_back(value: Any, in_csv: Any) -> None:
    assert csv_cell(value) == in_csv
    if isinstance(value, str):
        assert csv_value(csv_cell(value)) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("short", "short"),
        ("x" * 100, "x" * 59 + "…"),
        ("two\n  lines", "two lines"),
        ({"a": 1}, "a set of fields"),
        ([1, 2, 3], "a list"),
        (12, "12"),
    ],
)
def test_values_are_shown_briefly(value: Any, text: str) -> None:
    assert shown(value) == text


MB = 1024 * 1024


@pytest.mark.parametrize(
    ("sizes", "elements", "problem"),
    [
        ([1000, 2000], 100, None),
        ([10 * MB, 10 * MB], 0, None),
        ([10 * MB, 10 * MB + 1], 0, "larger than 20 MB once unzipped"),
        ([270 * MB], 0, "larger than 20 MB once unzipped"),
        ([1] * 1001, 0, "more than 1000 files"),
        ([1000], 1_000_001, "more than 1,000,000 cells, styles and other items"),
    ],
)
def test_archive_problem(sizes: list[int], elements: int, problem: str | None) -> None:
    found = archive_problem(sizes, elements)
    assert found is None if problem is None else problem in (found or "")


@pytest.mark.parametrize(
    ("rows", "columns", "problem"),
    [
        (None, None, None),
        (20_000, 100, None),
        (20_001, 9, "reaches row 20,001: a sheet to upload has at most 20,000 rows"),
        (1_048_576, 16_384, "reaches row 1,048,576"),
        (20_000, 16_384, "reaches column XFD: a sheet to upload has at most 100 columns"),
        (5, 101, "reaches column CW"),
    ],
)
def test_size_problem(rows: int | None, columns: int | None, problem: str | None) -> None:
    found = size_problem("Values", rows, columns)
    assert found is None if problem is None else problem in (found or "")


# --- writing ------------------------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://evil.example","Click")', "@SUM(1)", "+1+1", "-1+1", "\t=1"]


def test_rows_are_written_with_formula_like_text_as_text() -> None:
    book = Workbook()
    sheet = book.active
    append_row(sheet, [*HOSTILE, -5, 2.5, "-5", "plain", "bell\x07 and\x0b tab"])
    cells = list(load_workbook(io.BytesIO(workbook_bytes(book)))["Sheet"][1])
    for cell, text in zip(cells, HOSTILE, strict=False):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert [(c.value, c.data_type) for c in cells[5:8]] == [(-5, "n"), (2.5, "n"), ("-5", "s")]
    assert cells[8].quotePrefix is False
    assert cells[9].value == "bell and tab"  # characters a workbook cannot hold are left out
    xml = zipfile.ZipFile(io.BytesIO(workbook_bytes(book))).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml  # no formula anywhere


def test_formula_like_text_reads_back_as_it_was_written() -> None:
    book = Workbook()
    append_row(book.active, HOSTILE)
    upload = open_upload(workbook_bytes(book))
    assert upload.rows("Sheet", columns=len(HOSTILE)) == [tuple(HOSTILE)]


def test_drop_down_options_cannot_break_out_of_their_list() -> None:
    book = Workbook()
    validation = choice_list(book.active, ["Met", 'x"&HYPERLINK("http://evil.example")&"'])
    assert validation.formula1 == '"Met,x""&HYPERLINK(""http://evil.example"")&"""'


def test_csv_text_neutralises_formulas_and_keeps_numbers() -> None:
    assert csv_text([["code", "n"], ["=1+1", -5], ["-5", 3]]) == "code,n\n'=1+1,-5\n-5,3\n"


# --- reading ------------------------------------------------------------------------------------

HEADINGS = ["Code", "Value"]
GOOD = hostile.workbook({"Values": [HEADINGS, ["A", 1], ["B", 2]], "Notes": [["n"]]})


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> hostile.ParserSpy:
    return hostile.spy_on_parser(monkeypatch)


def _refused(content: bytes, **read: Any) -> str:
    with pytest.raises(UploadProblem) as refused:
        read_sheet(open_upload(content), "Values", HEADINGS, **read)
    [problem] = refused.value.problems
    return problem


def test_an_ordinary_workbook_is_read(spy: hostile.ParserSpy) -> None:
    header, rows = read_sheet(open_upload(GOOD), "Values", HEADINGS)
    assert header == ("Code", "Value") and rows == [(2, ("A", 1)), (3, ("B", 2))]
    assert spy.rows == {"Values": 3} and spy.widest == 2


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("A1:XFD20000", "Sheet Values reaches column XFD: a sheet to upload has at most 100"),
        ("A1:B1048576", "Sheet Values reaches row 1,048,576: a sheet to upload has at most 20,000"),
    ],
)
def test_a_huge_declared_size_is_refused_before_any_row_is_read(
    ref: str, message: str, spy: hostile.ParserSpy
) -> None:
    assert _refused(hostile.declared(GOOD, "Values", ref)).startswith(message)
    assert spy.total == 0


def test_no_more_than_the_row_limit_is_read_whatever_the_sheet_declares(
    spy: hostile.ParserSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 50)
    content = hostile.rows_beyond(GOOD, "Values", rows=5000)  # still declares A1:B3
    assert "at most 50 rows" in _refused(content)
    assert spy.rows["Values"] <= 51
    assert spy.total <= 51


def test_a_row_far_below_the_limit_is_never_reached(spy: hostile.ParserSpy) -> None:
    """A value in the sheet's last row, after a gap, under a declared size that hides it: the
    parser stops at the row limit, so the gap is not filled in with a million empty rows."""
    content = hostile.rows_beyond(GOOD, "Values", rows=1, after=1_048_575)
    _, rows = read_sheet(open_upload(content), "Values", HEADINGS)
    assert len(rows) == 2
    assert spy.total <= MAX_ROWS + 1


def test_only_the_expected_columns_are_read(spy: hostile.ParserSpy) -> None:
    content = hostile.declared(hostile.wide_row(GOOD, "Values"), "Values", "A1:B3")
    _, rows = read_sheet(open_upload(content), "Values", HEADINGS)
    assert rows[0] == (2, (1, 2))
    assert spy.widest == 2


def test_a_zip_bomb_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any) -> None:
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(ExcelReader, "read", never)
    bomb = hostile.zip_bomb(GOOD, megabytes=25)
    assert len(bomb) < 100_000
    assert _refused(bomb).startswith("The workbook is larger than 20 MB once unzipped: ")


def test_a_workbook_of_too_many_files_is_refused() -> None:
    many = hostile.replace_parts(GOOD, {f"xl/media/{n}.bin": b"" for n in range(1001)})
    assert "more than 1000 files" in _refused(many)


def test_an_xml_entity_bomb_is_refused() -> None:
    assert _refused(hostile.entity_sheet(GOOD, "Values")) == (
        "The file is not an Excel workbook (.xlsx): it holds XML that Excel never writes."
    )


def test_damaged_sheet_xml_is_a_problem_naming_the_sheet(spy: hostile.ParserSpy) -> None:
    assert _refused(hostile.broken_sheet(GOOD, "Values")) == (
        "Sheet Values is damaged and cannot be read: open the workbook in Excel, save it and "
        "upload it again."
    )
    assert _refused(hostile.unreadable_sheet(GOOD, "Values")) == (
        "The file is not an Excel workbook (.xlsx)."
    )


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04 not really a zip"])
def test_a_file_that_is_not_a_workbook(content: bytes) -> None:
    assert _refused(content) == "The file is not an Excel workbook (.xlsx)."


def test_a_part_parsed_at_once_is_limited() -> None:
    """openpyxl parses the styles at once, slowly: 60,000 of them are refused unparsed."""
    styles = zipfile.ZipFile(io.BytesIO(GOOD)).read("xl/styles.xml").decode()
    xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    styles = styles.replace("</cellXfs>", xf * 60_000 + "</cellXfs>")
    content = hostile.replace_parts(GOOD, {"xl/styles.xml": styles.encode()})
    assert _refused(content).startswith(
        "The workbook holds more than 50,000 styles or other items in one part (xl/styles.xml)"
    )


def test_the_whole_workbook_is_limited_in_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_ELEMENTS", 100)
    assert "more than 100 cells, styles and other items" in _refused(GOOD)


def _ticking() -> Iterator[float]:
    return (float(n) for n in count())


def test_reading_stops_at_the_deadline(
    spy: hostile.ParserSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clock that moves a second each time it is read: the parser is stopped in the middle of
    the sheet, at the deadline, with the message naming the time allowed."""
    clock = _ticking()
    monkeypatch.setattr(spreadsheets, "_clock", lambda: next(clock))
    monkeypatch.setattr(spreadsheets, "READ_SECONDS", 200)
    content = hostile.rows_beyond(GOOD, "Values", rows=5000)
    assert _refused(content).startswith("The workbook took more than 200 seconds to read")
    assert 0 < spy.rows["Values"] < 5000


def test_an_ordinary_workbook_is_read_well_within_the_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = _ticking()
    monkeypatch.setattr(spreadsheets, "_clock", lambda: next(clock))
    monkeypatch.setattr(spreadsheets, "READ_SECONDS", 200)
    assert len(read_sheet(open_upload(GOOD), "Values", HEADINGS)[1]) == 2


def test_nothing_after_a_sheets_cells_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Merged cells, validations and formatting follow the cells in a sheet's XML; openpyxl
    would parse 100,000 of them at length. They are never read."""

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("parsed the merged cells")

    part = hostile.sheet_part(GOOD, "Values")
    xml = zipfile.ZipFile(io.BytesIO(GOOD)).read(part).decode()
    merges = "<mergeCells>" + '<mergeCell ref="A1:B2"/>' * 100_000 + "</mergeCells>"
    content = hostile.replace_parts(
        GOOD, {part: xml.replace("</sheetData>", "</sheetData>" + merges).encode()}
    )
    monkeypatch.setattr(MergeCells, "from_tree", classmethod(never))
    assert len(read_sheet(open_upload(content), "Values", HEADINGS)[1]) == 2


def test_a_missing_sheet_and_changed_headings() -> None:
    with pytest.raises(UploadProblem, match="has no sheet called Answers"):
        read_sheet(open_upload(GOOD), "Answers", HEADINGS)
    with pytest.raises(UploadProblem, match="row 1: the column headings have changed"):
        read_sheet(open_upload(GOOD), "Values", ["Code", "Number"])


def test_header_stops_at_its_last_heading() -> None:
    assert open_upload(GOOD).header("Values") == ("Code", "Value")
    assert open_upload(GOOD).rows("Values", columns=MAX_COLUMNS, first=1)[0][:3] == (
        "Code",
        "Value",
        None,
    )


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_is_read_with_its_apostrophes_taken_off() -> None:
    assert read_csv(b"code,text\nA,'=1+1\nB,'-5\n") == [
        ["code", "text"],
        ["A", "=1+1"],
        ["B", "'-5"],  # an apostrophe before a number was the author's own
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("a\n" * 30, "The file has more than 20 rows: split it and load each part."),
        ("a," + "x" * 200_000 + "\n", "Row 1: this is not valid CSV (field larger than field"),
        (b"\xff\xfe\x00bad", "The file must be a CSV saved as UTF-8."),
    ],
)
def test_csv_limits(content: str | bytes, problem: str) -> None:
    raw = content.encode() if isinstance(content, str) else content
    with pytest.raises(UploadProblem) as refused:
        read_csv(raw, max_rows=20)
    assert refused.value.problems[0].startswith(problem)


def test_a_huge_csv_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_CSV_BYTES", 1000)
    with pytest.raises(UploadProblem, match="larger than"):
        read_csv(b"a,b\n" * 1000)
