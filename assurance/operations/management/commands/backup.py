"""``manage.py backup``: write a backup of the database to a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from assurance.operations.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the whole database to a new file named for the engine and the time, "
        "assurance-<sqlite|postgresql>-<YYYYMMDD-HHMMSS>Z.<sqlite3|dump>, in BACKUP_DIR "
        "(var/backups by default), and the uploaded files (MEDIA_ROOT) into a tar archive "
        "beside it, named after it: …Z.media.tar. SQLite is copied with its online backup "
        "API, PostgreSQL with pg_dump; the service may keep running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=None,
            help="the folder to write the backup in (default: BACKUP_DIR)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="the database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        directory = options["output_dir"] or Path(settings.BACKUP_DIR)
        try:
            outcome = backup_create(
                connection=connections[options["database"]],
                directory=directory,
                media_root=Path(settings.MEDIA_ROOT),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {outcome.rows:,} rows in {outcome.tables} tables to {outcome.path} "
            f"and {outcome.files:,} uploaded files to {outcome.media} "
            f"({outcome.size / 1_000_000:.1f} MB) in {outcome.seconds:.1f} s."
        )
