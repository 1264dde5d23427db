"""A course's evaluation figures are kept under the digest of what they depend on (ADR 050), so a
second reader does not work them out again; but any change a user makes shows at once.

amira (business unit) reads the neglect course's evaluation; then a session's answers come in, a
register is corrected, a three-month window opens, an answer is changed: each time the next
reading has the new figures without anyone clearing anything."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from assurance.frameworks.models import Answer, Assessment
from assurance.partnerships.access import actor_for_person
from assurance.training.bookings.models import Booking
from assurance.training.bookings.services import attendance_record
from assurance.training.evaluation import selectors
from assurance.training.tests.factories import CourseFactory, session_answered


@pytest.fixture
def course(northfield):
    course = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it"])
    session_answered(northfield, course, days=-200, people=2)
    return course


def _evaluation(client, course) -> dict:
    response = client.get(f"/api/v1/training/courses/{course.pk}/evaluation")
    assert response.status_code == 200
    return response.json()


def _three_months(figures: dict) -> dict:
    (knowledge,) = [o for o in figures["outcomes"] if o["measure"] == "knowledge"]
    return next(c for c in knowledge["comparisons"] if c["comparison"] == "before_three_months")


def test_a_new_session_s_answers_show_at_once(northfield, amira, client_for, course):
    client = client_for(amira)
    assert _three_months(_evaluation(client, course))["n_pairs"] == 2
    session_answered(
        northfield, course, days=-150, people=3, scores={"before": 3, "three_months": 9}
    )
    after = _three_months(_evaluation(client, course))
    assert after["n_pairs"] == 5
    assert after["mean_before"] == pytest.approx((2 * 4 + 3 * 3) / 5)


def test_a_corrected_register_shows_at_once(northfield, amira, client_for, course):
    client = client_for(amira)
    before = _evaluation(client, course)
    assert before["attendees"] == 2 and _three_months(before)["n_pairs"] == 2
    booking = Booking.unscoped.filter(session__course=course).order_by("pk").first()
    attendance_record(
        actor=actor_for_person(amira),
        session=booking.session,
        attended=Booking.unscoped.filter(session=booking.session).exclude(pk=booking.pk),
    )
    after = _evaluation(client, course)
    assert after["attendees"] == 1 and _three_months(after)["n_pairs"] == 1


def test_a_session_moved_shows_at_once(northfield, amira, client_for, course):
    session = session_answered(northfield, course, days=-30, people=2, scores={"before": 5})
    client = client_for(amira)
    rates = {r["stage"]: r["invited"] for r in _evaluation(client, course)["response_rates"]}
    assert rates["three_months"] == 2  # the recent session's window has not opened
    session.ends_at -= timedelta(days=70)
    session.starts_at -= timedelta(days=70)
    session.save()  # its dates corrected: the window is open
    rates = {r["stage"]: r["invited"] for r in _evaluation(client, course)["response_rates"]}
    assert rates["three_months"] == 4


def test_time_passing_opens_a_three_month_window(northfield, amira, course):
    session_answered(northfield, course, days=-30, people=2, scores={"before": 5})
    actor = actor_for_person(amira)
    now = timezone.now()

    def three_months_asked(at):
        found = selectors.evaluated_course(actor=actor, pk=course.pk)
        rates = selectors.course_evaluation(course=found, now=at).rates
        return next(r.invited for r in rates if r.stage == "three_months")

    assert three_months_asked(now) == 2
    assert three_months_asked(now + timedelta(days=60)) == 2  # it opens 91 days after the end
    assert three_months_asked(now + timedelta(days=62)) == 4  # nothing else changed


def test_an_answer_changed_shows_at_once(amira, client_for, course):
    client = client_for(amira)
    assert _three_months(_evaluation(client, course))["mean_after"] == 6
    assessment = Assessment.unscoped.get(
        training_response__course=course,
        training_response__stage="three_months",
        training_response__respondent_id=Booking.unscoped.filter(session__course=course)
        .order_by("pk")
        .values("respondent_id")[:1],
    )
    answer = Answer.objects.filter(
        assessment=assessment, item__section__code__startswith="O", item__code="K"
    ).select_related("item__scale")
    for found in answer:
        found.option = found.item.scale.options.get(label="10")
        found.save()
    assessment.save()  # the engine saves the assessment with its answers (its updated_at moves)
    assert _three_months(_evaluation(client, course))["mean_after"] == pytest.approx(8)


def test_the_kept_figures_are_the_figures_worked_out_afresh(northfield, amira, course):
    session_answered(
        northfield,
        course,
        days=-150,
        people=4,
        scores={"before": 2, "end": 9, "three_months": 5, "manager": 3},
    )
    now = timezone.now()
    actor = actor_for_person(amira)
    first = selectors.course_evaluation(
        course=selectors.evaluated_course(actor=actor, pk=course.pk), now=now
    )
    kept = selectors.course_evaluation(
        course=selectors.evaluated_course(actor=actor, pk=course.pk), now=now
    )
    afresh = selectors.course_evaluation(course=course, now=now)  # no digest: not kept
    assert first == kept == afresh


def test_one_course_s_ratings_read_by_compiled_sql_are_the_orm_s(northfield, course):
    """The first reader's ratings of one course come from SQL compiled once (ADR 033): the same
    rows, in the same order, as the ORM's query of that course, for this course and another."""
    other = CourseFactory(partnership=northfield.partnership, outcomes=["Act on it", "Record it"])
    session_answered(northfield, other, days=-100, people=3)
    for each in (course, other):
        orm = list(selectors._rating_rows([each.pk], None))
        assert orm and list(selectors._ratings_read([each.pk], None)) == orm
    assert selectors.scores_of_courses(courses=[other]) == {
        other.pk: selectors.scores_of_courses(courses=[other, course])[other.pk]
    }
