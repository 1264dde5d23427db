"""Excel for quarterly collection: a workbook pre-filled with an agency's indicators (and what
is saved) to download, complete offline and upload (the approach of audits/workbooks.py).

An upload is checked whole by the same rules as the web form (``collection.check_entry``); every
problem is named by its sheet, row and column, and a bad upload stores nothing.
"""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency

from . import collection_selectors as selectors
from . import collection_services as services
from .collection import Entry, _fmt
from .models import CollectionRound

SHEET = "Values"
COLUMNS = [
    "code",
    "indicator",
    "unit",
    "about",
    "numerator",
    "denominator",
    "commentary",
    "confirmed",
]
HEADERS = {
    "code": "Code (do not change)",
    "indicator": "Indicator",
    "unit": "Unit",
    "about": "Numerator and denominator; target; last period",
    "numerator": "Numerator (or the value)",
    "denominator": "Denominator",
    "commentary": "Commentary",
    "confirmed": "Unusual value checked (Yes/No)",
}
LOCKED_COLUMNS = "ABCD"
BOLD = Font(bold=True)
LOCKED = PatternFill("solid", fgColor="F3F2F1")


class UploadProblem(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _cell_number(value: Any) -> Any:
    return float(value) if value is not None else None


def values_workbook(*, round: CollectionRound, agency: Agency) -> bytes:
    rows = selectors.agency_rows(round=round, agency=agency)
    workbook = Workbook()
    guide = workbook.active
    guide.title = "Instructions"
    for line in [
        f"{round.partnership.name}: data set values of {agency.name} for {round.period.label}",
        f"Round {round.pk}. Due {round.due_on.day} {round.due_on:%B %Y}.",
        "Complete the Values sheet and upload it on the round's page. Do not change the grey "
        "columns or add rows.",
        "Counts: enter the number in the Numerator column and leave the Denominator empty. "
        "Percentages and rates: enter the numerator and the denominator; the platform works "
        "out the percentage or rate. Leave both empty if you do not have the figure yet.",
        "Commentary is needed when a value misses its target, leaves its tolerance or changes "
        f"more than {_fmt(round.change_percent)}% from last period.",
        "If a value is outside the range the series usually stays within, you will be asked to "
        "check it: enter Yes in the last column when it is right.",
        "If anything is wrong, nothing is saved and each problem is listed with its sheet, row "
        "and column.",
    ]:
        guide.append([line])
    guide.column_dimensions["A"].width = 120
    sheet = workbook.create_sheet(SHEET)
    sheet.append([HEADERS[c] for c in COLUMNS])
    yes_no = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
    sheet.add_data_validation(yes_no)
    for row in rows:
        indicator, saved = row.indicator, row.value
        about = []
        if row.rule.needs_denominator:
            about.append(f"Numerator: {indicator.numerator_definition}")
            about.append(f"Denominator: {indicator.denominator_definition}")
        if row.context.target is not None:
            about.append(f"Target {_fmt(row.context.target, indicator.decimal_places)}")
        if row.context.previous is not None:
            about.append(f"Last period {_fmt(row.context.previous, indicator.decimal_places)}")
        sheet.append(
            [
                indicator.code,
                indicator.title,
                indicator.get_unit_display(),
                "\n".join(about),
                _cell_number(saved.numerator) if saved else None,
                _cell_number(saved.denominator) if saved else None,
                saved.commentary if saved else "",
                "Yes" if saved and saved.confirmed_outlier else "",
            ]
        )
        number = sheet.max_row
        yes_no.add(f"H{number}")
        for column in LOCKED_COLUMNS:
            sheet[f"{column}{number}"].fill = LOCKED
            sheet[f"{column}{number}"].alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "E2"
    for index, width in enumerate([16, 40, 14, 50, 14, 14, 50, 14], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _where(row: int, column: str) -> str:
    return f"Sheet {SHEET}, row {row}, column {get_column_letter(COLUMNS.index(column) + 1)}"


def parse_values_workbook(
    *, content: bytes, round: CollectionRound, agency: Agency
) -> tuple[dict[str, Entry], dict[str, int], list[tuple[int, str]]]:
    """The entries of an uploaded workbook by indicator code, each code's row number, and the
    problems found reading it as (row, message). Raises UploadProblem for a file that cannot
    be read as this round's workbook at all."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise UploadProblem(["The file is not an Excel workbook (.xlsx)."]) from exc
    if SHEET not in workbook.sheetnames:
        raise UploadProblem([f"The workbook has no sheet called {SHEET}: download a new one."])
    rows = list(workbook[SHEET].iter_rows(values_only=True))
    header = [HEADERS[c] for c in COLUMNS]
    if not rows or [str(v or "").strip() for v in rows[0][: len(header)]] != header:
        raise UploadProblem(
            [f"Sheet {SHEET}, row 1: the column headings have changed; download a new workbook."]
        )
    expected = {r.indicator.code for r in selectors.agency_rows(round=round, agency=agency)}
    problems: list[tuple[int, str]] = []
    entries: dict[str, Entry] = {}
    where: dict[str, int] = {}
    for number, raw in enumerate(rows[1:], start=2):
        values = dict(zip(COLUMNS, raw, strict=False))
        if all(v in (None, "") for v in values.values()):
            continue
        code = str(values.get("code") or "").strip()
        if code not in expected:
            problems.append(
                (
                    number,
                    f"{_where(number, 'code')}: {code or 'an empty code'} is not an indicator "
                    f"{agency.name} reports in {round.period.short_label}.",
                )
            )
            continue
        if code in entries:
            problems.append((number, f"{_where(number, 'code')}: {code} appears twice."))
            continue
        confirmed = str(values.get("confirmed") or "").strip().lower()
        if confirmed not in ("", "yes", "no", "y", "n"):
            problems.append((number, f"{_where(number, 'confirmed')}: {code}: enter Yes or No."))
        entries[code] = Entry(
            numerator=values.get("numerator"),
            denominator=values.get("denominator"),
            commentary=str(values.get("commentary") or ""),
            confirmed_outlier=confirmed in ("yes", "y"),
        )
        where[code] = number
    return entries, where, problems


FIELD_COLUMN = {
    "numerator": "numerator",
    "denominator": "denominator",
    "commentary": "commentary",
    "confirmed_outlier": "confirmed",
    "indicator": "code",
}


def upload_values_workbook(
    *, actor: Actor, round: CollectionRound, content: bytes
) -> services.SaveResult:
    """Save every value in the workbook, or nothing at all. Every problem is reported at once,
    in the order of the sheet."""
    agency = actor.person.agency
    entries, where, problems = parse_values_workbook(content=content, round=round, agency=agency)
    _, rule_problems = services.values_check(round=round, agency=agency, entries=entries)
    problems += [
        (where[code], f"{_where(where[code], FIELD_COLUMN.get(p.field, 'code'))}: {p.message}")
        for code, p in rule_problems
    ]
    if problems:
        raise UploadProblem([message for _, message in sorted(problems, key=lambda p: p[0])])
    try:
        return services.values_save(
            actor=actor, round=round, agency=agency, entries=entries, via="workbook"
        )
    except ValidationError as exc:
        raise UploadProblem([str(m) for m in exc.messages]) from exc
