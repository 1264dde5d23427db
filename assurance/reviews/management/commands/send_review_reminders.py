from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from assurance.reviews.board.tasks import send_review_reminders


class Command(BaseCommand):
    help = (
        "Queue the reminders of serious incident and review deadlines (notifying the Panel, "
        "the rapid review, publication): to the people named on each review and the business "
        "unit, in the two working days before a deadline and once it is missed. Run it once a "
        "day (for example from cron); a task worker sends the e-mails. Idempotent: nothing is "
        "sent twice."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default=getattr(settings, "SITE_URL", ""))

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_review_reminders.enqueue(base_url=options["base_url"])
        self.stdout.write(f"Queued the review reminders (task {result.id}).")
