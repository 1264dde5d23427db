"""Framework files as Excel workbooks: reading one, each value named by its sheet, row, column
and field (``read_excel``; columns in any order, blank rows skipped, extra sheets ignored);
writing one made for editing in Excel and uploading again, with drop-down lists, codes kept as
text and a Help sheet (``export_excel``).
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from assurance.core.spreadsheets import (
    Upload,
    UploadProblem,
    append_row,
    choice_list,
    open_upload,
    shown,
    workbook_bytes,
)
from assurance.frameworks.interchange.format import (
    FORMAT,
    FRAMEWORK_FIELDS,
    ITEM_FIELDS,
    ImportProblem,
    Located,
    exported_parts,
)
from assurance.frameworks.models import Framework, ResponseType

ITEM_COLUMNS = [
    "section_code",
    "section_title",
    "section_guidance",
    "code",
    "text",
    "guidance",
    "response",
    "scale",
    "evidence_required",
]
SCALE_COLUMNS = ["scale", "option", "meets_standard", "not_applicable"]


def _sheet_rows(
    workbook: Upload, sheet: str, columns: list[str], problems: list[str]
) -> list[dict[str, Located]]:
    """The rows of a sheet whose first row names its columns (in any order): only the columns
    up to the last one needed are read. A missing sheet or column is a problem (and no rows),
    so the other sheets are still checked."""
    if sheet not in workbook.sheetnames:
        problems.append(f"The workbook needs a sheet called {sheet}.")
        return []
    header = [str(h).strip().lower() if h is not None else "" for h in workbook.header(sheet)]
    if not header:
        problems.append(f"Sheet {sheet}, row 1: the header row is missing.")
        return []
    missing = [c for c in columns if c not in header]
    if missing:
        problems.append(f"Sheet {sheet}, row 1: missing column(s) {', '.join(missing)}.")
        return []
    at = {c: header.index(c) for c in columns}
    rows = workbook.rows(sheet, columns=max(at.values()) + 1)
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in row):
            continue
        result.append(
            {
                c: Located(
                    row[at[c]],
                    f"sheet {sheet}, row {number}, column {get_column_letter(at[c] + 1)} ({c})",
                )
                for c in columns
            }
        )
    return result


def read_excel(content: bytes) -> dict[str, Any]:
    """The framework in an Excel workbook, each value with its sheet, row and column; a file
    that cannot be read (not a workbook, beyond the limits of ``core.spreadsheets``, damaged)
    is an ``ImportProblem``."""
    try:
        return _read_excel(open_upload(content))
    except ImportProblem:
        raise
    except UploadProblem as problem:
        raise ImportProblem(problem.problems) from problem


def _read_excel(workbook: Upload) -> dict[str, Any]:
    meta = {}
    problems: list[str] = []
    fields = [f for f in FRAMEWORK_FIELDS if f not in {"scales", "sections"}]
    if "Framework" not in workbook.sheetnames:
        problems.append("The workbook needs a sheet called Framework.")
    framework_rows = (
        workbook.rows("Framework", columns=2) if "Framework" in workbook.sheetnames else []
    )
    for number, line in enumerate(framework_rows, start=1):
        if line and line[0]:
            key = str(line[0]).strip().lower()
            if key not in fields:
                problems.append(
                    f"sheet Framework, row {number}, column A: there is no field called "
                    f"“{shown(line[0])}”. Use {', '.join(fields)}."
                )
            meta[key] = Located(line[1], f"sheet Framework, row {number}, column B ({key})")
    top = {
        name: meta.get(name, Located(None, f"sheet Framework, column A (no row called {name})"))
        for name in fields
    }
    scales: dict[str, dict[str, Any]] = {}
    for row in _sheet_rows(workbook, "Scales", SCALE_COLUMNS, problems):
        name = row["scale"]
        scale = scales.setdefault(str(name.value or ""), {"name": name, "options": []})
        scale["options"].append(
            {
                "label": row["option"],
                "meets_standard": row["meets_standard"],
                "not_applicable": row["not_applicable"],
            }
        )
    sections: dict[str, dict[str, Any]] = {}
    for row in _sheet_rows(workbook, "Items", ITEM_COLUMNS, problems):
        code = str(row["section_code"].value or "")
        section = sections.setdefault(
            code,
            {
                "code": row["section_code"],
                "title": row["section_title"],
                "guidance": row["section_guidance"],
                "items": [],
            },
        )
        if (
            section["title"] is not row["section_title"]
            and str(section["title"].value or "").strip()
            != str(row["section_title"].value or "").strip()
        ):
            problems.append(
                f"{row['section_title'].where}: section {code} is titled "
                f"“{shown(section['title'].value)}” on an earlier row; give every row of a section "
                "the same title."
            )
        section["items"].append({k: row[k] for k in ITEM_FIELDS if k != "items"})
    return {
        **top,
        "scales": list(scales.values()),
        "sections": list(sections.values()),
        "problems": problems,
    }


EXCEL_HELP = [
    "How to edit this audit tool in Excel (the Help sheet is ignored on upload)",
    "",
    "Framework sheet: one field per row, its name in column A and its value in column B "
    "(name, version, kind, theme, description). Keep format as it is. version is the tool's "
    "version number: upload a changed tool under the same name with a higher version (or no "
    "version) to add it as a new version; a file the same as a version already in the service "
    "is refused.",
    "Scales sheet: one row per option, in order. scale is the scale's name (repeat it on each "
    "of its rows); meets_standard is yes when the option counts as meeting the standard; "
    "not_applicable is yes when the option is left out of the number assessed.",
    "Items sheet: one row per standard or question, in order. Repeat the section's code, title "
    "and guidance on each row of the section. response is scale, yes_no_na, number, date or "
    "text; for scale give the scale's name exactly as on the Scales sheet; evidence_required is "
    "yes or no (left blank: yes, except for text items, whose answer is the evidence).",
    "yes_no_na items use the built-in scale Yes / No / Not applicable: leave their scale empty.",
    "Codes must be unique: section codes in the tool, item codes in their section. Findings "
    "compare versions by item code, so keep a standard's code when you reword it.",
    "When you upload, the whole file is checked; if anything is wrong nothing is imported and "
    "each problem is listed with its sheet, row and column.",
]


def export_excel(framework: Framework) -> bytes:
    scales, sections = exported_parts(framework)
    workbook = Workbook()
    meta = workbook.active
    meta.title = "Framework"
    for row in [
        ("format", FORMAT),
        ("name", framework.name),
        ("version", framework.version),
        ("kind", framework.kind),
        ("theme", framework.theme),
        ("description", framework.description),
    ]:
        append_row(meta, row)
    scale_sheet = workbook.create_sheet("Scales")
    append_row(scale_sheet, SCALE_COLUMNS)
    for scale in scales:
        for option in scale.options.order_by("order"):
            append_row(
                scale_sheet,
                [
                    scale.name,
                    option.label,
                    "yes" if option.meets_standard else "no",
                    "yes" if option.is_not_applicable else "no",
                ],
            )
    items = workbook.create_sheet("Items")
    append_row(items, ITEM_COLUMNS)
    for section in sections:
        for item in section.items.order_by("order"):
            append_row(
                items,
                [
                    section.code,
                    section.title,
                    section.guidance,
                    item.code,
                    item.text,
                    item.guidance,
                    item.response_type,
                    item.scale.name
                    if item.response_type == ResponseType.SCALE and item.scale
                    else "",
                    "yes" if item.evidence_required else "no",
                ],
            )
    last = max(items.max_row, 200)
    for column, allowed in [
        ("G", ",".join(ResponseType.values)),
        ("I", "yes,no"),
    ]:
        check = choice_list(
            items, allowed.split(","), error=f"Use one of {allowed.replace(',', ', ')}."
        )
        check.add(f"{column}2:{column}{last}")
    yes_no = choice_list(scale_sheet, ["yes", "no"])
    yes_no.add(f"C2:D{max(scale_sheet.max_row, 100)}")
    for row in items.iter_rows(min_row=2, max_col=4):
        for cell in (row[0], row[3]):  # codes stay text: 1.10 must not become 1.1
            cell.number_format = "@"
    for sheet in (scale_sheet, items):
        sheet.freeze_panes = "A2"
    help_sheet = workbook.create_sheet("Help")
    for line in EXCEL_HELP:
        append_row(help_sheet, [line])
    help_sheet.column_dimensions["A"].width = 100
    for sheet in workbook.worksheets:
        if sheet is help_sheet:
            continue
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(12, width + 2))
    return workbook_bytes(workbook)
