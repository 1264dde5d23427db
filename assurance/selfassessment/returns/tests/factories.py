"""Test data for returns: ``s175_round(partnership, year)`` is a round of the shipped Section
175/157 tool (5 sections, 14 standards, rated Fully / Partly / Not met) for the partnership's
schools; ``answers_for(section, rating)`` the answers a section's page posts."""

from __future__ import annotations

from typing import Any

from assurance.frameworks.models import Framework, Section
from assurance.partnerships.models import Partnership
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.rounds.tests.factories import RoundFactory
from assurance.selfassessment.tools.services import tools_load

S175 = "Section 175/157 safeguarding self-assessment for schools and colleges"
S11 = "Section 11 self-assessment"


def shipped_tool(partnership: Partnership, name: str = S175) -> Framework:
    tools_load(partnership=partnership)
    return Framework.objects_for(partnership).get(name=name)


def s175_round(partnership: Partnership, year: int = 2025, **kwargs: Any) -> Round:
    return RoundFactory(
        partnership=partnership, framework=shipped_tool(partnership), year=year, **kwargs
    )


def sections_of(framework: Framework) -> list[Section]:
    return list(framework.sections.order_by("order"))


def section_post(
    section: Section, *, rating: str = "Fully met", revision: int = 0, narrative: str = ""
) -> dict[str, Any]:
    """What a section's page posts: every standard rated ``rating``, with a narrative."""
    data: dict[str, Any] = {"revision": revision, "continue": "continue"}
    for item in section.items.order_by("order"):
        option = item.scale.options.get(label=rating) if rating else None
        data[f"item_{item.pk}"] = option.pk if option else ""
        data[f"evidence_{item.pk}"] = narrative or f"Our evidence for {item.code}: minutes, logs."
    return data
