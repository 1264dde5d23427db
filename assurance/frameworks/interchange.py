"""Import and export a framework as YAML or as an Excel workbook (the format is documented in
docs/frameworks.md, with a full example).

Both readers produce the same plain structure, each value remembering where it came from (a
YAML line, or an Excel sheet, row and column); one validator checks it all and reports every
problem by its place and field; only a fully valid file is written, in one transaction.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import column_index_from_string, get_column_letter

from assurance.core.spreadsheets import choice_list, workbook_bytes
from assurance.frameworks.models import (
    Framework,
    FrameworkKind,
    Item,
    ResponseScale,
    ResponseType,
    ScaleOption,
    Section,
)
from assurance.partnerships.models import Partnership

FORMAT = "assurance-framework/1"
YES_NO_NA = "Yes / No / Not applicable"


class ImportProblem(Exception):
    """A file that cannot be imported; ``problems`` names each place and field."""

    def __init__(self, problems: list[str]) -> None:
        problems = sorted(problems, key=_place)  # in the order of the file
        super().__init__("; ".join(problems))
        self.problems = problems


_SHEETS = ["framework", "scales", "items"]


def _place(problem: str) -> tuple[int, ...]:
    """Where a problem is, for sorting: YAML by line; Excel by sheet, row and column."""
    if match := re.match(r"line (\d+)", problem):
        return (0, int(match.group(1)))
    if match := re.match(r"sheet (\w+), row (\d+)(?:, column ([A-Z]+))?", problem, re.I):
        sheet = match.group(1).lower()
        order = _SHEETS.index(sheet) if sheet in _SHEETS else len(_SHEETS)
        column = column_index_from_string(match.group(3)) if match.group(3) else 0
        return (1, order, int(match.group(2)), column)
    return (2,)


@dataclass
class Located:
    """A value and where it was found, for error messages."""

    value: Any
    where: str


@dataclass
class Plan:
    """A validated framework, ready to be written."""

    name: str
    kind: str
    theme: str
    description: str
    scales: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)


# --- YAML ---


class _LineLoader(yaml.SafeLoader):
    """Keeps, for each mapping, the line of each key (1-based)."""


_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    lines: dict[str, int] = {}
    repeated: list[tuple[str, int]] = []
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node))
        if key in lines:
            repeated.append((key, key_node.start_mark.line + 1))
        lines[key] = value_node.start_mark.line + 1
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag in _NUMBER_TAGS:
            mapping[key] = value_node.value  # a code written 1.10 stays "1.10", not 1.1
    result = _Mapping(mapping)
    result.lines = lines
    result.line = node.start_mark.line + 1
    result.repeated = repeated
    return result


class _Mapping(dict):  # type: ignore[type-arg]
    lines: dict[str, int]
    line: int
    repeated: list[tuple[str, int]]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _yaml_fields(
    mapping: Any, names: list[str], problems: list[str], what: str
) -> dict[str, Located]:
    """The named fields of a mapping, each with its line; unknown or repeated keys are
    problems (a misspelt ``evidence_requried`` must not silently fall back to the default)."""
    lines = getattr(mapping, "lines", {})
    start = getattr(mapping, "line", 0)
    for key, line in getattr(mapping, "repeated", []):
        problems.append(f"line {line}, field {key}: the field is given twice in this {what}.")
    for key in mapping:
        if str(key) not in names:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f" Did you mean {close[0]}?" if close else f" Use {', '.join(names)}."
            problems.append(
                f"line {lines.get(str(key), start)}, field {key}: "
                f"there is no such field in this {what}.{hint}"
            )
    return {
        name: Located(mapping.get(name), f"line {lines.get(name, start)}, field {name}")
        for name in names
    }


def _yaml_list(located: Located, problems: list[str]) -> list[Any]:
    if located.value is None:
        return []
    if not isinstance(located.value, list):
        problems.append(f"{located.where}: this must be a list (lines starting with “- ”).")
        return []
    return located.value


def _yaml_mappings(located: Located, problems: list[str], what: str) -> list[Any]:
    result = []
    for entry in _yaml_list(located, problems):
        if isinstance(entry, dict):
            result.append(entry)
        else:
            problems.append(f"{located.where}: each {what} must be a set of fields, not “{entry}”.")
    return result


def read_yaml(text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "the file"
        raise ImportProblem(
            [f"{where}: this is not valid YAML ({getattr(exc, 'problem', exc)})."]
        ) from exc
    if not isinstance(data, dict):
        raise ImportProblem(["line 1: the file must be a YAML mapping with name and sections."])
    problems: list[str] = []
    top = _yaml_fields(
        data,
        ["format", "name", "kind", "theme", "description", "scales", "sections"],
        problems,
        "framework",
    )
    scales = []
    for scale in _yaml_mappings(top["scales"], problems, "scale"):
        f = _yaml_fields(scale, ["name", "options"], problems, "scale")
        options = []
        for option in _yaml_list(f["options"], problems):
            if isinstance(option, dict):
                fields = ["label", "meets_standard", "not_applicable"]
                options.append(_yaml_fields(option, fields, problems, "scale option"))
            else:  # a bare label
                options.append({"label": Located(option, f["options"].where)})
        scales.append({**f, "options": options})
    sections = []
    for section in _yaml_mappings(top["sections"], problems, "section"):
        f = _yaml_fields(section, ["code", "title", "guidance", "items"], problems, "section")
        items = [
            _yaml_fields(
                item,
                ["code", "text", "guidance", "response", "scale", "evidence_required"],
                problems,
                "item",
            )
            for item in _yaml_mappings(f["items"], problems, "item")
        ]
        sections.append({**f, "items": items})
    if problems:
        raise ImportProblem(problems)
    return {**top, "scales": scales, "sections": sections}


# --- Excel ---

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
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise ImportProblem(["The file is not an Excel workbook (.xlsx)."]) from exc
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


# --- validation ---


def _text(
    located: Located | None, problems: list[str], *, required: bool = True, limit: int = 300
) -> str:
    if located is not None and isinstance(located.value, (list, dict)):
        problems.append(f"{located.where}: write plain text here, not a list or a set of fields.")
        return ""
    value = "" if located is None or located.value is None else str(located.value).strip()
    if isinstance(located.value if located else None, float) and value.endswith(".0"):
        value = value[:-2]  # Excel stores a code typed as 2 as 2.0
    if required and not value:
        problems.append(f"{located.where if located else 'the file'}: this is required.")
    elif len(value) > limit:
        problems.append(f"{located.where}: at most {limit} characters.")  # type: ignore[union-attr]
    return value


def _flag(located: Located | None, problems: list[str], default: bool = False) -> bool:
    if located is None or located.value in (None, ""):
        return default
    value = located.value
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"yes", "true", "y", "1"}:
        return True
    if text in {"no", "false", "n", "0"}:
        return False
    problems.append(f"{located.where}: write yes or no, not “{value}”.")
    return default


def validate(data: dict[str, Any]) -> Plan:
    problems: list[str] = list(data.get("problems", []))
    fmt = data.get("format")
    if fmt is not None and fmt.value not in (None, FORMAT):
        problems.append(f"{fmt.where}: the format must be {FORMAT}.")
    kind = _text(data.get("kind"), problems, required=False) or FrameworkKind.CASE_AUDIT
    if kind not in FrameworkKind.values:
        problems.append(f"{data['kind'].where}: use one of {', '.join(FrameworkKind.values)}.")
    plan = Plan(
        name=_text(data.get("name"), problems, limit=200),
        kind=kind,
        theme=_text(data.get("theme"), problems, required=False, limit=80),
        description=_text(data.get("description"), problems, required=False, limit=5000),
    )
    scale_names = {YES_NO_NA}
    for scale in data.get("scales", []):
        name = _text(scale["name"], problems, limit=120)
        if name in scale_names:
            problems.append(f"{scale['name'].where}: the scale “{name}” is defined twice.")
        scale_names.add(name)
        options, labels = [], set()
        for option in scale["options"]:
            label = _text(option.get("label"), problems, limit=80)
            if label in labels:
                problems.append(f"{option['label'].where}: the option “{label}” is repeated.")
            labels.add(label)
            options.append(
                {
                    "label": label,
                    "meets_standard": _flag(option.get("meets_standard"), problems),
                    "is_not_applicable": _flag(option.get("not_applicable"), problems),
                }
            )
        if len(options) < 2:
            problems.append(f"{scale['name'].where}: a scale needs at least two options.")
        elif not any(o["meets_standard"] for o in options):
            problems.append(
                f"{scale['name'].where}: say which option meets the standard (meets_standard: yes)."
            )
        plan.scales.append((name, options))
    if not data.get("sections"):
        problems.append("The framework needs at least one section with items.")
    section_codes: set[str] = set()
    for section in data.get("sections", []):
        code = _text(section["code"], problems, limit=20)
        if code in section_codes:
            problems.append(f"{section['code'].where}: the section code “{code}” is repeated.")
        section_codes.add(code)
        entry: dict[str, Any] = {
            "code": code,
            "title": _text(section["title"], problems),
            "guidance": _text(section["guidance"], problems, required=False, limit=5000),
            "items": [],
        }
        item_codes: set[str] = set()
        if not section["items"]:
            problems.append(f"{section['code'].where}: the section “{code}” has no items.")
        for item in section["items"]:
            item_code = _text(item["code"], problems, limit=20)
            if item_code in item_codes:
                problems.append(
                    f"{item['code'].where}: the item code “{item_code}” is repeated in its section."
                )
            item_codes.add(item_code)
            response = _text(item["response"], problems, limit=20).lower()
            if response and response not in ResponseType.values:
                problems.append(
                    f"{item['response'].where}: use one of "
                    f"{', '.join(ResponseType.values)}, not “{response}”."
                )
            scale = _text(item["scale"], problems, required=response == ResponseType.SCALE)
            if response == ResponseType.YES_NO_NA:
                scale = YES_NO_NA
            if scale and scale not in scale_names:
                problems.append(f"{item['scale'].where}: there is no scale called “{scale}”.")
            if scale and response not in {ResponseType.SCALE, ResponseType.YES_NO_NA}:
                problems.append(f"{item['scale'].where}: only scale items have a scale.")
            entry["items"].append(
                {
                    "code": item_code,
                    "text": _text(item["text"], problems, limit=2000),
                    "guidance": _text(item["guidance"], problems, required=False, limit=5000),
                    "response_type": response,
                    "scale": scale or None,
                    "evidence_required": _flag(item["evidence_required"], problems, default=True),
                }
            )
        plan.sections.append(entry)
    if problems:
        raise ImportProblem(problems)
    return plan


# --- writing ---


def scale_yes_no_na(*, partnership: Partnership) -> ResponseScale:
    """The built-in scale of yes/no/not applicable items (Yes meets the standard)."""
    scale, created = ResponseScale.unscoped.get_or_create(partnership=partnership, name=YES_NO_NA)
    if created:
        for order, (label, meets, na) in enumerate(
            [("Yes", True, False), ("No", False, False), ("Not applicable", False, True)], 1
        ):
            ScaleOption.objects.create(
                scale=scale, label=label, order=order, meets_standard=meets, is_not_applicable=na
            )
    return scale


def _scale(partnership: Partnership, name: str, options: list[dict[str, Any]]) -> ResponseScale:
    scale = ResponseScale.unscoped.filter(partnership=partnership, name=name).first()
    if scale is not None:
        existing = [
            (o.label, o.meets_standard, o.is_not_applicable)
            for o in scale.options.order_by("order")
        ]
        wanted = [(o["label"], o["meets_standard"], o["is_not_applicable"]) for o in options]
        if existing != wanted:
            raise ImportProblem(
                [
                    f"A different scale called “{name}” already exists in the "
                    "partnership: rename the scale in the file."
                ]
            )
        return scale
    scale = ResponseScale.unscoped.create(partnership=partnership, name=name)
    for order, option in enumerate(options, start=1):
        ScaleOption.objects.create(scale=scale, order=order, **option)
    return scale


def write(
    plan: Plan,
    *,
    partnership: Partnership,
    user: Any = None,
    family: Any = None,
    version: int = 1,
    based_on: Framework | None = None,
) -> Framework:
    with transaction.atomic():
        scales = {YES_NO_NA: scale_yes_no_na(partnership=partnership)}
        for name, options in plan.scales:
            scales[name] = _scale(partnership, name, options)
        framework = Framework(
            partnership=partnership,
            name=plan.name,
            kind=plan.kind,
            theme=plan.theme,
            description=plan.description,
            version=version,
            based_on=based_on,
        )
        if family is not None:
            framework.family = family
        framework._history_user = user  # type: ignore[attr-defined]
        framework.save()
        for s_order, section in enumerate(plan.sections, start=1):
            row = Section.objects.create(
                framework=framework,
                code=section["code"],
                title=section["title"],
                guidance=section["guidance"],
                order=s_order,
            )
            for i_order, item in enumerate(section["items"], start=1):
                Item.objects.create(
                    section=row,
                    code=item["code"],
                    text=item["text"],
                    guidance=item["guidance"],
                    response_type=item["response_type"],
                    scale=scales[item["scale"]] if item["scale"] else None,
                    evidence_required=item["evidence_required"],
                    order=i_order,
                )
    return framework


def import_file(
    *, name: str, content: bytes, partnership: Partnership, user: Any = None
) -> Framework:
    """Import a .yaml/.yml or .xlsx file; nothing is stored unless every part is valid."""
    lowered = name.lower()
    if lowered.endswith((".yaml", ".yml")):
        try:
            data = read_yaml(content.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise ImportProblem(["The YAML file must be saved as UTF-8."]) from exc
    elif lowered.endswith(".xlsx"):
        data = read_excel(content)
    else:
        raise ImportProblem(["Upload a .yaml or an .xlsx file."])
    return write(validate(data), partnership=partnership, user=user)


# --- export ---


def _tree(framework: Framework) -> tuple[list[ResponseScale], list[Section]]:
    sections = list(framework.sections.order_by("order").prefetch_related("items__scale"))
    scale_ids = {i.scale_id for s in sections for i in s.items.all() if i.scale_id}
    scales = list(
        ResponseScale.unscoped.filter(pk__in=scale_ids)
        .exclude(name=YES_NO_NA)
        .prefetch_related("options")
        .order_by("name")
    )
    return scales, sections


def export_yaml(framework: Framework) -> str:
    scales, sections = _tree(framework)
    data = {
        "format": FORMAT,
        "name": framework.name,
        "kind": framework.kind,
        "theme": framework.theme,
        "description": framework.description,
        "scales": [
            {
                "name": s.name,
                "options": [
                    {
                        "label": o.label,
                        "meets_standard": o.meets_standard,
                        "not_applicable": o.is_not_applicable,
                    }
                    for o in s.options.order_by("order")
                ],
            }
            for s in scales
        ],
        "sections": [
            {
                "code": s.code,
                "title": s.title,
                "guidance": s.guidance,
                "items": [
                    {
                        "code": i.code,
                        "text": i.text,
                        "guidance": i.guidance,
                        "response": i.response_type,
                        **(
                            {"scale": i.scale.name}
                            if i.response_type == ResponseType.SCALE and i.scale
                            else {}
                        ),
                        "evidence_required": i.evidence_required,
                    }
                    for i in s.items.order_by("order")
                ],
            }
            for s in sections
        ],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


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
    scales, sections = _tree(framework)
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
