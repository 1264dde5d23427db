"""A priority's scorecard shows each course linked to the priority with its change before →
three months after in the same practitioners, per learning outcome and measure, in the sessions
of the priority's business year, linking to that year's training evaluation report (through
``core.registry``: the data set does not import training).

amira is Northfield's business unit; dev a viewer (sees the scorecard, not evaluations)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assurance.core.business_year import business_year_label, business_year_of
from assurance.partnerships.tests.factories import PriorityFactory
from assurance.training.tests.factories import CourseFactory, session_answered


def _scorecard(northfield, priority) -> str:
    return northfield.url(f"data-set/scorecards/{priority.pk}/")


def test_a_linked_course_shows_its_three_month_change_worked_by_hand(northfield, amira, client_for):
    priority = PriorityFactory(partnership=northfield.partnership, title="Neglect")
    course = CourseFactory(
        partnership=northfield.partnership, title="Recognising neglect", outcomes=["Spot it"]
    )
    course.priorities.add(priority)
    other = CourseFactory(partnership=northfield.partnership, title="Fathers", outcomes=["Ask"])
    # three practitioners 3 → 6 (+3), two 5 → 6 (+1): changes 3, 3, 3, 1, 1
    session_answered(northfield, course, -200, 3, {"before": 3, "three_months": 6})
    session_answered(northfield, course, -190, 2, {"before": 5, "three_months": 6})
    session_answered(northfield, other, -200, 2, {"before": 2, "three_months": 9})

    page = client_for(amira).get(_scorecard(northfield, priority))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Measured change in the people trained" in body
    # the year's training evaluation report, whose figures these are
    assert f"/training/report/?year={priority.business_year}" in body
    assert "Spot it (knowledge)" in body and "Spot it (confidence)" in body
    # mean 2.2; sd √1.2, se 0.490, t(4) 2.776: 95% interval 0.84 to 3.56
    assert "+2.2</td>" in body and "+0.8 to +3.6" in body
    # five pairs: the small-sample caution; every pair rose, but 5 tied pairs give p = 0.0625
    assert ">5</td>" in body and "Fewer than 10 pairs" in body and "No clear change" in body
    assert "Fathers" not in body  # not linked to this priority


def test_a_priority_with_no_course_and_a_viewer_see_no_training_section(
    northfield, amira, dev, client_for
):
    priority = PriorityFactory(partnership=northfield.partnership)
    assert "Measured change" not in client_for(amira).get(_scorecard(northfield, priority)).text
    course = CourseFactory(partnership=northfield.partnership)
    course.priorities.add(priority)
    page = client_for(dev).get(_scorecard(northfield, priority))
    assert page.status_code == 200  # viewers see the scorecard, not evaluations
    assert "Measured change" not in page.text and course.title not in page.text
    assert course.title in client_for(amira).get(_scorecard(northfield, priority)).text


def test_the_training_section_takes_the_same_queries_for_more_courses(
    northfield, amira, client_for, django_assert_num_queries
):
    priority = PriorityFactory(partnership=northfield.partnership)
    client = client_for(amira)
    url = _scorecard(northfield, priority)
    first = CourseFactory(partnership=northfield.partnership)
    first.priorities.add(priority)
    session_answered(northfield, first, -200, 2)
    client.get(url)  # the session's first request reads the signed-in user
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    for _ in range(3):
        more = CourseFactory(partnership=northfield.partnership, outcomes=["A", "B", "C"])
        more.priorities.add(priority)
        session_answered(northfield, more, -180, 3)
    with django_assert_num_queries(len(captured.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_course_serving_two_years_shows_each_year_s_own_change(northfield, amira, client_for):
    """The neglect course serves the neglect priority of two business years. Its practitioners
    of the earlier year gained 3 points, those of the later year 1: each year's scorecard
    shows its own year's change, not the change over both (2, which no year saw)."""
    course = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it"])
    earlier_session = session_answered(
        northfield, course, -420, 3, {"before": 3, "three_months": 6}
    )
    later_session = session_answered(northfield, course, -150, 3, {"before": 5, "three_months": 6})
    earlier = business_year_of(timezone.localdate(earlier_session.starts_at))
    later = business_year_of(timezone.localdate(later_session.starts_at))
    assert earlier == later - 1
    client = client_for(amira)
    for year, change in ((earlier, "+3.0"), (later, "+1.0")):
        priority = PriorityFactory(
            partnership=northfield.partnership, title=f"Neglect {year}", business_year=year
        )
        course.priorities.add(priority)
        body = client.get(_scorecard(northfield, priority)).content.decode()
        assert f"{change}</td>" in body, year
        assert ">3</td>" in body  # the three practitioners of that year
        assert f"in its sessions of {business_year_label(year)}" in body
        assert f"/training/report/?year={year}" in body
