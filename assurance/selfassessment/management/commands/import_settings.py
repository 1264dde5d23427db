"""python manage.py import_settings PARTNERSHIP FILE"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assurance.partnerships.models import Partnership
from assurance.selfassessment.settings.gias import GiasFileError
from assurance.selfassessment.settings.services import gias_rows_from, settings_import


class Command(BaseCommand):
    help = (
        "Load a partnership's schools and colleges (settings) from a CSV extract of the DfE's "
        "Get Information About Schools register (columns URN, EstablishmentName, LA (code), "
        "TypeOfEstablishment (name), PhaseOfEducation (name), EstablishmentStatus (name), and "
        "optionally LA (name), EstablishmentTypeGroup (name), OpenDate, CloseDate, Postcode). "
        "Rows of other local authorities are left out. All rows or none are stored; importing a "
        "newer extract again adds new schools and updates changed ones (opened, closed, renamed)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="the partnership's short name (slug)")
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["file"]
        partnership = Partnership.unscoped.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership {options['partnership']!r}.")
        try:
            rows = gias_rows_from(path)
        except GiasFileError as exc:
            raise CommandError(
                f"{path}: nothing was imported.\n" + "\n".join(exc.problems)
            ) from exc
        result = settings_import(
            partnership=partnership, rows=rows, source=str(path).rsplit("/")[-1]
        )
        self.stdout.write(
            f"{partnership.name}: {result.rows} rows read; {result.created} settings added, "
            f"{result.updated} updated ({result.closed} now closed), {result.unchanged} "
            f"unchanged, {result.other_areas} of other local authorities left out."
        )
