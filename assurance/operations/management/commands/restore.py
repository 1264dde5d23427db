"""``manage.py restore <file>``: replace the database with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from assurance.operations.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore the database from a file made by `manage.py backup`. The database should be "
        "empty (new, or only migrated): one that holds records is refused unless --force, "
        "since a restore replaces everything in it. PostgreSQL restores in one transaction: "
        "a failure changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path, help="the backup file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds records",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="the database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            outcome = backup_restore(
                connection=connections[options["database"]],
                path=options["backup"],
                force=options["force"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {outcome.rows:,} rows in {outcome.tables} tables from {outcome.path} "
            f"in {outcome.seconds:.1f} s."
        )
