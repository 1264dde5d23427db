"""Reminders of review deadlines: sent by a background task to the people named on the review
and the business unit, before the deadline and when it is missed, never twice; naming the
review by its reference only."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from assurance.reviews.board.tasks import send_review_reminders
from assurance.reviews.information_requests.tests.factories import InformationRequestFactory
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def test_reminders_before_and_when_missed_once_each(northfield, incident, amira, farah, helen):
    # Thursday 5 March 2026: two working days before the notification is due (Monday 9)
    assert send_review_reminders.enqueue(today="2026-03-05").return_value == 1
    [message] = mail.outbox
    assert "SI-2026-01" in message.subject and "9 March 2026" in message.subject
    assert set(message.to) == {amira.email, farah.email, helen.email}
    assert incident.summary not in message.body
    # Again the same day, and the next: nothing new
    assert send_review_reminders.enqueue(today="2026-03-05").return_value == 0
    assert send_review_reminders.enqueue(today="2026-03-06").return_value == 0
    # Tuesday 10 March: the notification is missed
    assert send_review_reminders.enqueue(today="2026-03-10").return_value == 1
    assert "Deadline missed" in mail.outbox[-1].subject
    assert send_review_reminders.enqueue(today="2026-03-11").return_value == 0
    # Notified: no more about it; the rapid review's turn comes
    incident.notified_on = date(2026, 3, 11)
    incident.save()
    assert send_review_reminders.enqueue(today="2026-03-12").return_value == 0
    assert send_review_reminders.enqueue(today="2026-03-19").return_value == 1
    assert "send the rapid review" in mail.outbox[-1].subject


def test_closed_reviews_and_far_deadlines_send_nothing(northfield, amira):
    SeriousIncidentFactory(partnership=northfield.partnership, recorded_by=amira)
    assert send_review_reminders.enqueue(today="2026-03-02").return_value == 0
    assert mail.outbox == []


def test_the_command_queues_the_task(incident, capsys):
    call_command("send_review_reminders")
    assert "Queued the review reminders" in capsys.readouterr().out


def test_the_task_reminds_agencies_of_their_information_too(northfield, incident, joanna):
    InformationRequestFactory(  # asked Monday 2 March 2026, due Monday 9 March
        incident=incident, agency=northfield.health, requested_by=incident.recorded_by
    )
    # Thursday 5 March: the notification's reminder (panel and business unit) and the ICB's
    assert send_review_reminders.enqueue(today="2026-03-05").return_value == 2
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[0].startswith("Reminder: information for rapid review SI-2026-01")
    assert send_review_reminders.enqueue(today="2026-03-05").return_value == 0


def test_a_practice_reviews_milestone_is_reminded_of(northfield, incident, amira):
    from assurance.reviews.practice_reviews.models import PracticeReview
    from assurance.reviews.rapid_reviews.models import RapidReview

    SeriousIncidentFactory._meta.model.unscoped.filter(pk=incident.pk).update(
        notified_on=date(2026, 3, 6)
    )
    RapidReview.unscoped.create(
        partnership=northfield.partnership,
        incident=incident,
        sent_on=date(2026, 3, 20),
        decision="cspr",
        decided_on=date(2026, 4, 2),
        decision_reasons="Synthetic.",
    )
    PracticeReview.unscoped.create(
        partnership=northfield.partnership,
        incident=incident,
        practitioner_event_due=date(2026, 5, 14),  # a Thursday
    )
    # Tuesday 12 May: two working days before the practitioner event
    assert send_review_reminders.enqueue(today="2026-05-12").return_value == 1
    assert "Practitioner event" in mail.outbox[-1].body
    assert send_review_reminders.enqueue(today="2026-05-13").return_value == 0
    assert send_review_reminders.enqueue(today="2026-05-15").return_value == 1  # missed
    assert "Deadline missed" in mail.outbox[-1].subject
