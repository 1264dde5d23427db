"""Background work for bookings (django-tasks): the daily removal of practitioners' personal
details once the evaluation no longer needs them. Idempotent: a booking is cleared once."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from assurance.training.bookings.services import personal_details_remove


@task()
def remove_expired_personal_details() -> int:
    """Clear the names and e-mails of bookings past the retention period
    (``TRAINING_RETENTION_DAYS`` after their session ended). Returns how many."""
    return personal_details_remove(retention_days=settings.TRAINING_RETENTION_DAYS)
