"""python manage.py export_catalogue OUT.csv|OUT.xlsx"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assurance.dataset.catalogue.interchange import catalogue_csv, catalogue_xlsx
from assurance.dataset.catalogue.selectors import indicator_list


class Command(BaseCommand):
    help = "Write the indicator catalogue as CSV or Excel (load it back with load_catalogue)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        indicators = list(indicator_list())
        if out.suffix.lower() == ".csv":
            out.write_text(catalogue_csv(indicators), encoding="utf-8")
        elif out.suffix.lower() == ".xlsx":
            out.write_bytes(catalogue_xlsx(indicators))
        else:
            raise CommandError("Use a .csv or .xlsx file name")
        self.stdout.write(f"{len(indicators)} indicators written to {out}")
