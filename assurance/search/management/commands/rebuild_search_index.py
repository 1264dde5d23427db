from typing import Any

from django.core.management.base import BaseCommand, CommandError

from assurance.core.registry import search_sources
from assurance.search.services import rebuild


class Command(BaseCommand):
    help = (
        "Make the search documents afresh from the records (every kind, or --kind). Saving a "
        "record keeps its document up to date; run this after records were written without "
        "saving them one by one (a bulk import, a restore from an older backup), or to check."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            default=None,
            help="Only this kind of record (audit, case, action…); repeat for several.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        kinds = options["kind"]
        known = {source.kind for source in search_sources()}
        unknown = sorted(set(kinds or ()) - known)
        if unknown:
            raise CommandError(
                f"No kind of record called {', '.join(unknown)}: choose from "
                f"{', '.join(sorted(known))}."
            )
        written = rebuild(kinds)
        for kind, count in written.items():
            self.stdout.write(f"{kind}: {count} documents")
        self.stdout.write(f"Search documents rebuilt: {sum(written.values())}.")
