"""Writes to frameworks. A frozen version (one that has assessments) never changes: editing it
makes a new version in the same family; adapting it for a theme makes a copy in a new family."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from assurance.core.history import save_as
from assurance.frameworks.assessments import (
    ConflictError,
    assessment_missing,
    assessment_save_answers,
    assessment_start,
    framework_freeze,
)
from assurance.frameworks.interchange import loading
from assurance.frameworks.interchange.format import Plan
from assurance.frameworks.models import Framework, FrameworkKind, Item, ResponseScale, Section
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Partnership

__all__ = [
    "ConflictError",
    "FrozenError",
    "assessment_missing",
    "assessment_save_answers",
    "assessment_start",
    "framework_copy",
    "framework_create",
    "framework_freeze",
    "framework_import",
    "framework_new_version",
    "framework_update",
    "item_save",
    "scale_yes_no_na",
    "section_create",
]


class FrozenError(ValidationError):
    """The framework version is in use; make a new version to change it."""


def _plan(framework: Framework) -> Plan:
    return loading.plan_of(framework)


def scale_yes_no_na(*, partnership: Partnership) -> ResponseScale:
    """The partnership's built-in Yes / No / Not applicable scale (created on first use)."""
    return loading.scale_yes_no_na(partnership=partnership)


def framework_create(
    *,
    actor: Actor,
    name: str,
    kind: str = FrameworkKind.CASE_AUDIT,
    theme: str = "",
    description: str = "",
) -> Framework:
    """A new, empty framework (version 1 of a new family), open for editing."""
    actor.require("framework.manage")
    framework = Framework(
        partnership=actor.partnership, name=name, kind=kind, theme=theme, description=description
    )
    framework.full_clean(exclude=["family"])
    return save_as(framework, actor)


def framework_import(*, actor: Actor, name: str, content: bytes) -> Framework:
    actor.require("framework.manage")
    return loading.import_file(
        name=name, content=content, partnership=actor.partnership, user=actor.user
    )


def framework_copy(*, actor: Actor, framework: Framework, name: str, theme: str) -> Framework:
    """Adapt a framework for a theme: a copy with its own family, remembering its origin."""
    actor.require("framework.manage")
    plan = _plan(framework)
    plan.name, plan.theme = name, theme
    return loading.write(plan, partnership=actor.partnership, user=actor.user, based_on=framework)


def framework_new_version(*, actor: Actor, framework: Framework) -> Framework:
    """The next version of the same framework, open for editing."""
    actor.require("framework.manage")
    with transaction.atomic():
        # Lock the family's versions so two people making a new version at once get 2 and 3.
        list(Framework.unscoped.select_for_update().filter(family=framework.family).values("pk"))
        latest = Framework.unscoped.filter(family=framework.family).aggregate(Max("version"))[
            "version__max"
        ]
        return loading.write(
            _plan(framework),
            partnership=actor.partnership,
            user=actor.user,
            family=framework.family,
            version=(latest or 0) + 1,
            based_on=framework,
        )


def _editable(framework: Framework) -> None:
    """Refuse any change to a frozen version. Read from the database, not the instance, and
    lock the row until the caller's transaction ends: an assessment starting at the same moment
    (``framework_freeze`` updates the same row) waits, so it never uses a half-edited version."""
    frozen = (
        Framework.unscoped.select_for_update()
        .filter(pk=framework.pk)
        .values_list("is_frozen", flat=True)
        .first()
    )
    if framework.is_frozen or frozen:
        framework.is_frozen = True
        raise FrozenError(
            f"{framework} is in use, so it cannot change. Make a new version to edit it."
        )


@transaction.atomic
def framework_update(*, actor: Actor, framework: Framework, form: Any) -> Framework:
    actor.require("framework.manage")
    _editable(framework)
    save_as(form.save(commit=False), actor)
    form.save_m2m()
    return framework


@transaction.atomic
def section_create(
    *, actor: Actor, framework: Framework, code: str, title: str, guidance: str = ""
) -> Section:
    """A new section at the end of an unfrozen framework."""
    actor.require("framework.manage")
    _editable(framework)
    order = (framework.sections.aggregate(Max("order"))["order__max"] or 0) + 1
    section = Section(framework=framework, code=code, title=title, guidance=guidance, order=order)
    section.full_clean()
    return save_as(section, actor)


@transaction.atomic
def item_save(*, actor: Actor, section: Section, form: Any) -> Item:
    actor.require("framework.manage")
    _editable(section.framework)
    item: Item = form.save(commit=False)
    item.section = section
    if Item.objects.filter(section=section, code=item.code).exclude(pk=item.pk).exists():
        raise ValidationError(f"{section.code} already has an item {item.code}: use another code.")
    if item.order is None:
        item.order = (section.items.aggregate(Max("order"))["order__max"] or 0) + 1
    if item.response_type == "yes_no_na":
        item.scale = loading.scale_yes_no_na(partnership=actor.partnership)
    elif item.response_type != "scale":
        item.scale = None
    return save_as(item, actor)
