"""The training section's measured change: the training evaluation's paired analysis of the
courses run in the year (before the course → three months on, in the same practitioners), as
its own report of the year gives it, with the caution under 10 pairs, and each figure linked to
that report and each course to its evaluation page."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from assurance.annualreport.sections import selectors
from assurance.core.business_year import current_business_year
from assurance.frameworks.models import Item
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.training.courses.models import Course
from assurance.training.evaluation.models import Invitation
from assurance.training.evaluation.services import (
    invitations_create,
    questionnaire_for,
    response_submit,
)
from assurance.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db

YEAR = current_business_year() - 1
CAPTION = "Measured change three months after the course"
# Each practitioner's rating before the course and three months on (the same for every
# question): changes +2, +3 and +4; R4 did not answer three months on, so is not a pair.
SCORES = {"R1": (3, 5), "R2": (4, 7), "R3": (2, 6), "R4": (5, None)}


def _answer(invitation: Invitation, score: int, when: datetime) -> None:
    framework = questionnaire_for(course=invitation.booking.session.course, stage=invitation.stage)
    answers = {
        item.pk: {"option": item.scale.options.get(label=str(score)).pk}
        for item in Item.objects.filter(section__framework=framework).select_related("scale")
        if item.scale is not None
    }
    response_submit(invitation=invitation, framework=framework, answers=answers, now=when)


def _course_run_on(northfield: Tenant, day: date, title: str) -> Course:
    course = CourseFactory(partnership=northfield.partnership, title=title, outcomes=["Spot it"])
    session = SessionFactory(
        partnership=northfield.partnership,
        course=course,
        days=(day - timezone.localdate()).days,
    )
    bookings = {
        ref: BookingFactory(
            session=session,
            agency=northfield.police,
            respondent_id=f"{title[:3]}{ref}",
            confirmed_at=session.starts_at - timedelta(days=20),
            attended=True,
        )
        for ref in SCORES
    }
    invitations_create(now=session.starts_at - timedelta(days=1))
    invitations_create(now=session.ends_at + timedelta(days=92))
    for ref, (before, later) in SCORES.items():
        mine = Invitation.unscoped.filter(booking=bookings[ref])
        _answer(mine.get(stage="before"), before, session.starts_at - timedelta(hours=2))
        if later is not None:
            _answer(mine.get(stage="three_months"), later, session.ends_at + timedelta(days=95))
    return course


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.split("<main", 1)[-1])).split())


def test_the_three_month_change_of_each_course_run_in_the_year_is_the_evaluations(
    northfield: Tenant, amira: Person
) -> None:
    in_year = _course_run_on(northfield, date(YEAR, 10, 1), "Neglect")
    _course_run_on(northfield, date(YEAR - 1, 10, 1), "Earlier")  # run the year before
    section = selectors.training_section(actor=actor_for_person(amira), year=YEAR)
    [table] = [t for t in section.tables if t.caption == CAPTION]
    texts = [[c.text for c in row] for row in table.rows]
    # changes +2, +3, +4: mean +3.0; t(2) interval 3 ± 4.303 × 1/√3 = +0.5 to +5.5; 3 pairs
    caution = (
        "Only 3 people answered both questionnaires: with fewer than 10 the interval is wide "
        "and the change may be chance."
    )
    assert texts == [
        ["Neglect", "Spot it (knowledge)", "3", "+3.0 (+0.5 to +5.5)", "No clear change", caution],
        ["Neglect", "Spot it (confidence)", "3", "+3.0 (+0.5 to +5.5)", "No clear change", caution],
    ]
    assert any("fewer than 10 pairs" in note for note in section.notes)
    row = table.rows[0]
    assert row[0].href == northfield.url(f"training/courses/{in_year.pk}/evaluation/")
    # every linked figure is on the page it links to (the evaluation's report of the year)
    client = Client()
    client.force_login(amira.user)
    for cell in row[:5]:
        if cell.href:
            response = client.get(cell.href)
            assert response.status_code == 200
            assert cell.text in _text(response.content.decode()), (cell.text, cell.href)


def test_a_year_without_courses_says_no_change_was_measured(amira: Person) -> None:
    section = selectors.training_section(actor=actor_for_person(amira), year=YEAR)
    [table] = [t for t in section.tables if t.caption == CAPTION]
    assert table.rows == []
    assert "No course was run in the year, so no change was measured." in section.notes
