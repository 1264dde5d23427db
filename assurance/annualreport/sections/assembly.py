"""The sections of an annual report as plain data (pure; no database): each section has a
title, its figures (each with the page it comes from), tables whose cells may link to their
source, and notes. The same shape is shown on the draft page, stored as JSON in a published
report's snapshot and read back from it, so a published report shows only what was frozen."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The sections in the order the report gives them, with their headings.
SECTIONS: dict[str, str] = {
    "arrangements": "Our safeguarding arrangements",
    "priorities": "Our priorities and what changed",
    "audits": "What our multi-agency audits found",
    "reviews": "Serious incidents and reviews",
    "self_assessment": "Section 11 and Section 175 self-assessments",
    "training": "Training for the workforce",
    "voice": "What children and families told us",
    "progress": "Where we made little or no progress",
    "contributions": "What each partner contributed",
    "scrutiny": "The independent scrutineer's view",
}


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    href: str = ""  # the page the figure comes from ("" when none shows it)


@dataclass(frozen=True)
class Cell:
    text: str
    href: str = ""


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class Section:
    key: str
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return SECTIONS[self.key]


def section_to_json(section: Section) -> dict[str, Any]:
    return {"key": section.key, **{k: v for k, v in asdict(section).items() if k != "key"}}


def section_from_json(data: dict[str, Any]) -> Section:
    return Section(
        key=data["key"],
        figures=[Figure(**f) for f in data.get("figures", [])],
        tables=[
            Table(
                caption=t["caption"],
                header=list(t["header"]),
                rows=[[Cell(**c) for c in row] for row in t["rows"]],
            )
            for t in data.get("tables", [])
        ],
        notes=list(data.get("notes", [])),
    )
