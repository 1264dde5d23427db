"""Excel workbooks in one style, for every workbook the service gives out or takes in (openpyxl).

A workbook to complete offline has an instructions sheet, then sheets whose first row holds the
column headings (bold, wrapped, frozen), grey cells not to change and drop-down lists. An upload
is read whole: each problem names its sheet, row and column (``cell_name``), and the caller saves
nothing unless every row is right (``UploadProblem`` carries them all).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
LOCKED = PatternFill("solid", fgColor="F3F2F1")
WRAP = Alignment(wrap_text=True, vertical="top")


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


def new_workbook(instructions: Iterable[str], *, title: str = "Instructions") -> Workbook:
    """A workbook whose first sheet tells the reader, a line a row, how to complete it."""
    workbook = Workbook()
    guide = workbook.active
    assert guide is not None
    guide.title = title
    for line in instructions:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    return workbook


def add_sheet(workbook: Workbook, title: str, headings: Sequence[str]) -> Worksheet:
    """A sheet with its headings in the first row (styled by ``finish_sheet``)."""
    sheet = workbook.create_sheet(title)
    sheet.append(list(headings))
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
    validation = DataValidation(
        type="list", formula1=f'"{",".join(options)}"', allow_blank=True, error=error or None
    )
    sheet.add_data_validation(validation)
    return validation


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def open_upload(content: bytes) -> Any:
    """The uploaded workbook, read only (values, not formulas); a file that is not one is an
    ``UploadProblem``."""
    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise UploadProblem(["The file is not an Excel workbook (.xlsx)."]) from exc


def read_sheet(
    workbook: Any, name: str, headings: Sequence[str]
) -> tuple[tuple[Any, ...], list[tuple[int, tuple[Any, ...]]]]:
    """The sheet's heading row, and every other row that is not empty with its row number.
    A missing sheet, or first headings that are not ``headings``, is an ``UploadProblem``."""
    if name not in workbook.sheetnames:
        raise UploadProblem([f"The workbook has no sheet called {name}: download a new one."])
    rows = list(workbook[name].iter_rows(values_only=True))
    if not rows or [str(v or "").strip() for v in rows[0][: len(headings)]] != list(headings):
        raise UploadProblem(
            [f"Sheet {name}, row 1: the column headings have changed; download a new workbook."]
        )
    return rows[0], [
        (number, row)
        for number, row in enumerate(rows[1:], start=2)
        if any(value not in (None, "") for value in row)
    ]


def cell_name(sheet: str, row: int, column: int, heading: str = "") -> str:
    """Where a problem is, as the reader finds it: "Sheet Values, row 4, column E (Numerator)".
    ``column`` counts from 1."""
    where = f"Sheet {sheet}, row {row}, column {get_column_letter(column)}"
    return f"{where} ({heading})" if heading else where
