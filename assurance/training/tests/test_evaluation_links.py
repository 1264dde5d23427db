"""The personal links: each attendee (and their manager) is invited to each stage by e-mail,
reminded at most twice, and answers by the link without signing in, once, while it is open.

Sam booked the neglect course (a place, then attended); Ruth is Sam's line manager."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from assurance.frameworks.models import Answer
from assurance.training.evaluation import rules
from assurance.training.evaluation.models import Invitation, Response
from assurance.training.evaluation.services import invitations_create, invitations_send
from assurance.training.evaluation.tasks import send_evaluation_links
from assurance.training.tests.factories import BookingFactory, SessionFactory

BASE = "https://assurance.example"


@pytest.fixture
def past(northfield):
    """A session that ended yesterday, Sam attended."""
    session = SessionFactory(partnership=northfield.partnership, days=-1)
    return BookingFactory(
        session=session,
        agency=northfield.school,
        name="Sam Okoro",
        email="sam@school.example",
        manager_email="ruth@school.example",
        attended=True,
    )


def link_in(message) -> str:
    found = re.findall(r"https?://\S+/training/questionnaire/\S+/", message.body)
    assert found, message.body
    return found[0].removeprefix(BASE)


def rating_form(page: str, score: int = 7, **texts: str) -> dict[str, str]:
    names = sorted(set(re.findall(r'name="(item_\d+)" type="radio"', page)))
    data = dict.fromkeys(names, str(score))
    for name in re.findall(r'name="(item_\d+)"[^>]*>', page):
        if name not in data:
            data[name] = ""
    data.update(texts)
    return data


def test_a_booking_with_a_place_is_invited_before_the_course(northfield):
    booking = BookingFactory(
        session=SessionFactory(partnership=northfield.partnership, days=10),
        agency=northfield.school,
    )
    BookingFactory(session=booking.session, agency=northfield.school, status="waiting")
    assert invitations_create() == 1
    invitation = Invitation.unscoped.get()
    assert (invitation.booking, invitation.stage) == (booking, "before")
    assert invitation.closes_at == booking.session.starts_at
    assert invitations_create() == 0  # idempotent


def test_an_attendee_is_invited_to_the_end_three_months_and_their_manager(past):
    BookingFactory(session=past.session, agency=past.agency, attended=False)
    assert invitations_create() == 3
    stages = dict(Invitation.unscoped.values_list("stage", "opens_at"))
    assert set(stages) == {"end", "three_months", "manager"}
    assert stages["three_months"] == past.session.ends_at + rules.THREE_MONTHS


def test_links_are_emailed_once_then_reminded_at_most_twice(northfield):
    booking = BookingFactory(
        session=SessionFactory(partnership=northfield.partnership, days=30),
        agency=northfield.school,
        email="sam@school.example",
    )
    invitations_create()
    assert invitations_send(base_url=BASE) == 1
    assert mail.outbox[-1].to == [booking.email]
    assert "before the course" in mail.outbox[-1].subject
    assert invitations_send(base_url=BASE) == 0  # nothing twice
    later = timezone.now() + timedelta(days=7, minutes=1)
    assert invitations_send(base_url=BASE, now=later) == 1
    assert mail.outbox[-1].subject.startswith("Reminder:")
    assert invitations_send(base_url=BASE, now=later + timedelta(days=7)) == 1
    assert invitations_send(base_url=BASE, now=later + timedelta(days=14)) == 0
    assert len(mail.outbox) == 3


def test_the_end_questionnaire_goes_to_the_attendee(past):
    invitations_create()
    assert invitations_send(base_url=BASE) == 1  # three months is not open yet
    assert mail.outbox[-1].to == ["sam@school.example"]
    assert "at the end of the course" in mail.outbox[-1].subject


def test_the_manager_is_asked_three_months_on_at_their_own_address(past):
    invitations_create()
    three_months = past.session.ends_at + rules.THREE_MONTHS + timedelta(hours=1)
    sent = invitations_send(base_url=BASE, now=three_months)
    assert sent == 2  # the practitioner's and the manager's (the end's has closed)
    to_manager = next(m for m in mail.outbox if m.to == ["ruth@school.example"])
    assert "Sam Okoro attended" in to_manager.body
    assert "Your view of a practitioner's practice" in to_manager.subject


def test_the_task_invites_and_sends(past):
    assert send_evaluation_links.call(base_url=BASE) == 1
    assert send_evaluation_links.call(base_url=BASE) == 0


def test_answering_by_the_link_keeps_answers_under_the_respondent_id(past):
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    client = Client()
    page = client.get(url).content.decode()
    assert "Recognise neglect" in page and "Act on it" in page
    assert "How would you rate your knowledge of this?" in page
    response = client.post(url, rating_form(page, 8))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    stored = Response.unscoped.get()
    assert (stored.stage, stored.respondent_id) == ("end", past.respondent_id)
    scores = Answer.objects.filter(assessment=stored.assessment, option__isnull=False)
    assert sorted(a.option.label for a in scores) == ["8"] * 5  # 2 outcomes × 2, and the course
    assert "Sam" not in str(stored) and stored.assessment.framework.is_frozen
    assert Invitation.unscoped.get(stage="end").answered_at is not None


def test_a_rating_left_out_is_named_and_nothing_is_stored(past):
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    client = Client()
    page = client.get(url).content.decode()
    data = rating_form(page, 5)
    first = sorted(k for k in data if data[k] == "5")[0]
    del data[first]
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose a rating from 1 to 10 for “Recognise neglect”" in body
    assert not Response.unscoped.exists()


def test_text_that_identifies_a_child_is_refused(past):
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    client = Client()
    page = client.get(url).content.decode()
    r2 = re.search(r'name="(item_\d+)"[^>]*rows', page) or re.search(
        r'<textarea[^>]*name="(item_\d+)"', page
    )
    assert r2
    data = rating_form(page, 5, **{r2.group(1): "Spoke to J, NHS number 943 476 5919"})
    body = client.post(url, data).content.decode()
    assert "do not name or identify a child" in body
    assert not Response.unscoped.exists()


def test_a_used_link_is_refused(past):
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    client = Client()
    page = client.get(url).content.decode()
    client.post(url, rating_form(page, 6))
    again = client.get(url)
    assert again.status_code == 410
    assert "already been answered" in again.content.decode()
    assert client.post(url, rating_form(page, 2)).status_code == 410
    assert Response.unscoped.count() == 1


def test_an_expired_link_is_refused(past):
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    Invitation.unscoped.filter(stage="end").update(closes_at=timezone.now() - timedelta(days=1))
    refused = Client().get(url)
    assert refused.status_code == 410
    assert "This link has expired" in refused.content.decode()


def test_an_altered_link_is_refused(past):
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    refused = Client().get(url[:-3] + "xx/")
    assert refused.status_code == 410
    assert "not complete or not one of ours" in refused.content.decode()


def test_a_cancelled_booking_gets_no_questionnaire(northfield):
    booking = BookingFactory(
        session=SessionFactory(partnership=northfield.partnership, days=10),
        agency=northfield.school,
    )
    invitations_create()
    invitations_send(base_url=BASE)
    url = link_in(mail.outbox[-1])
    booking.status = "cancelled"
    booking.save()
    assert invitations_send(base_url=BASE, now=timezone.now() + timedelta(days=8)) == 0
    refused = Client().get(url)
    assert refused.status_code == 410
    assert "The booking was cancelled" in refused.content.decode()
