"""A priority's scorecard shows each course linked to the priority with its change before →
three months after in the same practitioners, per learning outcome and measure, linking to the
course's evaluation (through ``core.registry``: the data set does not import training).

amira is Northfield's business unit; dev a viewer (sees the scorecard, not evaluations)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    assert f"/training/courses/{course.pk}/evaluation/" in body
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
