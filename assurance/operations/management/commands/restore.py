"""``manage.py restore <file>``: replace the database with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from assurance.operations.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore the database from a file made by `manage.py backup`, and the uploaded files "
        "(MEDIA_ROOT) from the .media.tar archive beside it. The database should be empty "
        "(new, or only migrated) and MEDIA_ROOT hold no files: otherwise the restore is "
        "refused unless --force, since it replaces everything (the files that were there are "
        "kept aside in <MEDIA_ROOT>.before-restore-<time>). PostgreSQL restores in one "
        "transaction: a failure changes nothing, files included."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path, help="the backup file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds records",
        )
        parser.add_argument(
            "--without-media",
            action="store_true",
            help="restore only the database, for a backup made before uploaded files were "
            "included (MEDIA_ROOT is left as it is)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="the database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            outcome = backup_restore(
                connection=connections[options["database"]],
                path=options["backup"],
                force=options["force"],
                media_root=Path(settings.MEDIA_ROOT),
                without_media=options["without_media"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = (
            f" and {outcome.files:,} uploaded files from {outcome.media}"
            if outcome.media is not None
            else " (the uploaded files were left as they are: --without-media)"
        )
        self.stdout.write(
            f"Restored {outcome.rows:,} rows in {outcome.tables} tables from {outcome.path}"
            f"{files} in {outcome.seconds:.1f} s."
        )
        if outcome.replaced_media is not None:
            self.stdout.write(
                f"The files that were in MEDIA_ROOT are kept in {outcome.replaced_media}: "
                "delete that folder when you no longer need them."
            )
