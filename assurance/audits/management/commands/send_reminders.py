from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from assurance.audits.tasks import send_return_reminders


class Command(BaseCommand):
    help = (
        "Queue the daily reminders about audit returns due soon or overdue. Run it once a day "
        "(for example from cron); a task worker sends the e-mails. Idempotent within a day."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default=getattr(settings, "SITE_URL", ""))

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_return_reminders.enqueue(base_url=options["base_url"])
        self.stdout.write(f"Queued the return reminders (task {result.id}).")
