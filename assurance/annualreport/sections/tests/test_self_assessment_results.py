"""The self-assessment section gives each round's results by standard across its submitted
returns, as the round's standards page gives them (the standards' own read, nothing counted
again here): Northfield's Section 175/157 round of this year (3 of 5 returns submitted, a draft
not counted) and last year's round of the same tool (the change is since it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from assurance.annualreport.sections import selectors
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.selfassessment.standards import selectors as standards

pytestmark = pytest.mark.django_db


def _results(section: selectors.Section, round: Any) -> selectors.Table:
    [table] = [t for t in section.tables if t.caption.startswith(f"{round}: results by standard")]
    return table


def test_each_rounds_results_by_standard_are_the_standards_pages(
    rounds: dict[str, Any], amira: Person
) -> None:
    actor = actor_for_person(amira)
    round = rounds["round"]
    section = selectors.self_assessment_section(actor=actor, year=round.year)
    table = _results(section, round)
    assert table.caption == f"{round}: results by standard (3 of 5 returns submitted)"
    assert table.header == ["Standard", "Meet it", "95% interval", "Change since the last round"]
    figures = standards.round_standards(actor=actor, round=round)
    assert [[c.text for c in row] for row in table.rows] == [
        [f"{s.code} {s.title}", s.proportion_text, s.interval_text, s.change_text]
        for s in figures.standards
    ]
    first = table.rows[0]
    assert [c.text for c in first][1:] == [
        "33% (1 of 3)",
        figures.standards[0].interval_text,
        "Up 8 points (could be chance)",
    ]
    # the figure traces to the round: its standards page shows it
    client = Client()
    client.force_login(amira.user)
    page = client.get(first[1].href)
    assert first[1].href == f"/p/northfield/self-assessment/rounds/{round.pk}/standards/"
    assert page.status_code == 200 and "33% (1 of 3)" in page.content.decode()
    assert any("submitted returns only" in note for note in section.notes)


def test_last_years_round_has_no_earlier_round_to_compare_with(
    rounds: dict[str, Any], amira: Person
) -> None:
    last = rounds["last"]
    section = selectors.self_assessment_section(actor=actor_for_person(amira), year=last.year)
    table = _results(section, last)
    assert table.caption == f"{last}: results by standard (4 of 4 returns submitted)"
    first = [c.text for c in table.rows[0]]
    assert first[1] == "25% (1 of 4)" and first[3] == "Not in the last round"
    assert not any(t.caption.startswith(str(rounds["round"])) for t in section.tables)


def test_rounds_read_together_are_each_read_as_alone(rounds: dict[str, Any], amira: Person) -> None:
    actor = actor_for_person(amira)
    both = [rounds["round"], rounds["last"]]
    together = standards.rounds_standards(actor=actor, rounds=both)
    for round in both:
        assert together[round.pk] == standards.round_standards(actor=actor, round=round)
