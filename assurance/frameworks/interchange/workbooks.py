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

from assurance.core.spreadsheets import UploadProblem, choice_list, open_upload, workbook_bytes
from assurance.frameworks.interchange.format import FORMAT, ImportProblem, Located, exported_parts
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


def _sheet_rows(workbook: Any, sheet: str, columns: list[str]) -> list[dict[str, Located]]:
    if sheet not in workbook.sheetnames:
        raise ImportProblem([f"The workbook needs a sheet called {sheet}."])
    rows = list(workbook[sheet].iter_rows(values_only=True))
    if not rows:
        raise ImportProblem([f"Sheet {sheet}, row 1: the header row is missing."])
    header = [str(h).strip().lower() if h is not None else "" for h in rows[0]]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportProblem([f"Sheet {sheet}, row 1: missing column(s) {', '.join(missing)}."])
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in row):
            continue
        result.append(
            {
                c: Located(
                    row[header.index(c)] if header.index(c) < len(row) else None,
                    f"sheet {sheet}, row {number}, column "
                    f"{get_column_letter(header.index(c) + 1)} ({c})",
                )
                for c in columns
            }
        )
    return result


def read_excel(content: bytes) -> dict[str, Any]:
    try:
        workbook = open_upload(content)
    except UploadProblem as problem:  # not a workbook at all
        raise ImportProblem(problem.problems) from problem
    meta = {}
    problems: list[str] = []
    fields = ["format", "name", "kind", "theme", "description"]
    if "Framework" not in workbook.sheetnames:
        raise ImportProblem(["The workbook needs a sheet called Framework."])
    for number, row in enumerate(workbook["Framework"].iter_rows(values_only=True), start=1):
        if row and row[0]:
            key = str(row[0]).strip().lower()
            if key not in fields:
                problems.append(
                    f"sheet Framework, row {number}, column A: there is no field called "
                    f"“{row[0]}”. Use {', '.join(fields)}."
                )
            meta[key] = Located(
                row[1] if len(row) > 1 else None,
                f"sheet Framework, row {number}, column B ({key})",
            )
    top = {
        name: meta.get(name, Located(None, f"sheet Framework, column A (no row called {name})"))
        for name in fields
    }
    scales: dict[str, dict[str, Any]] = {}
    for row in _sheet_rows(workbook, "Scales", SCALE_COLUMNS):
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
    for row in _sheet_rows(workbook, "Items", ITEM_COLUMNS):
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
                f"“{section['title'].value}” on an earlier row; give every row of a section "
                "the same title."
            )
        section["items"].append(
            {
                k: row[k]
                for k in ["code", "text", "guidance", "response", "scale", "evidence_required"]
            }
        )
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
    "(name, kind, theme, description). Keep format as it is.",
    "Scales sheet: one row per option, in order. scale is the scale's name (repeat it on each "
    "of its rows); meets_standard is yes when the option counts as meeting the standard; "
    "not_applicable is yes when the option is left out of the number assessed.",
    "Items sheet: one row per standard or question, in order. Repeat the section's code, title "
    "and guidance on each row of the section. response is scale, yes_no_na, number, date or "
    "text; for scale give the scale's name exactly as on the Scales sheet; evidence_required is "
    "yes or no.",
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
        ("kind", framework.kind),
        ("theme", framework.theme),
        ("description", framework.description),
    ]:
        meta.append(row)
    scale_sheet = workbook.create_sheet("Scales")
    scale_sheet.append(SCALE_COLUMNS)
    for scale in scales:
        for option in scale.options.order_by("order"):
            scale_sheet.append(
                [
                    scale.name,
                    option.label,
                    "yes" if option.meets_standard else "no",
                    "yes" if option.is_not_applicable else "no",
                ]
            )
    items = workbook.create_sheet("Items")
    items.append(ITEM_COLUMNS)
    for section in sections:
        for item in section.items.order_by("order"):
            items.append(
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
                ]
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
        help_sheet.append([line])
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
