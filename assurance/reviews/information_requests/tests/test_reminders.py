"""Reminders to an agency about its information for a rapid review: to the agency's leads, in
the two working days before it is due and once it is late, each once, through the reviews'
reminders task; a day the task did not run is caught up by the latest reminder due. The ICB was
asked on Monday 2 March 2026 for its information by Monday 9 March."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from assurance.partnerships.models import Person
from assurance.reviews.information_requests.models import (
    InformationReminderSent,
    InformationStatus,
)
from assurance.reviews.information_requests.reminders import send_information_reminders
from assurance.reviews.information_requests.tests.factories import InformationRequestFactory
from assurance.reviews.rapid_reviews.models import RapidReview

pytestmark = pytest.mark.django_db


def _ask(incident, agency):  # type: ignore[no-untyped-def]
    return InformationRequestFactory(
        incident=incident,
        agency=agency,
        requested_by=incident.recorded_by,
        requested_on=date(2026, 3, 2),
        due_on=date(2026, 3, 9),
    )


def _leads(agency) -> set[str]:  # type: ignore[no-untyped-def]
    return set(
        Person.unscoped.filter(agency=agency, is_agency_lead=True, is_active=True).values_list(
            "email", flat=True
        )
    )


def test_before_it_is_due_and_once_late_each_once(northfield, incident, joanna):
    request = _ask(incident, northfield.health)
    assert send_information_reminders(day=date(2026, 3, 4)) == 0  # three working days left
    # Thursday 5 March: two working days left (Friday 6, Monday 9)
    assert send_information_reminders(day=date(2026, 3, 5), base_url="https://x.example") == 1
    [message] = mail.outbox
    assert set(message.to) == _leads(northfield.health) and joanna.email in message.to
    assert message.subject == (
        f"Reminder: information for rapid review {incident.reference} due 9 March 2026"
    )
    assert "2 working days left" in message.body
    assert f"https://x.example/p/northfield/reviews/information/{request.pk}/" in message.body
    assert incident.summary not in message.body  # the reference only
    assert send_information_reminders(day=date(2026, 3, 5)) == 0
    assert send_information_reminders(day=date(2026, 3, 6)) == 0
    # Tuesday 10 March: late
    assert send_information_reminders(day=date(2026, 3, 10)) == 1
    assert mail.outbox[-1].subject.startswith("Late: information for rapid review")
    assert send_information_reminders(day=date(2026, 3, 11)) == 0
    assert sorted(InformationReminderSent.unscoped.values_list("kind", flat=True)) == [
        "before",
        "missed",
    ]


def test_a_missed_day_is_caught_up_by_the_latest_reminder(northfield, incident, joanna):
    _ask(incident, northfield.health)
    # The task did not run from Thursday 5 to Tuesday 10 March: only the "late" one is sent
    assert send_information_reminders(day=date(2026, 3, 11)) == 1
    assert mail.outbox[-1].subject.startswith("Late:")
    assert list(InformationReminderSent.unscoped.values_list("kind", flat=True)) == ["missed"]


def test_nothing_once_submitted_or_once_the_rapid_review_has_gone(
    northfield, incident, farah, joanna
):
    council = _ask(incident, northfield.council)
    council.status, council.submitted_on = InformationStatus.SUBMITTED, date(2026, 3, 4)
    council.save()
    _ask(incident, northfield.health)
    RapidReview.unscoped.create(
        partnership=northfield.partnership, incident=incident, sent_on=date(2026, 3, 5)
    )
    assert send_information_reminders(day=date(2026, 3, 10)) == 0
    assert mail.outbox == []
