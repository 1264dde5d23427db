"""A practitioner books without an account: the request, the e-mailed confirmation link, the
waiting list, cancellation and the links that no longer work.

Sam (any agency, no account) books the neglect course; the session has two places."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from assurance.training.bookings import public
from assurance.training.bookings.models import Booking, BookingStatus
from assurance.training.bookings.rules import PER_ADDRESS
from assurance.training.tests.factories import BookingFactory, SessionFactory


@pytest.fixture
def session(northfield):
    return SessionFactory(partnership=northfield.partnership, capacity=2, days=14)


def form(northfield, email="sam@school.example", **over):
    data = {
        "name": "Sam Okoro",
        "email": email,
        "agency": northfield.school.pk,
        "job_title": "Designated safeguarding lead",
        "manager_name": "Ruth Head",
        "manager_email": "ruth@school.example",
    }
    return {**data, **over}


def last_link(kind: str) -> str:
    links = re.findall(rf"https?://[^\s]+/training/{kind}/[^\s/]+/", mail.outbox[-1].body)
    assert links, mail.outbox[-1].body
    return re.sub(r"^https?://[^/]+", "", links[-1])


def book(client, session, northfield, **over):
    return client.post(f"/training/book/{session.public_code}/", form(northfield, **over))


def test_booking_without_an_account_is_confirmed_from_the_emailed_link(northfield, session):
    client = Client()
    page = client.get(f"/training/book/{session.public_code}/")
    assert page.status_code == 200 and "Book a place" in page.content.decode()
    response = book(client, session, northfield)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    booking = Booking.unscoped.get(session=session)
    assert booking.status == BookingStatus.UNCONFIRMED
    assert mail.outbox[-1].to == ["sam@school.example"]
    confirm = last_link("confirm")
    # Following the link shows a button: a mail scanner's GET changes nothing.
    assert client.get(confirm).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.UNCONFIRMED
    done = client.post(confirm)
    assert "Your place is confirmed" in done.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert "cancel your place" in mail.outbox[-1].body


def test_the_page_says_the_same_when_the_address_has_already_booked(northfield, session):
    existing = BookingFactory(session=session, agency=northfield.school, email="sam@school.example")
    response = book(Client(), session, northfield)
    assert response.status_code == 302 and response["Location"].endswith("/sent/")
    assert Booking.unscoped.filter(session=session).count() == 1
    assert "You already have a place" in mail.outbox[-1].body
    assert existing.name in mail.outbox[-1].body


def test_a_full_session_puts_the_next_on_the_waiting_list_and_a_cancellation_frees_a_place(
    northfield, session
):
    first = BookingFactory(session=session, agency=northfield.council)
    BookingFactory(session=session, agency=northfield.police)
    client = Client()
    assert (
        "The session is full"
        in client.get(f"/training/book/{session.public_code}/").content.decode()
    )
    book(client, session, northfield)
    client.post(last_link("confirm"))
    waiting = Booking.unscoped.get(session=session, email="sam@school.example")
    assert waiting.status == BookingStatus.WAITING
    cancel = last_link("cancel")
    # The first booking cancels from their own link: Sam gets the place, and is told.
    from assurance.training.bookings.services import link

    first_cancel = re.sub(
        r"^https?://[^/]+", "", link("", "training_public:booking_cancel", first, "cancel")
    )
    client.post(first_cancel)
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == BookingStatus.CANCELLED
    assert waiting.status == BookingStatus.CONFIRMED
    assert "Your place is confirmed" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == ["sam@school.example"]
    # Sam's cancellation link from the waiting-list e-mail still works, once.
    assert client.post(cancel).status_code == 200
    used = client.get(cancel)
    assert used.status_code == 410
    assert "already been used" in used.content.decode()


def test_an_expired_or_altered_link_is_refused_clearly(northfield, session, monkeypatch):
    client = Client()
    book(client, session, northfield)
    confirm = last_link("confirm")
    altered = client.get(confirm[:-3] + "xx/")
    assert altered.status_code == 410 and "not one of ours" in altered.content.decode()
    monkeypatch.setattr(public.ConfirmView, "max_age", timedelta(seconds=-1))
    expired = client.post(confirm)
    assert expired.status_code == 410 and "expired" in expired.content.decode()
    assert Booking.unscoped.get(session=session).status == BookingStatus.UNCONFIRMED


def test_a_cancel_link_cannot_confirm(northfield, session):
    booking = BookingFactory(session=session, agency=northfield.council)
    from assurance.training.bookings.services import link

    cancel = re.sub(
        r"^https?://[^/]+", "", link("", "training_public:booking_cancel", booking, "cancel")
    )
    token = cancel.rstrip("/").rsplit("/", 1)[-1]
    response = Client().get(f"/training/confirm/{token}/")
    assert response.status_code == 410 and "something else" in response.content.decode()


def test_too_many_requests_for_one_address_are_refused(northfield, session):
    client = Client()
    for n in range(PER_ADDRESS):
        other = SessionFactory(partnership=northfield.partnership, days=20 + n)
        assert book(client, other, northfield).status_code == 302
    response = book(client, session, northfield)
    assert response.status_code == 429
    assert "booking requests for this e-mail address" in response.content.decode()
    assert not Booking.unscoped.filter(session=session).exists()


def test_bad_input_is_named_and_nothing_is_stored(northfield, session):
    response = book(Client(), session, northfield, email="not-an-address", manager_name="")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter an e-mail address like name@example.org" in body
    assert "Enter your line manager" in body
    assert not Booking.unscoped.exists()


def test_an_agency_of_another_partnership_is_refused(northfield, southvale, session):
    response = book(Client(), session, northfield, agency=southvale.school.pk)
    assert "Select your agency" in response.content.decode()
    assert not Booking.unscoped.exists()


def test_a_past_or_cancelled_session_takes_no_bookings(northfield):
    past = SessionFactory(partnership=northfield.partnership, days=-3)
    response = Client().get(f"/training/book/{past.public_code}/")
    assert response.status_code == 410
    assert "not taking bookings" in response.content.decode()
    assert Client().get("/training/book/nosuchcode/").status_code == 404
