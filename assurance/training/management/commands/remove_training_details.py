from typing import Any

from django.core.management.base import BaseCommand

from assurance.training.bookings.tasks import remove_expired_personal_details


class Command(BaseCommand):
    help = (
        "Queue the daily removal of practitioners' names and e-mails from training bookings "
        "past the retention period (TRAINING_RETENTION_DAYS after the session). Run it once a "
        "day (for example from cron); a task worker does the work. Idempotent."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = remove_expired_personal_details.enqueue()
        self.stdout.write(f"Queued the removal of expired training details (task {result.id}).")
