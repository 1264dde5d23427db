"""Reminders to owners before a due date and when overdue, and the business unit's weekly
digest: sent by a background task, never twice."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from assurance.improvement.actions.models import ActionState
from assurance.improvement.actions.reminders import action_reminder_due, digest_week
from assurance.improvement.actions.tasks import send_action_digest, send_action_reminders
from assurance.improvement.actions.tests.factories import ActionFactory

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("due", "open_", "expected"),
    [
        (TODAY + timedelta(days=15), True, None),
        (TODAY + timedelta(days=14), True, "before"),
        (TODAY, True, "before"),
        (TODAY - timedelta(days=1), True, "overdue"),
        (TODAY - timedelta(days=90), True, "overdue"),
        (TODAY - timedelta(days=1), False, None),
    ],
)
def test_which_reminder(due, open_, expected):
    assert action_reminder_due(due=due, today=TODAY, open_=open_) == expected


def test_digest_week_is_the_monday():
    assert digest_week(TODAY) == date(2026, 11, 23)
    assert digest_week(date(2026, 11, 23)) == date(2026, 11, 23)
    assert digest_week(date(2026, 11, 29)) == date(2026, 11, 23)


def _action(northfield, title, due, owner=None, **extra):
    return ActionFactory(
        partnership=northfield.partnership,
        title=title,
        owner_agency=northfield.council,
        owner=owner,
        due_date=due,
        **extra,
    )


@pytest.mark.django_db
def test_owners_are_reminded_once_before_and_once_when_overdue(northfield, amira, farah):
    soon = _action(northfield, "Brief the front door", TODAY + timedelta(days=3), owner=farah)
    _action(northfield, "Later work", TODAY + timedelta(days=60), owner=farah)
    late = _action(northfield, "Agree GP contributions", TODAY - timedelta(days=2))  # no owner
    _action(northfield, "Done", TODAY - timedelta(days=9), state=ActionState.COMPLETE)
    assert send_action_reminders.enqueue(today=TODAY.isoformat()).return_value == 2
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Overdue: your action was due on 23 November 2026",
        "Reminder: your action is due on 28 November 2026",
    ]
    by_subject = {m.subject: m for m in mail.outbox}
    assert by_subject[subjects[1]].to == [farah.email]
    # No owner: the owner agency's lead (Farah leads the council) is told.
    assert by_subject[subjects[0]].to == [farah.email]
    assert f"/p/northfield/actions/{soon.pk}/" in by_subject[subjects[1]].body
    # Run again the same day, and the next: nothing new.
    assert send_action_reminders.enqueue(today=TODAY.isoformat()).return_value == 0
    next_day = (TODAY + timedelta(days=1)).isoformat()
    assert send_action_reminders.enqueue(today=next_day).return_value == 0
    assert len(mail.outbox) == 2
    # Once the first passes its due date, its owner hears it is overdue.
    later = (TODAY + timedelta(days=4)).isoformat()
    assert send_action_reminders.enqueue(today=later).return_value == 1
    assert mail.outbox[-1].subject.startswith("Overdue") and late.pk != soon.pk
    # A new due date earns a new reminder.
    late.due_date = TODAY + timedelta(days=10)
    late.save()
    assert send_action_reminders.enqueue(today=TODAY.isoformat()).return_value == 1


@pytest.mark.django_db
def test_the_business_unit_gets_one_digest_a_week(northfield, southvale, amira, tamsin, farah):
    _action(northfield, "Brief the front door", TODAY - timedelta(days=3), owner=farah)
    _action(northfield, "Train practitioners", TODAY + timedelta(days=10))
    _action(
        northfield,
        "Audit the pathway",
        TODAY - timedelta(days=20),
        state=ActionState.COMPLETE,
        completed_at=TODAY - timedelta(days=2),
    )
    assert send_action_digest.enqueue(today=TODAY.isoformat()).return_value == 1
    (digest,) = mail.outbox
    assert digest.to == [amira.email]  # Southvale has no actions: no digest for Tamsin
    assert "1 overdue" in digest.body and "1 at risk" in digest.body
    assert "Overdue:\n- Brief the front door" in digest.body
    assert "Completed in the last week:\n- Audit the pathway" in digest.body
    assert (
        send_action_digest.enqueue(today=(TODAY + timedelta(days=4)).isoformat()).return_value == 0
    )
    assert (
        send_action_digest.enqueue(today=(TODAY + timedelta(days=5)).isoformat()).return_value == 1
    )


@pytest.mark.django_db
def test_the_command_queues_both(northfield, amira, farah):
    _action(northfield, "Overdue thing", date(2020, 1, 1), owner=farah)
    call_command("send_action_reminders")
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"Overdue", "Action log this week"}
    call_command("send_action_reminders")
    assert len(mail.outbox) == 2
