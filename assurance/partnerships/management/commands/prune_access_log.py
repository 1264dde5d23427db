from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assurance.partnerships.access_log.services import access_log_prune


class Command(BaseCommand):
    help = (
        "Remove access log entries older than ACCESS_LOG_RETENTION_DAYS (or --days). Run it "
        "once a day (for example from cron); running it again removes nothing more."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of ACCESS_LOG_RETENTION_DAYS.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days is None:
            days = settings.ACCESS_LOG_RETENTION_DAYS
        try:
            removed = access_log_prune(keep_days=days)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Removed {removed} access log entries older than {days} days.")
