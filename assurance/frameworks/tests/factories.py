"""Factories for frameworks: response scales and their options, frameworks, sections (KLOEs) and
items (standards).

``ResponseScaleFactory()`` is a Met / Partially met / Not met / Not applicable scale;
``NeglectAuditToolFactory(partnership=p)`` is the small audit tool most audit tests use: two
lines of enquiry ("KLOE 1", "KLOE 2") of two standards each ("1.1" … "2.2", "Standard 1.1" …),
graded on the partnership's "Met scale", the first standard of each needing evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import factory

from assurance.frameworks.models import (
    Framework,
    Item,
    ResponseScale,
    ResponseType,
    ScaleOption,
    Section,
)
from assurance.partnerships.tests.factories import PartnershipFactory

# (label, meets the standard, not applicable)
MET_SCALE = (
    ("Met", True, False),
    ("Partially met", False, False),
    ("Not met", False, False),
    ("Not applicable", False, True),
)


class ResponseScaleFactory(factory.django.DjangoModelFactory):
    """A grading scale; ``options=[(label, meets_standard, is_not_applicable), ...]`` (default
    ``MET_SCALE``; ``options=()`` for none)."""

    class Meta:
        model = ResponseScale
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Grading scale {n}")

    @factory.post_generation
    def options(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        options: Iterable[tuple[str, bool, bool]] = MET_SCALE if extracted is None else extracted
        for order, (label, meets, not_applicable) in enumerate(options, start=1):
            ScaleOptionFactory(
                scale=obj,
                label=label,
                order=order,
                meets_standard=meets,
                is_not_applicable=not_applicable,
            )


class ScaleOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScaleOption

    scale = factory.SubFactory(ResponseScaleFactory, options=())
    label = factory.Sequence(lambda n: f"Option {n}")
    order = factory.Sequence(lambda n: n + 1)
    meets_standard = False
    is_not_applicable = False


class FrameworkFactory(factory.django.DjangoModelFactory):
    """A first version of an audit tool, with no sections."""

    class Meta:
        model = Framework
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Audit tool {n}")
    theme = ""


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"KLOE {n + 1}")
    title = factory.Sequence(lambda n: f"Line of enquiry {n + 1}")
    order = factory.Sequence(lambda n: n + 1)


class ItemFactory(factory.django.DjangoModelFactory):
    """A standard graded on a scale of the framework's partnership."""

    class Meta:
        model = Item

    section = factory.SubFactory(SectionFactory)
    code = factory.Sequence(lambda n: f"{n + 1}.1")
    text = factory.Sequence(lambda n: f"Standard {n + 1}")
    response_type = ResponseType.SCALE
    scale = factory.SubFactory(
        ResponseScaleFactory,
        partnership=factory.SelfAttribute("..section.framework.partnership"),
    )
    evidence_required = True
    order = factory.Sequence(lambda n: n + 1)


class NeglectAuditToolFactory(FrameworkFactory):
    """The neglect audit tool of the audit tests (see the module's docstring)."""

    name = "Neglect audit tool"
    theme = "neglect"

    @factory.post_generation
    def standards(obj: Any, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        # One "Met scale" per partnership, shared by its tools (scale names are unique).
        scale = ResponseScale.objects_for(obj.partnership).filter(
            name="Met scale"
        ).first() or ResponseScaleFactory(partnership=obj.partnership, name="Met scale")
        for s in (1, 2):
            section = SectionFactory(
                framework=obj, code=f"KLOE {s}", title=f"Line of enquiry {s}", order=s
            )
            for i in (1, 2):
                ItemFactory(
                    section=section,
                    code=f"{s}.{i}",
                    text=f"Standard {s}.{i}",
                    scale=scale,
                    evidence_required=(i == 1),
                    order=i,
                )
