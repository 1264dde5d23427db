"""Excel workbooks in one style, for every workbook the service gives out or takes in (openpyxl),
and the one reader of uploaded spreadsheets (Excel and CSV).

A workbook to complete offline has an instructions sheet, then sheets whose first row holds the
column headings (bold, wrapped, frozen), grey cells not to change and drop-down lists. Every row
is written by ``append_row`` (CSV: ``csv_cell``), so that text a spreadsheet would take for a
formula stays text (OWASP's advice on CSV injection).

An upload is read whole, within limits a hostile file cannot stretch (``open_upload``): its size
once unzipped, each sheet's declared size, the rows and columns read, and the time spent. Each
problem names its sheet, row and column (``cell_name``), and the caller saves nothing unless
every row is right (``UploadProblem`` carries them all). docs/adr/009-hostile-files.md gives the
limits and why.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
LOCKED = PatternFill("solid", fgColor="F3F2F1")
WRAP = Alignment(wrap_text=True, vertical="top")

# What an upload may be. The largest workbook the service gives out (an agency's returns of a
# 500-case audit) is a few MB unzipped and well under the row limit.
MAX_UNZIPPED = 20 * 1024 * 1024  # all the files inside the .xlsx (a zip) together, unzipped
MAX_MEMBERS = 1000  # files inside the .xlsx
MAX_ROWS = 20_000  # rows of a sheet, the heading row included
MAX_COLUMNS = 100  # columns a sheet may declare (only the expected ones are read)
MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_ELEMENTS = 1_000_000  # XML elements of all its files (20,000 rows of 9 cells: ~600,000)
MAX_PART_ELEMENTS = 50_000  # XML elements of a part openpyxl parses at once (styles, …)
READ_SECONDS = 10  # reading one upload, from opening it to its last row

NOT_A_WORKBOOK = "The file is not an Excel workbook (.xlsx)."
_clock = time.monotonic  # tests move it on


class UploadProblem(Exception):
    """An upload that cannot be saved, with every problem found (each naming where it is)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems

    def on_field(self, field: str, *, limit: int = 50) -> ValidationError:
        """The problems as errors of the upload form's ``field``: the first ``limit``, then how
        many more (a page listing thousands helps nobody)."""
        shown = self.problems[:limit]
        if len(self.problems) > limit:
            shown = [*shown, f"… and {len(self.problems) - limit} more problems."]
        return ValidationError({field: shown})


