"""Moderation: every case's complete returns side by side, and the grade agreed per KLOE.

Amira (the business unit) sees every agency's submitted returns; Helen (the police lead) sees
her own agency's only. A draft never reaches the board.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.audits import services
from assurance.audits.models import AgencyReturn, AgreedGrade, AuditCase, AuditStatus
from assurance.audits.moderation import (
    moderation_board,
    moderation_meeting_latest,
    moderation_option,
    moderation_section,
)
from assurance.audits.tests.factories import add_case, answers_for
from assurance.frameworks.models import Framework, ScaleOption, Section
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db

POLICE = ["Met", "Partially met", "Met", "Not applicable"]
HEALTH = ["Not met", "Met", "Met", "Met"]


def _in_moderation(audit, northfield, amira, priya, kwame, cases: int = 2) -> list[AuditCase]:
    """``cases`` cases; the police and health returns of each submitted, except the health
    return of the last case, left in draft; a meeting recorded."""
    made = [add_case(audit, northfield, amira) for _ in range(cases)]
    audit.status = AuditStatus.AUDITING
    audit.save()
    for n, case in enumerate(made):
        for agency, person, labels in (
            (northfield.police, priya, POLICE),
            (northfield.health, kwame, HEALTH),
        ):
            agency_return = AgencyReturn.unscoped.get(case=case, agency=agency)
            agency_return.auditors.add(person)
            services.return_save(
                actor=actor_for_person(person),
                agency_return=agency_return,
                answers=answers_for(audit, labels),
                narrative={},
                expected_revision=0,
            )
            if not (agency == northfield.health and n == cases - 1):
                services.return_submit(actor=actor_for_person(person), agency_return=agency_return)
    audit.status = AuditStatus.MODERATION
    audit.save()
    services.moderation_meeting_record(
        actor=actor_for_person(amira),
        audit=audit,
        held_on=date(2026, 9, 1),
        attendees=[amira, priya],
    )
    return made


def _page(client: Any, northfield: Any, audit: Any) -> tuple[int, str]:
    url = northfield.url(f"audits/{audit.pk}/moderation/")
    client.get(url)  # warm: the session and lazy imports are not what is counted
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


def test_the_board_shows_complete_returns_side_by_side_and_never_a_draft(
    audit, northfield, amira, priya, kwame, helen, client_for
):
    _in_moderation(audit, northfield, amira, priya, kwame)
    _, page = _page(client_for(amira), northfield, audit)
    assert page.count("No submitted returns for this case yet.") == 0
    assert page.count("Not met</td>") == 1  # health's 1.1: the last case's is a draft
    assert page.count("Partially met</td>") == 2  # police's 1.2 in both cases
    assert "Amira Holloway (" in page and "Priya Nandra (" in page  # the meeting's attendees
    _, page = _page(client_for(helen), northfield, audit)
    assert "Not met</td>" not in page  # health's returns are not the police lead's to see
    assert page.count("Partially met</td>") == 2
    assert "Record the agreed grade" not in page


def test_agreeing_a_grade_through_the_page(audit, northfield, amira, priya, kwame, client_for):
    first, _ = _in_moderation(audit, northfield, amira, priya, kwame)
    section = Section.objects.filter(framework=audit.framework).order_by("order").first()
    met = ScaleOption.objects.get(scale__name="Met scale", label="Met")
    url = northfield.url(f"audits/{audit.pk}/moderation/")
    client = client_for(amira)
    response = client.post(url, {"case": first.pk, "section": section.pk, "option": ""})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#case-{first.pk}")
    assert not AgreedGrade.unscoped.filter(case=first).exists()
    response = client.post(
        url, {"case": first.pk, "section": section.pk, "option": met.pk, "rationale": " "}
    )
    assert not AgreedGrade.unscoped.filter(case=first).exists()
    response = client.post(
        url,
        {"case": first.pk, "section": section.pk, "option": met.pk, "rationale": "Agreed."},
        follow=True,
    )
    page = response.content.decode()
    assert f"Case {first.reference}, KLOE 1: grade agreed." in page
    grade = AgreedGrade.unscoped.get(case=first, section=section)
    assert (grade.option, grade.rationale) == (met, "Agreed.")
    assert grade.meeting == audit.moderation_meetings.first()
    assert "<strong>Agreed: Met.</strong> Agreed." in page


# Measured before the board moved out of the view: 16 queries for the business unit (who may
# record grades, so the options are listed), 15 for an agency lead.
@pytest.mark.parametrize(("who", "ceiling"), [("amira", 16), ("helen", 15)])
def test_the_board_reads_a_constant_number_of_queries(
    audit, northfield, amira, priya, kwame, helen, client_for, who, ceiling
):
    person = {"amira": amira, "helen": helen}[who]
    _in_moderation(audit, northfield, amira, priya, kwame, cases=1)
    few, _ = _page(client_for(person), northfield, audit)
    audit.status = AuditStatus.SAMPLING
    audit.save()
    cases = [add_case(audit, northfield, amira) for _ in range(3)]
    AgencyReturn.unscoped.filter(case__in=cases).update(status="submitted")
    audit.status = AuditStatus.MODERATION
    audit.save()
    many, _ = _page(client_for(person), northfield, audit)
    assert few == many <= ceiling


def test_the_board_as_a_read(audit, northfield, amira, priya, kwame, helen):
    first, last = _in_moderation(audit, northfield, amira, priya, kwame)
    section = Section.objects.filter(framework=audit.framework).order_by("order").first()
    met = ScaleOption.objects.get(scale__name="Met scale", label="Met")
    services.agreed_grade_set(
        actor=actor_for_person(amira), case=first, section=section, option=met, rationale="Agreed."
    )
    board = moderation_board(actor=actor_for_person(amira), audit=audit)
    entries = {entry.case: entry for entry in board.cases}
    assert set(entries) == {first, last}
    entry = entries[first]
    assert {r.agency for r in entry.returns} == {northfield.police, northfield.health}
    assert [s.section for s in entry.sections] == board.sections
    assert entry.sections[0].grade is not None and entry.sections[0].grade.option == met
    assert entry.sections[1].grade is None
    row = entry.sections[0].items[0]  # standard 1.1: police Met, health Not met
    assert {r.agency: a.option.label for r, a in zip(entry.returns, row.answers, strict=True)} == {
        northfield.police: "Met",
        northfield.health: "Not met",
    }
    assert [r.agency for r in entries[last].returns] == [northfield.police]  # health's: draft
    assert [o.label for o in board.options] == ["Met", "Partially met", "Not met", "Not applicable"]
    assert [m.held_on for m in board.meetings] == [date(2026, 9, 1)]
    police_only = moderation_board(actor=actor_for_person(helen), audit=audit)
    assert [r.agency for c in police_only.cases for r in c.returns] == [northfield.police] * 2


@pytest.mark.parametrize(
    ("posted", "found"), [("own", True), ("", False), ("x", False), ("other", False)]
)
def test_the_posted_kloe_must_be_one_of_the_audits_tool(audit, tool, northfield, posted, found):
    own = Section.objects.filter(framework=tool).first()
    other_tool = Framework.unscoped.create(partnership=northfield.partnership, name="Other")
    other = Section.objects.create(framework=other_tool, code="X", title="X", order=1)
    pk = {"own": str(own.pk), "other": str(other.pk)}.get(posted, posted)
    assert (moderation_section(audit=audit, pk=pk) == own) is found


def test_the_posted_option_and_the_meeting_a_grade_is_recorded_at(
    audit, northfield, amira, priya, kwame
):
    met = ScaleOption.objects.get(scale__name="Met scale", label="Met")
    assert moderation_option(pk=str(met.pk)) == met
    assert moderation_option(pk="") is None
    assert moderation_option(pk="1 OR 1") is None
    assert moderation_meeting_latest(audit=audit) is None
    _in_moderation(audit, northfield, amira, priya, kwame)
    later = services.moderation_meeting_record(
        actor=actor_for_person(amira), audit=audit, held_on=date(2026, 9, 8), attendees=[amira]
    )
    assert moderation_meeting_latest(audit=audit) == later
