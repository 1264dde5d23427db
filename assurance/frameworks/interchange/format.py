"""The framework file format, whichever kind of file it was read from: its vocabulary
(``FORMAT``, the name of the built-in Yes / No / Not applicable scale), a file's problems, each
naming its place and sorted in the order of the file (``ImportProblem``), a value with its place
(``Located``), the validator that turns what a reader found into a ``Plan`` ready to be written,
and the parts of a framework that an export holds (``exported_parts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string

from assurance.core.spreadsheets import UploadProblem, shown
from assurance.frameworks.models import (
    Framework,
    FrameworkKind,
    ResponseScale,
    ResponseType,
    Section,
)

FORMAT = "assurance-framework/1"
YES_NO_NA = "Yes / No / Not applicable"

# The fields of each part of a framework file, in YAML and in Excel (the Excel Framework sheet
# has the top fields but scales and sections, which are its other sheets). The guide in the
# service (frameworks/format_guide.html) describes each of them.
FRAMEWORK_FIELDS = [
    "format",
    "name",
    "version",
    "kind",
    "theme",
    "description",
    "scales",
    "sections",
]
SCALE_FIELDS = ["name", "options"]
OPTION_FIELDS = ["label", "meets_standard", "not_applicable"]
SECTION_FIELDS = ["code", "title", "guidance", "items"]
ITEM_FIELDS = ["code", "text", "guidance", "response", "scale", "evidence_required"]
MAX_VERSION = 9999
EXAMPLE = Path(__file__).resolve().parent / "example.yaml"
"""A small complete tool in YAML, shown by the format guide in the service."""


def evidence_required_by_default(response: str) -> bool:
    """Whether an item asks for separate evidence when its file does not say: a free-text
    answer is itself the evidence, so ``text`` items do not; every other kind does."""
    return response != ResponseType.TEXT


class ImportProblem(UploadProblem):
    """A file that cannot be imported; ``problems`` names each place and field. It is an
    ``UploadProblem``, the problem of any upload that cannot be saved."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(sorted(problems, key=_place))  # in the order of the file


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
    version: int | None = None  # as the file says (None: not given)
    scales: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)


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
    problems.append(f"{located.where}: write yes or no, not “{shown(value)}”.")
    return default


def _version(located: Located | None, problems: list[str]) -> int | None:
    if located is None or located.value in (None, ""):
        return None
    value = located.value
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))  # Excel stores 2 as 2.0
    if not text.isdigit() or not 1 <= int(text) <= MAX_VERSION:
        problems.append(
            f"{located.where}: the version must be a whole number from 1 to {MAX_VERSION}, "
            f"not “{shown(value)}”."
        )
        return None
    return int(text)


def validate(data: dict[str, Any]) -> Plan:
    problems: list[str] = list(data.get("problems", []))
    fmt = data.get("format")
    if fmt is not None and fmt.value not in (None, FORMAT):
        problems.append(f"{fmt.where}: the format must be {FORMAT}.")
    kind = _text(data.get("kind"), problems, required=False) or FrameworkKind.CASE_AUDIT.value
    if kind not in FrameworkKind.values:
        problems.append(f"{data['kind'].where}: use one of {', '.join(FrameworkKind.values)}.")
    plan = Plan(
        name=_text(data.get("name"), problems, limit=200),
        kind=kind,
        theme=_text(data.get("theme"), problems, required=False, limit=80),
        description=_text(data.get("description"), problems, required=False, limit=5000),
        version=_version(data.get("version"), problems),
    )
    scale_names = {YES_NO_NA}
    for scale in data.get("scales", []):
        name = _text(scale["name"], problems, limit=120)
        if name in scale_names:
            problems.append(f"{scale['name'].where}: the scale “{shown(name)}” is defined twice.")
        scale_names.add(name)
        options, labels = [], set()
        for option in scale["options"]:
            label = _text(option.get("label"), problems, limit=80)
            if label in labels:
                problems.append(
                    f"{option['label'].where}: the option “{shown(label)}” is repeated."
                )
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
            problems.append(
                f"{section['code'].where}: the section code “{shown(code)}” is repeated."
            )
        section_codes.add(code)
        entry: dict[str, Any] = {
            "code": code,
            "title": _text(section["title"], problems),
            "guidance": _text(section["guidance"], problems, required=False, limit=5000),
            "items": [],
        }
        item_codes: set[str] = set()
        if not section["items"]:
            problems.append(f"{section['code'].where}: the section “{shown(code)}” has no items.")
        for item in section["items"]:
            item_code = _text(item["code"], problems, limit=20)
            if item_code in item_codes:
                problems.append(
                    f"{item['code'].where}: the item code “{shown(item_code)}” is repeated in "
                    "its section."
                )
            item_codes.add(item_code)
            response = _text(item["response"], problems, limit=20).lower()
            if response and response not in ResponseType.values:
                problems.append(
                    f"{item['response'].where}: use one of "
                    f"{', '.join(ResponseType.values)}, not “{shown(response)}”."
                )
            scale = _text(item["scale"], problems, required=response == ResponseType.SCALE)
            if response == ResponseType.YES_NO_NA:
                scale = YES_NO_NA
            if scale and scale not in scale_names:
                problems.append(
                    f"{item['scale'].where}: there is no scale called “{shown(scale)}”."
                )
            if scale and response not in {ResponseType.SCALE, ResponseType.YES_NO_NA}:
                problems.append(f"{item['scale'].where}: only scale items have a scale.")
            entry["items"].append(
                {
                    "code": item_code,
                    "text": _text(item["text"], problems, limit=2000),
                    "guidance": _text(item["guidance"], problems, required=False, limit=5000),
                    "response_type": response,
                    "scale": scale or None,
                    "evidence_required": _flag(
                        item["evidence_required"],
                        problems,
                        default=evidence_required_by_default(response),
                    ),
                }
            )
        plan.sections.append(entry)
    if problems:
        raise ImportProblem(problems)
    return plan


# --- export ---


def exported_parts(framework: Framework) -> tuple[list[ResponseScale], list[Section]]:
    """What an export of ``framework`` holds: its scales (by name; not the built-in one) and its
    sections in order, with their items and the items' scales."""
    sections = list(framework.sections.order_by("order").prefetch_related("items__scale"))
    scale_ids = {i.scale_id for s in sections for i in s.items.all() if i.scale_id}
    scales = list(
        ResponseScale.unscoped.filter(pk__in=scale_ids)
        .exclude(name=YES_NO_NA)
        .prefetch_related("options")
        .order_by("name")
    )
    return scales, sections
