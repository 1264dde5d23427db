from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from assurance.improvement.actions.tasks import (
    measure_pending_impacts,
    send_action_digest,
    send_action_reminders,
)


class Command(BaseCommand):
    help = (
        "Queue the reminders to owners of actions due within two weeks or overdue, and the "
        "business unit's weekly digest of the action log, and measure again the impact of "
        "completed actions still waiting for a figure or a re-audit. Run it once a day (for "
        "example from "
        "cron); a task worker sends the e-mails. Idempotent: nothing is sent twice."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--base-url", default=getattr(settings, "SITE_URL", ""))
        parser.add_argument("--no-digest", action="store_true", help="Only the reminders.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_action_reminders.enqueue(base_url=options["base_url"])
        self.stdout.write(f"Queued the action reminders (task {result.id}).")
        impacts = measure_pending_impacts.enqueue()
        self.stdout.write(f"Queued measuring the impact of completed actions (task {impacts.id}).")
        if not options["no_digest"]:
            digest = send_action_digest.enqueue(base_url=options["base_url"])
            self.stdout.write(f"Queued the weekly action digest (task {digest.id}).")
