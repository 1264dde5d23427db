"""Reads of frameworks, scoped to the actor's partnership."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from assurance.frameworks.interchange.format import EXAMPLE
from assurance.frameworks.models import Framework, Item, ScaleOption, Section
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership


def framework_list(*, actor: Actor) -> QuerySet[Framework]:
    return (
        scoped(actor, Framework.unscoped.all(), "framework.view", agency_field="pk")
        .annotate(
            section_count=Count("sections", distinct=True),
            item_count=Count("sections__items", distinct=True),
            assessment_count=Count("assessments", distinct=True),
        )
        .order_by("name", "-version")
    )


def framework_families(*, actor: Actor) -> list[list[Framework]]:
    """Frameworks grouped by family, newest version first."""
    families: dict[Any, list[Framework]] = {}
    for framework in framework_list(actor=actor):
        families.setdefault(framework.family, []).append(framework)
    return sorted(families.values(), key=lambda versions: versions[0].name.lower())


def get_framework(*, actor: Actor, pk: Any, permission: str = "framework.view") -> Framework:
    return get_for_actor(
        actor, Framework.unscoped.select_related("based_on"), permission, pk, agency_field="pk"
    )


def framework_tree(*, framework: Framework) -> list[Section]:
    """Sections with their items and scale options, in three queries."""
    return list(
        Section.objects.filter(framework=framework)
        .order_by("order")
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("order").select_related("scale")),
            Prefetch("items__scale__options", queryset=ScaleOption.objects.order_by("order")),
        )
    )


def get_section(*, framework: Framework, pk: Any) -> Section:
    from django.http import Http404

    section = Section.objects.filter(framework=framework, pk=pk).first()
    if section is None:
        raise Http404("No such section.")
    return section


def get_item(*, framework: Framework, pk: Any) -> Item:
    from django.http import Http404

    item = (
        Item.objects.filter(section__framework=framework, pk=pk).select_related("section").first()
    )
    if item is None:
        raise Http404("No such item.")
    return item


def graded_standard_choices(*, partnership: Partnership, audited: bool = False) -> QuerySet[Item]:
    """The partnership's graded standards (scale or yes/no/not applicable), to choose one in a
    form; ``audited``: only those of tools used by an audit, ordered by tool and place."""
    items = Item.objects.filter(
        section__framework__partnership=partnership, response_type__in=["scale", "yes_no_na"]
    ).select_related("section__framework")
    if audited:
        items = (
            items.filter(section__framework__audits__isnull=False)
            .distinct()
            .order_by("section__framework__name", "section__order", "order")
        )
    return items


def format_example() -> str:
    """The example tool file the format guide shows."""
    return EXAMPLE.read_text(encoding="utf-8")
