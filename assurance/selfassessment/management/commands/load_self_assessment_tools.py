"""python manage.py load_self_assessment_tools PARTNERSHIP"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assurance.frameworks.interchange.format import ImportProblem
from assurance.partnerships.models import Partnership
from assurance.selfassessment.tools.services import tools_load


class Command(BaseCommand):
    help = (
        "Add the self-assessment tools shipped with Assurance (Section 11, Section 175/157 and "
        "exploitation) to a partnership's frameworks. A tool it already has is left as it is, so "
        "running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership", help="the partnership's short name (slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        partnership = Partnership.unscoped.filter(slug=options["partnership"]).first()
        if partnership is None:
            raise CommandError(f"There is no partnership {options['partnership']!r}.")
        try:
            added = tools_load(partnership=partnership)
        except ImportProblem as problem:  # a shipped file is wrong: a bug, named plainly
            raise CommandError("\n".join(problem.problems)) from problem
        names = ", ".join(f.name for f in added) or "none (it has them all)"
        self.stdout.write(f"{partnership.name}: tools added: {names}.")
