"""``manage.py demo``: every capability's demo (registered with ``core.registry.register_demo``),
in one transaction, then the demo sign-ins."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assurance.core.registry import demo_loaders
from assurance.partnerships.demo import print_logins


class Command(BaseCommand):
    help = (
        "Load the fictional demo partnerships (Northfield and Southvale) with users for every "
        "role. Idempotent: run it again to reset the demo records and passwords."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--quiet-logins", action="store_true", help="Do not print the demo sign-in details."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("The demo data is never loaded in production.")
        with transaction.atomic():
            for loader in demo_loaders():
                loader(self)
        if not options["quiet_logins"]:
            print_logins(self.stdout)
