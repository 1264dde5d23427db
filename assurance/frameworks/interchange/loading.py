"""Writing a framework into the database: a validated plan as a new framework, in one
transaction (``write``); a whole file, chosen by its extension, validated then written, so that
nothing is stored unless every part is valid (``import_file``); and the built-in Yes / No /
Not applicable scale of ``yes_no_na`` items (``scale_yes_no_na``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db import transaction

from assurance.core.history import save_as
from assurance.core.spreadsheets import shown
from assurance.frameworks.interchange.format import YES_NO_NA, ImportProblem, Plan, validate
from assurance.frameworks.interchange.workbooks import read_excel
from assurance.frameworks.interchange.yaml_files import export_yaml, read_yaml
from assurance.frameworks.models import Framework, Item, ResponseScale, ScaleOption, Section
from assurance.partnerships.models import Partnership


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


def _scale_conflicts(plan: Plan, partnership: Partnership) -> list[str]:
    """The file's scales whose names the partnership already uses for different options."""
    problems = []
    for name, options in plan.scales:
        scale = ResponseScale.unscoped.filter(partnership=partnership, name=name).first()
        if scale is None:
            continue
        existing = [
            (o.label, o.meets_standard, o.is_not_applicable)
            for o in scale.options.order_by("order")
        ]
        wanted = [(o["label"], o["meets_standard"], o["is_not_applicable"]) for o in options]
        if existing != wanted:
            problems.append(
                f"A different scale called “{shown(name)}” already exists in the "
                "partnership: rename the scale in the file."
            )
    return problems


def _scale(partnership: Partnership, name: str, options: list[dict[str, Any]]) -> ResponseScale:
    scale = ResponseScale.unscoped.filter(partnership=partnership, name=name).first()
    if scale is not None:
        problems = _scale_conflicts(Plan("", "", "", "", scales=[(name, options)]), partnership)
        if problems:
            raise ImportProblem(problems)
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
        save_as(framework, user)
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


def plan_of(framework: Framework) -> Plan:
    """A stored framework as a plan (through its export), to compare with a file's."""
    return validate(read_yaml(export_yaml(framework)))


def _same_content(first: Plan, second: Plan) -> bool:
    return dataclasses.replace(first, version=None) == dataclasses.replace(second, version=None)


def placement(plan: Plan, *, partnership: Partnership) -> tuple[Any, int]:
    """Where a file's tool goes: (family, version); no family: a new tool. A tool of the same
    name already in the partnership gets a new version (the file's, if it says one, else the
    next); a file identical to a version already there, or naming a version already taken or
    below the latest, is refused, saying what to do."""
    versions = list(
        Framework.unscoped.select_for_update()
        .filter(partnership=partnership, name__iexact=plan.name)
        .order_by("-version", "-pk")
    )
    if not versions:
        return None, plan.version or 1
    latest = versions[0]
    family = [v for v in versions if v.family == latest.family]
    for existing in family:
        if _same_content(plan, plan_of(existing)):
            raise ImportProblem(
                [
                    f"This file is the same as {existing}, already in the service: nothing "
                    "was imported. To add a new version, change the tool and upload it again."
                ]
            )
    taken = {v.version for v in family}
    if plan.version is not None and (plan.version in taken or plan.version < latest.version):
        raise ImportProblem(
            [
                f"“{shown(plan.name)}” already has version {latest.version}"
                + (f" and a different version {plan.version}" if plan.version in taken else "")
                + f": give the file version {latest.version + 1} (or no version) to add it as "
                "a new version."
            ]
        )
    return latest.family, plan.version or latest.version + 1


def import_file(
    *, name: str, content: bytes, partnership: Partnership, user: Any = None
) -> Framework:
    """Import a .yaml/.yml or .xlsx file; nothing is stored unless every part is valid. Every
    problem of the file is reported at once. A tool already in the partnership (by name) gets
    a new version; an identical file is refused (``placement``)."""
    lowered = name.lower()
    if lowered.endswith((".yaml", ".yml")):
        data = read_yaml(content)
    elif lowered.endswith(".xlsx"):
        data = read_excel(content)
    else:
        raise ImportProblem(["Upload a .yaml or an .xlsx file."])
    try:
        plan = validate(data)
    except ImportProblem as problem:
        # Add the scales that clash with the partnership's, so one upload lists everything.
        partial = Plan("", "", "", "", scales=_readable_scales(data))
        raise ImportProblem(problem.problems + _scale_conflicts(partial, partnership)) from None
    conflicts = _scale_conflicts(plan, partnership)
    if conflicts:
        raise ImportProblem(conflicts)
    with transaction.atomic():
        family, version = placement(plan, partnership=partnership)
        return write(plan, partnership=partnership, user=user, family=family, version=version)


def _readable_scales(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The scales of a file that has other problems, as far as they can be read."""
    scales = []
    for scale in data.get("scales", []):
        name = scale["name"].value if scale.get("name") else None
        if not isinstance(name, str) or not name.strip():
            continue
        options = [
            {
                "label": str(o["label"].value).strip() if o.get("label") else "",
                "meets_standard": _yes(o.get("meets_standard")),
                "is_not_applicable": _yes(o.get("not_applicable")),
            }
            for o in scale.get("options", [])
        ]
        scales.append((name.strip(), options))
    return scales


def _yes(located: Any) -> bool:
    value = getattr(located, "value", None)
    return value is True or str(value).strip().lower() in {"yes", "true", "y", "1"}
