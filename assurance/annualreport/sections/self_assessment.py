"""The annual report's self-assessment section: the Section 11 and Section 175/157 rounds of
the year and each round's results by standard across its submitted returns, read through the
self-assessment app's own selectors; every figure links to the round's page it comes from."""

from __future__ import annotations

from typing import Any

from assurance.annualreport.sections.assembly import Cell, Section, Table
from assurance.core.business_year import business_year_label
from assurance.core.links import link
from assurance.partnerships.access import Actor
from assurance.selfassessment.rounds.selectors import round_list
from assurance.selfassessment.standards.selectors import RoundStandards, rounds_standards


def self_assessment_section(*, actor: Actor, year: int) -> Section:
    """The Section 11 and Section 175/157 rounds of the year (the self-assessment app's list of
    rounds): each round's tool, how many take part, how many have submitted and how many are
    overdue (past the deadline, not submitted), each linked to the round's page; then each
    round's results by standard across its submitted returns (the standards' own read, as the
    round's standards page shows them), each figure linked to that page."""
    rounds = list(round_list(actor=actor).filter(year=year))
    section = Section("self_assessment")
    rows = []
    for found in rounds:
        page = link("selfassessment:round_detail", actor.partnership.slug, found.pk)
        counted: Any = found  # round_list's annotations: n_participants, n_submitted
        taking_part, submitted = counted.n_participants, counted.n_submitted
        overdue = taking_part - submitted if found.is_past_deadline else 0
        rows.append(
            [
                Cell(str(found), page),
                Cell(str(found.framework), page),
                Cell(f"{found.deadline:%-d %B %Y}"),
                Cell(str(taking_part), page),
                Cell(str(submitted), page),
                Cell(str(overdue)),
            ]
        )
    section.tables.append(
        Table(
            "Self-assessment rounds of the year",
            ["Round", "Tool", "Deadline", "Taking part", "Submitted", "Overdue"],
            rows,
        )
    )
    if not rounds:
        section.notes.append(
            f"No Section 11 or Section 175 self-assessment round ran in "
            f"{business_year_label(year)}."
        )
        return section
    results = rounds_standards(actor=actor, rounds=rounds)
    for found in rounds:
        section.tables.append(_standards_table(actor, results[found.pk]))
    section.notes.append(
        "Results by standard count the submitted returns only (a draft, or a return unlocked "
        "since, is not the organisation's word). “Meet it” is the share of those returns that "
        "rated the standard as met, with the 95% interval the true share is likely to be in; "
        "the change is since the last round of the same tool, and “could be chance” means the "
        "two rounds cannot be told apart. Each organisation's own ratings are on its return, "
        "reached from the round's page."
    )
    return section


def _standards_table(actor: Actor, figures: RoundStandards) -> Table:
    """A round's results by standard, each figure linked to the round's standards page."""
    page = link("selfassessment:round_standards", actor.partnership.slug, figures.round.pk)
    returns = f"{figures.returns} of {figures.participants}"
    rows = [
        [
            Cell(f"{s.code} {s.title}", page),
            Cell(s.proportion_text, page if s.n else ""),
            Cell(s.interval_text),
            Cell(s.change_text),
        ]
        for s in figures.standards
    ]
    caption = f"{figures.round}: results by standard ({returns} returns submitted)"
    return Table(
        caption, ["Standard", "Meet it", "95% interval", "Change since the last round"], rows
    )
