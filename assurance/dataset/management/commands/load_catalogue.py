"""python manage.py load_catalogue [FILE]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assurance.dataset.catalogue.services import STARTER_CATALOGUE, CatalogueError, catalogue_load


class Command(BaseCommand):
    help = "Create or update indicators from a YAML, CSV or Excel catalogue (default: starter)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default=str(STARTER_CATALOGUE))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created, updated = catalogue_load(path=options["file"])
        except CatalogueError as exc:
            raise CommandError(f"{exc} (nothing was stored)") from exc
        self.stdout.write(f"Catalogue: {created} indicators created, {updated} updated")
