"""The training evaluation in a real browser, from Northfield's demo year.

A practitioner answers the questionnaire before their course from their personal link, on a
375 px phone: axe-core on the form, its errors and the thanks; the same link is then refused as
used, and a link past its closing date as expired. A line manager answers their three-month
view. The business unit sees the course's paired change and the annual report, and downloads
its PDF. Every page gets axe-core and a screenshot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, Browse, assert_fits_window
from assurance.training.evaluation import links
from assurance.training.evaluation.models import Invitation, Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEGLECT = "Recognising and responding to neglect"


def _open(stage: str) -> Invitation:
    now = timezone.now()
    found = (
        Invitation.unscoped.filter(
            partnership__slug="northfield",
            stage=stage,
            answered_at__isnull=True,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        .select_related("booking__session__course")
        .order_by("pk")
        .first()
    )
    assert found is not None, f"the demo has no open {stage} link"
    return found


def _path(invitation: Invitation) -> str:
    token = links.make_token(invitation_pk=invitation.pk, nonce=invitation.nonce)
    return f"/training/questionnaire/{token}/"


def _rate_all(page, score: str) -> None:  # type: ignore[no-untyped-def]
    for group in page.locator(".govuk-radios").all():
        group.get_by_label(score, exact=True).check()


def test_a_practitioner_answers_by_their_link_once(browse) -> None:  # type: ignore[no-untyped-def]
    invitation = _open("before")
    b: Browse = browse("training-practitioner", viewport=PHONE)
    b.goto(_path(invitation))
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "Your questionnaire before the course"
    )
    assert_fits_window(b.page)
    b.check("questionnaire")
    b.page.get_by_role("button", name="Send my answers").click()  # nothing chosen: the errors
    expect(b.page.locator(".govuk-error-summary")).to_contain_text("Choose a rating from 1 to 10")
    assert b.page.title().startswith("Error: ")
    assert_fits_window(b.page)
    b.check("questionnaire-errors")
    _rate_all(b.page, "4")
    b.page.get_by_role("button", name="Send my answers").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your answers have been sent"
    )
    b.check("thanks")
    assert Response.unscoped.filter(
        stage="before", respondent_id=invitation.booking.respondent_id
    ).exists()
    b.goto(_path(invitation), status=410)  # used
    expect(b.page.get_by_text("already been answered with this link")).to_be_visible()
    b.check("used-link")
    b.assert_clean()


def test_an_expired_link_is_refused(browse) -> None:  # type: ignore[no-untyped-def]
    invitation = _open("before")
    Invitation.unscoped.filter(pk=invitation.pk).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    b: Browse = browse("training-expired", viewport=PHONE)
    b.goto(_path(invitation), status=410)
    expect(b.page.get_by_text("This link has expired")).to_be_visible()
    b.check("expired-link")
    b.assert_clean()


def test_a_manager_gives_their_three_month_view(browse) -> None:  # type: ignore[no-untyped-def]
    invitation = _open("manager")
    b: Browse = browse("training-manager")
    b.goto(_path(invitation))
    expect(b.page.get_by_role("heading", level=1)).to_have_text("How has their practice changed?")
    b.check("manager-questionnaire")
    _rate_all(b.page, "6")
    b.page.get_by_label("What change have you seen in their practice since the course?").fill(
        "Their chronologies are clearer and they escalate sooner."
    )
    b.page.get_by_role("button", name="Send my answers").click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    b.assert_clean()


def test_the_business_unit_sees_the_paired_change_and_the_report(browse) -> None:  # type: ignore[no-untyped-def]
    b: Browse = browse("training-business-unit")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/training/")
    b.page.get_by_role("link", name=NEGLECT).click()
    b.page.get_by_role("link", name=f"See the evaluation of {NEGLECT}").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Evaluation")
    expect(b.page.get_by_text("Clear gain").first).to_be_visible()
    b.check("evaluation")
    b.goto("/p/northfield/training/")
    b.page.get_by_role("link", name="Annual evaluation report").click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("training evaluation")
    b.check("annual-report")
    # A year of eight courses' tables and charts: WeasyPrint takes seconds (docs/training.md).
    with b.page.expect_download(timeout=90_000) as download:
        b.page.get_by_role("button", name="Download PDF").click(timeout=90_000)
    assert download.value.suggested_filename.endswith(".pdf")
    b.assert_clean()


# --- the whole journey, as one practitioner -----------------------------------------------------

PRACTITIONER = "robin.ashdown@northfield-schools.example"
MANAGER = "ruth.head@northfield-schools.example"


def _emailed_link(to: str, kind: str) -> str:
    """The path of the last link of ``kind`` ("confirm", "questionnaire") e-mailed to ``to``."""
    import re

    from django.core import mail

    for message in reversed(mail.outbox):
        if to in message.to:
            found = re.findall(rf"https?://[^\s]+/training/{kind}/[^\s/]+/", str(message.body))
            if found:
                return re.sub(r"^https?://[^/]+", "", found[-1])
    raise AssertionError(f"no {kind} link was e-mailed to {to}")


def _run_evaluations(b: Browse) -> None:
    """What ``manage.py send_training_evaluations`` does on its hourly run: invite and e-mail."""
    from assurance.training.evaluation.services import invitations_create, invitations_send

    invitations_create()
    invitations_send(base_url=b.url("").rstrip("/"))


def _answer(b: Browse, path: str, score: str, name: str) -> None:
    b.goto(path)
    b.check(name)
    _rate_all(b.page, score)
    b.page.get_by_role("button", name="Send my answers").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your answers have been sent"
    )


def _move_session(session, *, started_days_ago: float) -> None:  # type: ignore[no-untyped-def]
    """The passing of time: the session (3½ hours long) began this many days ago. Everything
    dated by it moves back with it (its bookings' dates, their invitations' windows and sends,
    the answers' times), as if those days had passed."""
    from django.db.models import F

    from assurance.training.bookings.models import Booking
    from assurance.training.sessions.models import TrainingSession

    session.refresh_from_db()
    shift = timezone.now() - timedelta(days=started_days_ago) - session.starts_at
    TrainingSession.unscoped.filter(pk=session.pk).update(
        starts_at=F("starts_at") + shift, ends_at=F("ends_at") + shift
    )
    Booking.unscoped.filter(session=session).update(
        requested_at=F("requested_at") + shift, confirmed_at=F("confirmed_at") + shift
    )
    Invitation.unscoped.filter(booking__session=session).update(
        opens_at=F("opens_at") + shift,
        closes_at=F("closes_at") + shift,
        last_sent_at=F("last_sent_at") + shift,
        answered_at=F("answered_at") + shift,
    )
    Response.unscoped.filter(session=session).update(submitted_at=F("submitted_at") + shift)


def test_one_practitioner_from_booking_to_the_business_units_report(browse) -> None:  # type: ignore[no-untyped-def]
    """Robin (a school's designated safeguarding lead, no account) books the neglect course on
    the public page and confirms from the e-mailed link; the business unit takes the register;
    Robin answers before the course, at its end and three months on from the e-mailed links, and
    Robin's manager gives their view; the business unit sees the paired change and downloads the
    annual report. Time passes by moving the session back: the questionnaires open and close
    by the session's dates, as on the hourly run."""
    from django.utils.dateformat import format as date_format

    from assurance.partnerships.access import actor_for_person
    from assurance.partnerships.models import Person
    from assurance.partnerships.selectors import working_agencies
    from assurance.training.bookings.models import Booking, BookingStatus
    from assurance.training.courses.models import Course
    from assurance.training.sessions.services import session_save

    bu = actor_for_person(Person.unscoped.get(email="business-unit@northfield.example"))
    agency = working_agencies(partnership=bu.partnership).first()
    assert agency is not None
    course = Course.unscoped.get(partnership__slug="northfield", title=NEGLECT)
    starts = timezone.localtime() + timedelta(days=3)
    starts = starts.replace(hour=9, minute=30, second=0, microsecond=0)
    session = session_save(
        actor=bu,
        course=course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3, minutes=30),
        mode="venue",
        venue="Northfield Civic Centre, Market Street, Northfield NF1 1AA",
        capacity=12,
    )

    # 1. The public offer and the booking form: no account.
    b: Browse = browse("training-journey", viewport=PHONE)
    b.goto("/training/northfield/")
    b.check("offer")
    b.page.get_by_role("link", name=f"Book {NEGLECT}, {date_format(starts, 'j F Y')}").first.click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Book a place")
    assert b.page.url.endswith(f"/training/book/{session.public_code}/")
    b.page.get_by_label("Full name").fill("Robin Ashdown")
    b.page.get_by_label("Work e-mail address", exact=True).fill(PRACTITIONER)
    b.page.get_by_label("Your agency").select_option(value=str(agency.pk))
    b.page.get_by_label("Job title").fill("Designated safeguarding lead")
    b.page.get_by_label("Your line manager's name").fill("Ruth Head")
    b.page.get_by_label("Your line manager's work e-mail address").fill(MANAGER)
    b.check("book")
    b.page.get_by_role("button", name="Send me the confirmation link").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    b.check("check-your-email")
    booking = Booking.unscoped.get(session=session, email=PRACTITIONER)
    assert booking.status == BookingStatus.UNCONFIRMED

    # 2. The e-mailed link shows a button (a scanner's GET changes nothing); pressing it books.
    b.goto(_emailed_link(PRACTITIONER, "confirm"))
    b.check("confirm")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.UNCONFIRMED
    b.page.get_by_role("button", name="Confirm my booking").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Your place is confirmed")
    b.check("confirmed")

    # 3. Before the course: the hourly run e-mails the link.
    _run_evaluations(b)
    before = _emailed_link(PRACTITIONER, "questionnaire")
    _answer(b, before, "3", "before")

    # 4. The day of the course: the business unit takes the register.
    _move_session(session, started_days_ago=0.2)
    unit: Browse = browse("training-journey-register")
    unit.sign_in("business-unit@northfield.example")
    unit.goto(f"/p/northfield/training/sessions/{session.pk}/")
    unit.page.get_by_role("button", name="Take the register").click()
    unit.page.get_by_label("Robin Ashdown", exact=False).check()
    unit.check("register")
    unit.page.get_by_role("button", name="Save the register").click()
    expect(unit.page.locator(".govuk-notification-banner")).to_contain_text(
        "The register has been saved"
    )
    booking.refresh_from_db()
    assert booking.attended is True

    # 5. At its end, then three months on (with the manager's view), from the e-mailed links.
    _run_evaluations(b)
    _answer(b, _emailed_link(PRACTITIONER, "questionnaire"), "7", "end")
    _move_session(session, started_days_ago=95)
    _run_evaluations(b)
    three_months = _emailed_link(PRACTITIONER, "questionnaire")
    b.goto(three_months)
    b.page.get_by_label("What has changed in your practice since the course?").fill(
        "I use the Graded Care Profile at the first visit and escalate drift sooner."
    )
    _rate_all(b.page, "8")
    b.check("three-months")
    b.page.get_by_role("button", name="Send my answers").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your answers have been sent"
    )
    manager: Browse = browse("training-journey-manager")
    _answer(manager, _emailed_link(MANAGER, "questionnaire"), "7", "manager")
    stages = set(
        Response.unscoped.filter(respondent_id=booking.respondent_id).values_list(
            "stage", flat=True
        )
    )
    assert stages == {"before", "end", "three_months", "manager"}

    # 6. A used link is refused clearly.
    b.goto(before, status=410)
    expect(b.page.get_by_text("already been answered with this link")).to_be_visible()
    b.check("used")

    # 7. The business unit sees the paired change and downloads the annual report.
    unit.goto(f"/p/northfield/training/courses/{course.pk}/evaluation/")
    expect(unit.page.get_by_role("heading", level=1)).to_have_text("Evaluation")
    expect(unit.page.locator("#change-chart svg")).to_be_visible()
    expect(
        unit.page.get_by_text("I use the Graded Care Profile at the first visit")
    ).to_be_visible()
    unit.check("evaluation")
    unit.goto("/p/northfield/training/report/")
    expect(
        unit.page.get_by_text("I use the Graded Care Profile at the first visit")
    ).to_be_visible()
    with unit.page.expect_download(timeout=90_000) as download:
        unit.page.get_by_role("button", name="Download PDF").click(timeout=90_000)
    assert download.value.suggested_filename.endswith(".pdf")
    for browsing in (b, unit, manager):
        browsing.assert_clean()
