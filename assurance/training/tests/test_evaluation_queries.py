"""The evaluation page and its API read a course's figures in a fixed number of queries, however
many sessions, attendees and answers it has (the bench's national deployment depends on it).

amira (business unit) opens the neglect course's evaluation after one session with two
respondents, and again after four more sessions with three respondents each."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.frameworks.models import Item
from assurance.training.evaluation.models import Invitation
from assurance.training.evaluation.services import (
    invitations_create,
    questionnaire_for,
    response_submit,
)
from assurance.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

STAGES = {"before": 4, "end": 7, "three_months": 6, "manager": 6}


def _answer(invitation: Invitation, score: int, when) -> None:
    framework = questionnaire_for(course=invitation.booking.session.course, stage=invitation.stage)
    answers = {}
    for item in Item.objects.filter(section__framework=framework).select_related("scale"):
        if item.scale_id:
            answers[item.pk] = {"option": item.scale.options.get(label=str(score)).pk}
        elif item.code == "P1":
            answers[item.pk] = {"text": "I ask who lives in the household."}
    response_submit(invitation=invitation, framework=framework, answers=answers, now=when)


def _session_answered(northfield, course, days: int, people: int) -> None:
    session = SessionFactory(partnership=northfield.partnership, course=course, days=days)
    bookings = [
        BookingFactory(
            session=session,
            agency=northfield.school,
            confirmed_at=session.starts_at - timedelta(days=20),
            attended=True,
        )
        for _ in range(people)
    ]
    invitations_create(now=session.starts_at - timedelta(days=1))
    invitations_create(now=session.ends_at + timedelta(hours=1))
    moments = {
        "before": session.starts_at - timedelta(hours=2),
        "end": session.ends_at,
        "three_months": session.ends_at + timedelta(days=95),
        "manager": session.ends_at + timedelta(days=96),
    }
    for booking in bookings:
        for stage, score in STAGES.items():
            invitation = Invitation.unscoped.get(booking=booking, stage=stage)
            _answer(invitation, score, moments[stage])


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_page_and_the_api_take_the_same_queries_for_more_sessions_and_answers(
    northfield, amira, client_for, django_assert_num_queries
):
    course = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it", "Act on it"])
    _session_answered(northfield, course, days=-200, people=2)
    client = client_for(amira)
    page = northfield.url(f"training/courses/{course.pk}/evaluation/")
    api = f"/api/v1/training/courses/{course.pk}/evaluation"
    client.get(page), client.get(api)  # the session's first request reads the signed-in user
    small = {url: _queries(client, url) for url in (page, api)}

    for days in (-190, -180, -170, -160):
        _session_answered(northfield, course, days=days, people=3)
    for url, count in small.items():
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200
