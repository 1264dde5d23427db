from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from assurance.selfassessment.rounds.tasks import send_round_reminders


class Command(BaseCommand):
    help = (
        "Queue the reminders of self-assessment rounds: to the schools, colleges and agencies "
        "that have not submitted, two weeks, a week and a day before the deadline, the day "
        "after it and a week after it. Run it once a day (for example from cron); a task worker "
        "sends the e-mails. Idempotent: nothing is sent twice."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default=getattr(settings, "SITE_URL", ""))

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_round_reminders.enqueue(base_url=options["base_url"])
        self.stdout.write(f"Queued the self-assessment reminders (task {result.id}).")
