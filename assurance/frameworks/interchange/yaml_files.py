"""Framework files in YAML: reading one with the line of every key, so that each problem names
its line and field, and a misspelt or repeated field is a problem rather than a default
(``read_yaml``, within the bounds of ``core.bounded_yaml``: no anchors or aliases, no deep
nesting, no huge file); writing one (``export_yaml``).
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from assurance.core import bounded_yaml
from assurance.core.spreadsheets import shown
from assurance.frameworks.interchange.format import (
    FORMAT,
    FRAMEWORK_FIELDS,
    ITEM_FIELDS,
    OPTION_FIELDS,
    SCALE_FIELDS,
    SECTION_FIELDS,
    ImportProblem,
    Located,
    exported_parts,
)
from assurance.frameworks.models import Framework, ResponseType


class _LineLoader(bounded_yaml.BoundedLoader):
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
        problems.append(
            f"line {line}, field {shown(key)}: the field is given twice in this {what}."
        )
    for key in mapping:
        if str(key) not in names:
            close = difflib.get_close_matches(str(key), names, n=1)
            hint = f" Did you mean {close[0]}?" if close else f" Use {', '.join(names)}."
            problems.append(
                f"line {lines.get(str(key), start)}, field {shown(key)}: "
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
            problems.append(
                f"{located.where}: each {what} must be a set of fields, not “{shown(entry)}”."
            )
    return result


def read_yaml(content: bytes | str) -> dict[str, Any]:
    """The framework in a YAML file (bytes are UTF-8), each value with its line."""
    try:
        data = bounded_yaml.load(content, loader=_LineLoader)
    except UnicodeDecodeError as exc:
        raise ImportProblem(["The YAML file must be saved as UTF-8."]) from exc
    except bounded_yaml.YamlRefused as exc:
        raise ImportProblem([str(exc)]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "the file"
        problem = shown(getattr(exc, "problem", None) or exc, limit=100)
        raise ImportProblem([f"{where}: this is not valid YAML ({problem})."]) from exc
    if not isinstance(data, dict):
        raise ImportProblem(["line 1: the file must be a YAML mapping with name and sections."])
    problems: list[str] = []
    top = _yaml_fields(data, FRAMEWORK_FIELDS, problems, "framework")
    scales = []
    for scale in _yaml_mappings(top["scales"], problems, "scale"):
        f = _yaml_fields(scale, SCALE_FIELDS, problems, "scale")
        options = []
        for option in _yaml_list(f["options"], problems):
            if isinstance(option, dict):
                options.append(_yaml_fields(option, OPTION_FIELDS, problems, "scale option"))
            else:  # a bare label
                options.append({"label": Located(option, f["options"].where)})
        scales.append({**f, "options": options})
    sections = []
    for section in _yaml_mappings(top["sections"], problems, "section"):
        f = _yaml_fields(section, SECTION_FIELDS, problems, "section")
        items = [
            _yaml_fields(item, ITEM_FIELDS, problems, "item")
            for item in _yaml_mappings(f["items"], problems, "item")
        ]
        sections.append({**f, "items": items})
    # Every problem of the file in one pass: what the reader found wrong goes on to the
    # validator, which adds what is wrong with the values.
    return {**top, "scales": scales, "sections": sections, "problems": problems}


def export_yaml(framework: Framework) -> str:
    scales, sections = exported_parts(framework)
    data = {
        "format": FORMAT,
        "name": framework.name,
        "version": framework.version,
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
