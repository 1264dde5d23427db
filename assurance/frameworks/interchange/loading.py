"""Writing a framework into the database: a validated plan as a new framework, in one
transaction (``write``); a whole file, chosen by its extension, validated then written, so that
nothing is stored unless every part is valid (``import_file``); and the built-in Yes / No /
Not applicable scale of ``yes_no_na`` items (``scale_yes_no_na``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from assurance.core.history import save_as
from assurance.core.spreadsheets import shown
from assurance.frameworks.interchange.format import YES_NO_NA, ImportProblem, Plan, validate
from assurance.frameworks.interchange.workbooks import read_excel
from assurance.frameworks.interchange.yaml_files import read_yaml
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
                    f"A different scale called “{shown(name)}” already exists in the "
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


def import_file(
    *, name: str, content: bytes, partnership: Partnership, user: Any = None
) -> Framework:
    """Import a .yaml/.yml or .xlsx file; nothing is stored unless every part is valid."""
    lowered = name.lower()
    if lowered.endswith((".yaml", ".yml")):
        data = read_yaml(content)
    elif lowered.endswith(".xlsx"):
        data = read_excel(content)
    else:
        raise ImportProblem(["Upload a .yaml or an .xlsx file."])
    return write(validate(data), partnership=partnership, user=user)
