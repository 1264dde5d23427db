"""The business unit's training pages: adding a course and a session, the register and the
certificate. amira is Northfield's business unit; helen the police lead; dev a viewer."""

from __future__ import annotations

import pytest
from django.utils import timezone

from assurance.training.bookings.models import Booking
from assurance.training.courses.models import Course, LearningOutcome
from assurance.training.sessions.models import TrainingSession
from assurance.training.tests.factories import BookingFactory, CourseFactory, SessionFactory


def test_business_unit_adds_a_course_with_its_outcomes(northfield, amira, client_for):
    client = client_for(amira)
    response = client.post(
        northfield.url("training/courses/new/"),
        {
            "title": "Neglect",
            "summary": "Graded Care Profile 2.",
            "audience": "Everyone",
            "level": "core",
            "outcomes": "Recognise neglect\n\n  Use the   GCP2  \nRecognise neglect",
            "is_active": "on",
        },
    )
    course = Course.objects_for(northfield.partnership).get(title="Neglect")
    assert response.status_code == 302
    assert [o.text for o in course.outcomes.all()] == ["Recognise neglect", "Use the GCP2"]
    page = client.get(response["Location"]).content.decode()
    assert "Use the GCP2" in page


def test_changing_outcomes_keeps_the_ones_kept(northfield, amira, client_for):
    course = CourseFactory(partnership=northfield.partnership, outcomes=["A", "B"])
    kept = LearningOutcome.unscoped.get(course=course, text="B")
    client_for(amira).post(
        northfield.url(f"training/courses/{course.pk}/change/"),
        {
            "title": course.title,
            "summary": "s",
            "audience": "a",
            "level": "core",
            "outcomes": "B\nC",
            "is_active": "on",
        },
    )
    assert [(o.pk == kept.pk, o.text) for o in course.outcomes.all()] == [(True, "B"), (False, "C")]


def test_a_course_needs_an_outcome_and_a_title_of_its_own(northfield, amira, client_for):
    CourseFactory(partnership=northfield.partnership, title="Neglect")
    response = client_for(amira).post(
        northfield.url("training/courses/new/"),
        {"title": "neglect", "summary": "s", "audience": "a", "level": "core", "outcomes": " \n"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter at least one learning outcome" in body
    assert Course.objects_for(northfield.partnership).count() == 1


def test_business_unit_adds_a_session_with_its_booking_page(northfield, amira, client_for):
    course = CourseFactory(partnership=northfield.partnership)
    client = client_for(amira)
    response = client.post(
        northfield.url(f"training/courses/{course.pk}/sessions/new/"),
        {
            "date": "2031-01-14",
            "starts": "09:30",
            "ends": "12:30",
            "mode": "online",
            "venue": "Teams",
            "capacity": "20",
        },
    )
    session = TrainingSession.unscoped.get(course=course)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(response["Location"]).content.decode()
    assert f"/training/book/{session.public_code}/" in page
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "09:30"


def test_a_session_that_ends_before_it_starts_is_refused(northfield, amira, client_for):
    course = CourseFactory(partnership=northfield.partnership)
    response = client_for(amira).post(
        northfield.url(f"training/courses/{course.pk}/sessions/new/"),
        {
            "date": "2031-01-14",
            "starts": "13:00",
            "ends": "09:00",
            "mode": "venue",
            "venue": "",
            "capacity": "20",
        },
    )
    body = response.content.decode()
    assert "The session must end after it starts" in body or "Enter the venue" in body
    assert not TrainingSession.unscoped.exists()


def test_fewer_places_than_people_booked_is_refused(northfield, amira, client_for):
    session = SessionFactory(partnership=northfield.partnership, capacity=3)
    for agency in (northfield.council, northfield.police, northfield.health):
        BookingFactory(session=session, agency=agency)
    local = timezone.localtime(session.starts_at)
    response = client_for(amira).post(
        northfield.url(f"training/sessions/{session.pk}/change/"),
        {
            "date": local.date().isoformat(),
            "starts": "09:00",
            "ends": "13:00",
            "mode": "venue",
            "venue": "Civic Centre",
            "capacity": "2",
        },
    )
    assert "3 people already have a place" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 3


def test_the_register_and_the_certificate(northfield, amira, client_for):
    session = SessionFactory(partnership=northfield.partnership, days=-2)
    came = BookingFactory(session=session, agency=northfield.council, name="Ann Came")
    missed = BookingFactory(session=session, agency=northfield.police, name="Bob Missed")
    client = client_for(amira)
    register = northfield.url(f"training/sessions/{session.pk}/register/")
    assert "Ann Came" in client.get(register).content.decode()
    assert client.post(register, {"present": [came.pk]}).status_code == 302
    came.refresh_from_db()
    missed.refresh_from_db()
    assert (came.attended, missed.attended) == (True, False)
    page = client.get(northfield.url(f"training/bookings/{came.pk}/certificate/"))
    assert "This is to certify that Ann Came" in page.content.decode()
    pdf = client.get(northfield.url(f"training/bookings/{came.pk}/certificate.pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert (
        client.get(northfield.url(f"training/bookings/{missed.pk}/certificate/")).status_code == 404
    )


def test_the_register_waits_for_the_session(northfield, amira, client_for):
    session = SessionFactory(partnership=northfield.partnership, days=3)
    booking = BookingFactory(session=session, agency=northfield.council)
    response = client_for(amira).post(
        northfield.url(f"training/sessions/{session.pk}/register/"), {"present": [booking.pk]}
    )
    assert "once the session has started" in response.content.decode()
    booking.refresh_from_db()
    assert booking.attended is None


@pytest.mark.parametrize(("who", "sees_names"), [("amira", True), ("dev", False)])
def test_only_those_who_may_see_bookings_see_names(
    northfield, who, sees_names, client_for, request
):
    session = SessionFactory(partnership=northfield.partnership)
    BookingFactory(session=session, agency=northfield.council, name="Ann Booked")
    page = client_for(request.getfixturevalue(who)).get(
        northfield.url(f"training/sessions/{session.pk}/")
    )
    assert page.status_code == 200
    assert ("Ann Booked" in page.content.decode()) is sees_names


def test_an_agency_lead_sees_only_their_agencys_bookings(northfield, helen, client_for):
    session = SessionFactory(partnership=northfield.partnership)
    BookingFactory(session=session, agency=northfield.council, name="Ann Council")
    BookingFactory(session=session, agency=northfield.police, name="Pete Police")
    page = client_for(helen).get(northfield.url(f"training/sessions/{session.pk}/")).content
    assert b"Pete Police" in page and b"Ann Council" not in page
    assert Booking.unscoped.count() == 2
