from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from assurance.training.evaluation.tasks import send_evaluation_links


class Command(BaseCommand):
    help = (
        "Queue the training evaluation's e-mails: each attendee's personal link to the "
        "questionnaire before the course, at its end and three months on, their line manager's "
        "three months on, and reminders (a week apart, at most two). Run it every hour or once "
        "a day (for example from cron); a task worker sends the e-mails. Idempotent: nothing "
        "is sent twice."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default=getattr(settings, "SITE_URL", ""))

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_evaluation_links.enqueue(base_url=options["base_url"])
        self.stdout.write(f"Queued the training evaluation e-mails (task {result.id}).")
