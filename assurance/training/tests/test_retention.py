"""Practitioners' names and e-mails are kept only while the evaluation needs them: removed
from bookings and their history once the retention period after the session has passed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from assurance.training.bookings.models import Booking
from assurance.training.bookings.retention import MINIMUM_DAYS, removal_cutoff
from assurance.training.bookings.services import personal_details_remove
from assurance.training.bookings.tasks import remove_expired_personal_details
from assurance.training.tests.factories import BookingFactory, SessionFactory


@pytest.mark.parametrize(("days", "ok"), [(MINIMUM_DAYS - 1, False), (MINIMUM_DAYS, True)])
def test_the_period_covers_the_three_month_evaluation(days, ok):
    now = timezone.now()
    if ok:
        assert removal_cutoff(now=now, retention_days=days) == now - timedelta(days=days)
    else:
        with pytest.raises(ValueError, match="at least 120 days"):
            removal_cutoff(now=now, retention_days=days)


def test_names_and_emails_go_after_the_period_from_bookings_and_their_history(northfield):
    old = SessionFactory(partnership=northfield.partnership, days=-200)
    recent = SessionFactory(partnership=northfield.partnership, days=-30)
    gone = BookingFactory(session=old, agency=northfield.council, name="Ann Old", attended=True)
    kept = BookingFactory(session=recent, agency=northfield.police, name="Bob Recent")
    respondent = gone.respondent_id

    assert personal_details_remove(retention_days=183) == 1

    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.name, gone.email, gone.manager_name, gone.manager_email) == ("", "", "", "")
    assert gone.details_removed_at is not None
    assert (gone.respondent_id, gone.attended, gone.agency_id) == (
        respondent,
        True,
        northfield.council.pk,
    )
    assert kept.name == "Bob Recent"
    assert not Booking.history.filter(name="Ann Old").exists()
    assert Booking.history.filter(name="Bob Recent").exists()
    # Once only.
    assert personal_details_remove(retention_days=183) == 0


def test_the_daily_task_removes_them(northfield, settings):
    settings.TRAINING_RETENTION_DAYS = 150
    old = SessionFactory(partnership=northfield.partnership, days=-160)
    booking = BookingFactory(session=old, agency=northfield.council)
    result = remove_expired_personal_details.enqueue()
    assert result.return_value == 1
    booking.refresh_from_db()
    assert booking.email == ""


def test_no_certificate_once_the_name_is_removed(northfield, amira, client_for):
    old = SessionFactory(partnership=northfield.partnership, days=-200)
    booking = BookingFactory(session=old, agency=northfield.council, attended=True)
    personal_details_remove(retention_days=183)
    url = northfield.url(f"training/bookings/{booking.pk}/certificate/")
    assert client_for(amira).get(url).status_code == 404
