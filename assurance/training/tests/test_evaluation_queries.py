"""The evaluation page and its API read a course's figures in a fixed number of queries, however
many sessions, attendees and answers it has (the bench's national deployment depends on it).

amira (business unit) opens the neglect course's evaluation after one session with two
respondents, and again after four more sessions with three respondents each. Each is counted
twice: the first request after a change works the figures out (and reads the ratings); the
next finds them kept under the same digest (ADR 050) and reads only the course, its outcomes
and what practitioners said."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assurance.training.evaluation import selectors
from assurance.training.tests.factories import CourseFactory, session_answered


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _worked_out_and_kept(client, url: str) -> tuple[int, int]:
    cache.clear()
    return _queries(client, url), _queries(client, url)


def test_the_page_and_the_api_take_the_same_queries_for_more_sessions_and_answers(
    northfield, amira, client_for
):
    course = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it", "Act on it"])
    session_answered(northfield, course, days=-200, people=2)
    client = client_for(amira)
    page = northfield.url(f"training/courses/{course.pk}/evaluation/")
    api = f"/api/v1/training/courses/{course.pk}/evaluation"
    client.get(page), client.get(api)  # the session's first request reads the signed-in user
    small = {url: _worked_out_and_kept(client, url) for url in (page, api)}

    for days in (-190, -180, -170, -160):
        session_answered(northfield, course, days=days, people=3)
    large = {url: _worked_out_and_kept(client, url) for url in (page, api)}
    assert large == small
    for worked_out, kept in small.values():
        # kept: the ratings, the attendees and the answered questionnaires are not read
        assert kept == worked_out - 3


def test_the_years_report_takes_the_same_queries_for_one_course_or_many(
    northfield, amira, client_for, django_assert_num_queries
):
    """The evaluation's annual report reads every course run in the year at once (it read each
    course's rates, ratings and practice changes one course after another)."""
    from assurance.core.business_year import business_year_of

    first = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it"])
    session = session_answered(northfield, first, days=-200, people=2)
    year = business_year_of(timezone.localtime(session.starts_at).date())
    client = client_for(amira)
    page = northfield.url(f"training/report/?year={year}")
    client.get(page)  # the session's first request reads the signed-in user
    one = _queries(client, page)

    for title, days in (("Second", -199), ("Third", -198)):
        more = CourseFactory(
            partnership=northfield.partnership, title=title, outcomes=["Spot it", "Act on it"]
        )
        session_answered(northfield, more, days=days, people=3)
    with django_assert_num_queries(one):
        body = client.get(page).content.decode()
    assert "Second" in body and "Third" in body


def test_the_courses_evaluated_together_are_each_evaluated_as_alone(northfield):
    """Read at once, each course's rates, rows, practice changes and attendees are its own."""
    courses = []
    for title, days, people in (("One", -200, 2), ("Two", -150, 3)):
        course = CourseFactory(partnership=northfield.partnership, title=title, outcomes=["It"])
        session_answered(northfield, course, days=days, people=people)
        courses.append(course)
    now = timezone.now()
    together = selectors.course_evaluations(courses=courses, now=now)
    for course, people in zip(courses, (2, 3), strict=True):
        alone = selectors.course_evaluation(course=course, now=now)
        assert together[course.pk] == alone
        assert alone.attendees == people
        assert [rate.responded for rate in alone.rates] == [people] * len(alone.rates)
        assert alone.rows and alone.rows[0].evaluation.changes
