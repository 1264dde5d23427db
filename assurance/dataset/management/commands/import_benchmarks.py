"""python manage.py import_benchmarks FILE [--mapping M]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assurance.dataset.benchmarks.reader import DEFAULT_MAPPING, BenchmarkFileError
from assurance.dataset.benchmarks.services import benchmarks_import


class Command(BaseCommand):
    help = (
        "Import a Department for Education open-data CSV file as benchmarks. The mapping (YAML, "
        "default: the shipped assurance/dataset/benchmarks/dfe_mapping.yaml) says which columns "
        "feed which indicators. All rows or none are stored; importing again replaces them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="+")
        parser.add_argument("--mapping", default=str(DEFAULT_MAPPING))

    def handle(self, *args: Any, **options: Any) -> None:
        for path in options["file"]:
            try:
                result = benchmarks_import(path=path, mapping=options["mapping"])
            except BenchmarkFileError as exc:
                raise CommandError(f"{path}: {exc} (nothing was stored)") from exc
            self.stdout.write(
                f"{result.file}: {result.rows} rows stored ({result.missing} missing values "
                f"with their reason), {result.replaced} earlier rows replaced"
            )
