from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from assurance.frameworks.interchange.format import ImportProblem
from assurance.frameworks.interchange.loading import import_file
from assurance.partnerships.models import Partnership

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class Command(BaseCommand):
    help = (
        "Import a framework (audit tool) from a YAML or Excel file into a partnership, as a new "
        "framework. FILE may be a path or the name of a shipped example (general.yaml, "
        "neglect.yaml, domestic-abuse.yaml, exploitation.yaml). A bad file imports nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument("--partnership", required=True, help="The partnership's slug.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.exists() and (EXAMPLES / path.name).exists():
            path = EXAMPLES / path.name
        if not path.exists():
            raise CommandError(f"No such file: {options['file']}")
        partnership = Partnership.unscoped.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"No partnership with the slug {options['partnership']!r}.")
        try:
            framework = import_file(
                name=path.name, content=path.read_bytes(), partnership=partnership
            )
        except ImportProblem as problem:
            raise CommandError(
                "Nothing was imported:\n  " + "\n  ".join(problem.problems)
            ) from problem
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {framework} into {partnership} ({framework.sections.count()} sections)."
            )
        )