def shown(value: Any, *, limit: int = 60) -> str:
    """A value as a problem quotes it: briefly, and never a whole list or set of fields (what a
    file holds can be huge)."""
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    text = " ".join(str(value).split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


# --- the rules (pure) ---------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def is_formula_like(value: Any) -> bool:
    """Text a spreadsheet would take for a formula: it starts with = + - @, a tab or a carriage
    return, and is not simply a number written as text ("-5", "+44")."""
    return (
        isinstance(value, str)
        and value[:1] in FORMULA_STARTS
        and not _NUMBER.fullmatch(value.strip())
    )


def csv_cell(value: Any) -> Any:
    """A value for a CSV file: formula-like text gets a leading apostrophe, which spreadsheets
    show as text; numbers, negative ones too, stay as they are."""
    return f"'{value}" if is_formula_like(value) else value


def csv_value(text: str) -> str:
    """A CSV cell as read: ``csv_cell``'s apostrophe is taken off again."""
    return text[1:] if text.startswith("'") and is_formula_like(text[1:]) else text


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"


def archive_problem(sizes: Sequence[int], elements: int = 0) -> str | None:
    """What is wrong with a zip of members of these unzipped ``sizes``, holding this many XML
    ``elements`` in all, if anything."""
    if len(sizes) > MAX_MEMBERS:
        return (
            f"The workbook holds more than {MAX_MEMBERS} files inside it, which is more than "
            "any workbook made from the download: upload the one you completed."
        )
    if sum(sizes) > MAX_UNZIPPED:
        return (
            f"The workbook is larger than {_megabytes(MAX_UNZIPPED)} once unzipped: delete what "
            "is not needed (extra sheets, pictures, empty formatted rows) or split it, and "
            "upload it again."
        )
    if elements > MAX_ELEMENTS:
        return (
            f"The workbook holds more than {MAX_ELEMENTS:,} cells, styles and other items: "
            "delete what is not needed (extra sheets, formatting) or split it, and upload it "
            "again."
        )
    return None


def size_problem(
    sheet: str, rows: int | None, columns: int | None, *, max_rows: int = MAX_ROWS
) -> str | None:
    """What is wrong with a sheet that declares (or has) this many ``rows`` and ``columns``."""
    if rows is not None and rows > max_rows:
        return (
            f"Sheet {sheet} reaches row {rows:,}: a sheet to upload has at most {max_rows:,} "
            "rows. Delete the rows below your data, or split the file, and upload it again."
        )
    if columns is not None and columns > MAX_COLUMNS:
        return (
            f"Sheet {sheet} reaches column {get_column_letter(min(columns, 16384))}: a sheet to "
            f"upload has at most {MAX_COLUMNS} columns. Delete the columns to the right of your "
            "data and upload it again."
        )
    return None


# --- writing ------------------------------------------------------------------------------------


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Add a row of ``values`` to ``sheet``. Text is written as text: formula-like text is
    marked so (Excel's quote prefix: it stays text even when the cell is edited), and characters
    a workbook cannot hold are left out; numbers, dates and booleans are written as they are."""
    row: list[Any] = []
    for value in values:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if is_formula_like(value):
            cell = Cell(sheet)
            cell.value = value
            cell.data_type = "s"  # openpyxl makes "=…" a formula
            cell.quotePrefix = True
            value = cell
        row.append(value)
    sheet.append(row)


def new_workbook(instructions: Iterable[str], *, title: str = "Instructions") -> Workbook:
    """A workbook whose first sheet tells the reader, a line a row, how to complete it."""
    workbook = Workbook()
    guide = workbook.active
    assert guide is not None
    guide.title = title
    for line in instructions:
        append_row(guide, [line])
    guide.column_dimensions["A"].width = 120
    return workbook


def add_sheet(workbook: Workbook, title: str, headings: Sequence[str]) -> Worksheet:
    """A sheet with its headings in the first row (styled by ``finish_sheet``)."""
    sheet = workbook.create_sheet(title)
    append_row(sheet, headings)
    return sheet


def finish_sheet(
    sheet: Worksheet,
    widths: dict[str, int] | Sequence[int] = (),
    *,
    freeze: str = "A2",
    default_width: int = 16,
) -> None:
    """Bold, wrapped headings, frozen above ``freeze``, and column widths: by heading (a dict,
    other columns ``default_width``) or in column order (a sequence)."""
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = WRAP
    sheet.freeze_panes = freeze
    if isinstance(widths, dict):
        for index, cell in enumerate(sheet[1], start=1):
            width = widths.get(str(cell.value), default_width)
            sheet.column_dimensions[get_column_letter(index)].width = width
    else:
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width


def lock_cells(sheet: Worksheet, row: int, columns: str, *, wrap: bool = False) -> None:
    """Grey the cells of ``row`` in ``columns`` (letters, e.g. "ABCD"): not for changing."""
    for column in columns:
        cell = sheet[f"{column}{row}"]
        cell.fill = LOCKED
        if wrap:
            cell.alignment = WRAP


def choice_list(sheet: Worksheet, options: Sequence[str], *, error: str = "") -> DataValidation:
    """A drop-down list of ``options`` for the cells it is then ``add``-ed to."""
    listed = ",".join(option.replace('"', '""') for option in options)
    validation = DataValidation(
        type="list", formula1=f'"{listed}"', allow_blank=True, error=error or None
    )
    sheet.add_data_validation(validation)
    return validation


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """A CSV file of ``rows``, each value through ``csv_cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


# --- reading ------------------------------------------------------------------------------------


class _TimeUp(Exception):
    """Reading went past the upload's deadline."""


class _TooMany(Exception):
    """A part to be parsed at once holds more than ``MAX_PART_ELEMENTS`` elements."""


def _elements(chunk: bytes) -> int:
    """About how many XML elements start in ``chunk`` (start and empty tags)."""
    return chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")


def _check_archive(content: bytes) -> dict[str, int]:
    """How many XML elements each file inside the workbook holds. First, refuse a file that is
    not a zip, that declares more than the limits (as each file is unzipped, no more than its
    declared size is read), or that holds a document type declaration, which Excel never writes
    and XML entity bombs need."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UploadProblem([NOT_A_WORKBOOK]) from exc
    problem = archive_problem([m.file_size for m in members])
    if problem:
        raise UploadProblem([problem])
    elements: dict[str, int] = {}
    try:
        for member in members:
            count, tail = 0, b""
            with archive.open(member) as stream:
                while chunk := stream.read(1024 * 1024):
                    if b"<!DOCTYPE" in tail + chunk:
                        raise UploadProblem(
                            [f"{NOT_A_WORKBOOK[:-1]}: it holds XML that Excel never writes."]
                        )
                    count += _elements(chunk)
                    tail = chunk[-16:]
            elements[member.filename] = count
    except UploadProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise UploadProblem([NOT_A_WORKBOOK]) from exc  # damaged, encrypted or unsupported
    problem = archive_problem([m.file_size for m in members], sum(elements.values()))
    if problem:
        raise UploadProblem([problem])
    return elements


class _TimedZip(zipfile.ZipFile):
    """The workbook's zip as openpyxl reads it. A part read whole is parsed at once, so it may
    hold at most ``MAX_PART_ELEMENTS`` elements; a part read as a stream (the sheets, the shared
    text) is parsed as it is read, so reading it stops at the deadline."""

    def __init__(self, content: bytes, *, deadline: float, elements: dict[str, int]) -> None:
        super().__init__(io.BytesIO(content))
        self.deadline = deadline
        self.elements = elements

    def open(self, name: Any, mode: Any = "r", *args: Any, **kwargs: Any) -> Any:
        stream = super().open(name, mode, *args, **kwargs)
        member = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        return _TimedStream(stream, self, member)


class _CellsRead(Exception):
    """A sheet's cells have all been read (what follows them is not needed)."""


_CELLS_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData>")


class _TimedStream:
    """A part read by openpyxl: each read checks the deadline, and a sheet is read no further
    than the end of its cells (merged cells, validations and formatting after them, which
    openpyxl would parse at length, are never read)."""

    def __init__(self, stream: Any, archive: _TimedZip, member: str) -> None:
        self.stream = stream
        self.archive = archive
        self.member = member
        self.tail = b""
        self.cells_read = False

    def read(self, size: int = -1) -> bytes:
        if _clock() >= self.archive.deadline:
            raise _TimeUp
        whole = size is None or size < 0
        if whole and self.archive.elements.get(self.member, 0) > MAX_PART_ELEMENTS:
            raise _TooMany(self.member)
        if self.cells_read:
            raise _CellsRead
        data: bytes = self.stream.read(size)
        if not whole and _CELLS_END.search(self.tail + data):
            self.cells_read = True  # the parser has what it needs once it has parsed this
        self.tail = data[-64:]
        return data

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> _TimedStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _refusal(exc: Exception) -> UploadProblem | None:
    """The problem to report when reading stopped on one of the upload's limits."""
    if isinstance(exc, _TimeUp):
        return UploadProblem(
            [
                f"The workbook took more than {READ_SECONDS} seconds to read, so it was not read "
                "to the end: upload one made from the download, without extra rows, columns or "
                "formatting."
            ]
        )
    if isinstance(exc, _TooMany):
        return UploadProblem(
            [
                f"The workbook holds more than {MAX_PART_ELEMENTS:,} styles or other items in "
                f"one part ({exc.args[0]}): save it again without the extra formatting, or "
                "upload one made from the download."
            ]
        )
    return None


def open_upload(content: bytes) -> Upload:
    """The uploaded workbook, opened read only (values, not formulas) after its size is checked,
    with every part it is made of read within the limits; a file that is not one, or is beyond
    the limits, is an ``UploadProblem``."""
    deadline = _clock() + READ_SECONDS
    elements = _check_archive(content)
    try:
        reader = ExcelReader(io.BytesIO(content), read_only=True, data_only=True, keep_links=False)
        reader.archive = _TimedZip(content, deadline=deadline, elements=elements)
        reader.read()
    except Exception as exc:  # openpyxl fails in many ways on files that are not workbooks
        raise _refusal(exc) or UploadProblem([NOT_A_WORKBOOK]) from exc
    return Upload(reader.wb, deadline=deadline)


class Upload:
    """An uploaded workbook, read a sheet at a time within the limits."""

    def __init__(self, workbook: Any, *, deadline: float) -> None:
        self.workbook = workbook
        self.deadline = deadline

    @property
    def sheetnames(self) -> list[str]:
        return list(self.workbook.sheetnames)

    def rows(
        self, name: str, *, columns: int, max_rows: int = 0, first: int = 0
    ) -> list[tuple[Any, ...]]:
        """Rows 1, 2, … of the sheet called ``name``, each ``columns`` values wide (no more are
        read), or only its ``first`` rows. A sheet that declares more than ``max_rows`` rows
        (``MAX_ROWS`` unless given) or ``MAX_COLUMNS`` columns is refused before it is read;
        one with a value below that row, one that is damaged, or reading past the time allowed,
        is refused too."""
        limit = max_rows or MAX_ROWS
        stop = min(first, limit) if first else limit + 1
        try:
            if _clock() >= self.deadline:
                raise _TimeUp
            sheet = self.workbook[name]
            problem = size_problem(name, sheet.max_row, sheet.max_column, max_rows=limit)
            if problem:
                raise UploadProblem([problem])
            found: list[tuple[Any, ...]] = []
            try:
                for row in sheet.iter_rows(max_row=stop, max_col=columns, values_only=True):
                    if _clock() >= self.deadline:
                        raise _TimeUp
                    found.append(row)
            except _CellsRead:
                pass  # every row has been read
        except UploadProblem:
            raise
        except Exception as exc:  # the sheet's XML or a cell in it cannot be read
            if refusal := _refusal(exc):
                raise refusal from exc
            raise UploadProblem(
                [
                    f"Sheet {name} is damaged and cannot be read: open the workbook in Excel, "
                    "save it and upload it again."
                ]
            ) from exc
        if not first and len(found) > limit and _filled(found[limit]):
            raise UploadProblem([size_problem(name, limit + 1, None, max_rows=limit) or ""])
        return found[:limit]

    def header(self, name: str) -> tuple[Any, ...]:
        """Row 1 of the sheet called ``name``, to its last filled cell (at most MAX_COLUMNS)."""
        rows = self.rows(name, columns=MAX_COLUMNS, first=1)
        values = list(rows[0]) if rows else []
        while values and values[-1] in (None, ""):
            values.pop()
        return tuple(values)


def _filled(row: Sequence[Any]) -> bool:
    return any(value not in (None, "") for value in row)


def read_sheet(
    workbook: Upload,
    name: str,
    headings: Sequence[str],
    *,
    columns: int = 0,
    max_rows: int = 0,
) -> tuple[tuple[Any, ...], list[tuple[int, tuple[Any, ...]]]]:
    """The sheet's heading row, and every other row that is not empty with its row number, each
    ``columns`` wide (as many as ``headings`` unless given). A missing sheet, or first headings
    that are not ``headings``, is an ``UploadProblem``."""
    if name not in workbook.sheetnames:
        raise UploadProblem([f"The workbook has no sheet called {name}: download a new one."])
    rows = workbook.rows(name, columns=columns or len(headings), max_rows=max_rows)
    if not rows or [str(v or "").strip() for v in rows[0][: len(headings)]] != list(headings):
        raise UploadProblem(
            [f"Sheet {name}, row 1: the column headings have changed; download a new workbook."]
        )
    return rows[0], [(number, row) for number, row in enumerate(rows[1:], start=2) if _filled(row)]


def read_csv(content: bytes, *, max_rows: int = 0) -> list[list[str]]:
    """The rows of an uploaded CSV file saved as UTF-8, ``csv_cell``'s apostrophes taken off;
    a file larger than ``MAX_CSV_BYTES``, with more than ``max_rows`` rows (``MAX_ROWS`` unless
    given) or that cannot be read as CSV is an ``UploadProblem``."""
    limit = max_rows or MAX_ROWS
    if len(content) > MAX_CSV_BYTES:
        raise UploadProblem([f"The file is larger than {_megabytes(MAX_CSV_BYTES)}."])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadProblem(["The file must be a CSV saved as UTF-8."]) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) == limit:
                raise UploadProblem(
                    [f"The file has more than {limit:,} rows: split it and load each part."]
                )
            rows.append([csv_value(value) for value in row])
    except csv.Error as exc:
        raise UploadProblem([f"Row {reader.line_num}: this is not valid CSV ({exc})."]) from exc
    return rows


def cell_name(sheet: str, row: int, column: int, heading: str = "") -> str:
    """Where a problem is, as the reader finds it: "Sheet Values, row 4, column E (Numerator)".
    ``column`` counts from 1."""
    where = f"Sheet {sheet}, row {row}, column {get_column_letter(column)}"
    return f"{where} ({heading})" if heading else where
