"""Backing up the database to a file, and restoring it from one.

SQLite is copied with its online backup API (a consistent copy while the service runs);
PostgreSQL with ``pg_dump`` in its custom format, restored by ``pg_restore`` in one transaction,
so that a failed restore changes nothing. A backup is written under a temporary name and renamed
when complete, readable by its owner only (it holds everything the partnership recorded), and
named for what it is and when it was taken: ``assurance-sqlite-20261203-031500Z.sqlite3``,
``assurance-postgresql-20261203-031500Z.dump``.

Uploaded files (learning documents, action evidence: ``MEDIA_ROOT``) go into a tar archive beside
the database's file, named after it: ``assurance-sqlite-20261203-031500Z.media.tar``. A restore
puts them back with the database: it unpacks the archive beside ``MEDIA_ROOT`` first (plain files
and folders only, nothing outside it), then restores the database, and only when that succeeded
swaps the folders, keeping the files that were there in ``<MEDIA_ROOT>.before-restore-<time>``.
A backup without its archive (made before files were included) restores only with
``without_media``, so that nobody restores records whose documents are silently missing.

A restore replaces the whole database, so it refuses a database that already holds records, or
a ``MEDIA_ROOT`` that holds files, unless told to replace them (``force``). ``database_digest``
(each table's row count and a hash of its rows) is how the tests and an operator compare two
databases.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

SQLITE, POSTGRESQL = "sqlite", "postgresql"
EXTENSIONS = {SQLITE: "sqlite3", POSTGRESQL: "dump"}
MAGIC = {SQLITE: b"SQLite format 3\x00", POSTGRESQL: b"PGDMP"}
NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}
# Tables that `manage.py migrate` fills by itself: their rows do not make a database "not empty".
MIGRATE_FILLS = {"django_migrations", "django_content_type", "auth_permission"}
MEDIA_SUFFIX = ".media.tar"


class BackupError(Exception):
    """A backup or restore that cannot be done, with what to do about it."""


@dataclass(frozen=True)
class Outcome:
    path: Path
    size: int  # bytes
    tables: int
    rows: int
    seconds: float
    media: Path | None = None  # the uploaded files' archive
    files: int = 0  # uploaded files in it
    replaced_media: Path | None = None  # where a restore kept the files that were there


def backup_name(*, engine: str, when: datetime) -> str:
    """``assurance-<engine>-<UTC date>-<UTC time>Z.<extension>``: sorts by date, says what it is."""
    stamp = when.astimezone(UTC).strftime("%Y%m%d-%H%M%SZ")
    return f"assurance-{engine}-{stamp}.{EXTENSIONS[engine]}"


def engine_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor in (SQLITE, POSTGRESQL):
        return str(connection.vendor)
    raise BackupError(
        f"Backups are made of SQLite and PostgreSQL databases, not {connection.vendor}."
    )


def kind_of(path: Path) -> str:
    """Which engine's backup a file is, from its first bytes."""
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    with path.open("rb") as file:
        start = file.read(16)
    for engine, magic in MAGIC.items():
        if start.startswith(magic):
            return engine
    raise BackupError(
        f"{path.name} is not a backup made by `manage.py backup`: it is neither a SQLite "
        "database nor a PostgreSQL custom-format dump."
    )


def table_rows(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """Every table of the database and how many rows it holds."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = int(cursor.fetchone()[0])
    return counts


def database_digest(connection: BaseDatabaseWrapper) -> dict[str, tuple[int, str]]:
    """Every table's row count and a SHA-256 of its rows (in a fixed order): two databases
    with the same digest hold the same records."""
    digest = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(tuple(_plain(v) for v in row)) for row in cursor.fetchall())
            content = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            digest[table] = (len(rows), content)
    return digest


def _plain(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def media_archive_for(path: Path) -> Path:
    """The uploaded files' archive that goes with a database backup: its name, ``.media.tar``."""
    return path.with_suffix(MEDIA_SUFFIX)


def backup_create(*, connection: BaseDatabaseWrapper, directory: Path, media_root: Path) -> Outcome:
    """Write a backup of the database, and of the uploaded files in ``media_root`` beside it,
    into ``directory`` and say what they hold."""
    engine = engine_of(connection)
    started = time.monotonic()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / backup_name(engine=engine, when=datetime.now(UTC))
    partial = path.with_name(path.name + ".partial")
    try:
        if engine == SQLITE:
            _sqlite_backup(connection, partial)
        else:
            _pg_dump(connection, partial)
        os.chmod(partial, 0o600)
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    media = media_archive_for(path)
    try:
        files = _media_backup(media_root, media)
    except BaseException:
        path.unlink(missing_ok=True)  # a backup without its files is not a backup
        raise
    counts = table_rows(connection)
    return Outcome(
        path=path,
        size=path.stat().st_size + media.stat().st_size,
        tables=len(counts),
        rows=sum(counts.values()),
        seconds=time.monotonic() - started,
        media=media,
        files=files,
    )


def backup_restore(
    *,
    connection: BaseDatabaseWrapper,
    path: Path,
    force: bool,
    media_root: Path,
    without_media: bool = False,
) -> Outcome:
    """Replace the database with the backup at ``path`` and the uploaded files with its media
    archive; refuse a database that holds records, or a media folder that holds files, unless
    ``force``. Without the archive, refuse unless ``without_media`` (the files stay as they
    are)."""
    engine = engine_of(connection)
    kind = kind_of(path)
    if kind != engine:
        raise BackupError(
            f"{path.name} is a {NAMES[kind]} backup, but the database "
            f"“{connection.alias}” is {NAMES[engine]}: restore it into a {NAMES[kind]} database."
        )
    media = None if without_media else media_archive_for(path)
    if media is not None and not media.is_file():
        raise BackupError(
            f"The uploaded files of this backup are missing: there is no {media.name} beside "
            f"{path.name}. Put it there and run the restore again, or, for a backup made "
            "before uploaded files were included, add --without-media to restore only the "
            "database (the files in MEDIA_ROOT stay as they are)."
        )
    if not force:
        _refuse_if_not_empty(connection)
        if media is not None:
            _refuse_if_media_not_empty(media_root)
    started = time.monotonic()
    staging, files = _media_unpack(media, media_root) if media is not None else (None, 0)
    try:
        if engine == SQLITE:
            _sqlite_restore(connection, path)
        else:
            _pg_restore(connection, path)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)  # the files stay as they were
        raise
    replaced = None
    if staging is not None:
        try:
            replaced = _media_swap(staging, media_root)
        except OSError as exc:  # e.g. MEDIA_ROOT is a mount point, which cannot be renamed
            raise BackupError(
                f"The database was restored, but {media_root} could not be replaced ({exc}). "
                f"The backup's files are unpacked in {staging}: move them into {media_root}."
            ) from exc
    counts = table_rows(connection)
    return Outcome(
        path=path,
        size=path.stat().st_size + (media.stat().st_size if media is not None else 0),
        tables=len(counts),
        rows=sum(counts.values()),
        seconds=time.monotonic() - started,
        media=media,
        files=files,
        replaced_media=replaced,
    )


def _refuse_if_not_empty(connection: BaseDatabaseWrapper) -> None:
    held = {t: n for t, n in table_rows(connection).items() if n and t not in MIGRATE_FILLS}
    if held:
        largest = sorted(held.items(), key=lambda item: (-item[1], item[0]))[:3]
        examples = ", ".join(f"{table} {rows:,}" for table, rows in largest)
        raise BackupError(
            f"The database “{connection.alias}” is not empty: it holds {sum(held.values()):,} "
            f"rows in {len(held)} tables ({examples}…). A restore replaces everything in it. "
            "Back it up first if it matters, then run the restore again with --force."
        )


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.is_dir():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())


def _refuse_if_media_not_empty(media_root: Path) -> None:
    held = _media_files(media_root)
    if held:
        raise BackupError(
            f"The uploaded files folder {media_root} is not empty: it holds {len(held):,} "
            "files. A restore replaces them with the backup's (keeping them aside in a folder "
            "beside it). Run the restore again with --force to go ahead."
        )


# --- Uploaded files ---------------------------------------------------------------------------


def _media_backup(media_root: Path, target: Path) -> int:
    """Every file under ``media_root`` into a tar archive at ``target`` (written under a
    temporary name, owner only); an empty or missing folder gives an empty archive, so that
    a restore knows there were no files."""
    partial = target.with_name(target.name + ".partial")
    files = _media_files(media_root)
    try:
        with tarfile.open(partial, "w") as tar:
            for file in files:
                tar.add(file, arcname=file.relative_to(media_root).as_posix(), recursive=False)
        os.chmod(partial, 0o600)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
    return len(files)


def _media_unpack(archive: Path, media_root: Path) -> tuple[Path, int]:
    """The archive unpacked into a new folder beside ``media_root`` (so that the swap is a
    rename); plain files and folders only, every one inside it."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{media_root.name}.restoring-", dir=media_root.parent))
    try:
        with tarfile.open(archive, "r:") as tar:
            members = tar.getmembers()
            odd = [
                m.name
                for m in members
                if not (m.isfile() or m.isdir())
                or m.name.startswith("/")
                or ".." in Path(m.name).parts
            ]
            if odd:
                raise BackupError(
                    f"{archive.name} holds something other than files and folders inside "
                    f"the media folder ({odd[0]}): it was not made by `manage.py backup`; "
                    "nothing was restored."
                )
            tar.extractall(staging, filter="data")  # refuses absolute paths and ../
    except (tarfile.TarError, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(
            f"{archive.name} cannot be unpacked ({exc}); nothing was restored."
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, sum(1 for m in members if m.isfile())


def _media_swap(staging: Path, media_root: Path) -> Path | None:
    """Put the unpacked files in place; keep the files that were there aside, never deleted."""
    replaced, mode = None, 0o755
    if media_root.exists():
        mode = stat.S_IMODE(media_root.stat().st_mode)
        if any(media_root.iterdir()):
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%SZ")
            replaced = media_root.with_name(f"{media_root.name}.before-restore-{stamp}")
            media_root.rename(replaced)
        else:
            media_root.rmdir()
    staging.rename(media_root)
    media_root.chmod(mode)  # mkdtemp made it owner-only: as the folder it replaces
    return replaced


# --- SQLite ---------------------------------------------------------------------------------


def _sqlite_backup(connection: BaseDatabaseWrapper, target: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def _sqlite_restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            healthy = source.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            healthy = False
        if not healthy:
            raise BackupError(f"{path.name} is damaged (SQLite's integrity check failed).")
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()


# --- PostgreSQL -----------------------------------------------------------------------------


def pg_program(name: str) -> str:
    """``pg_dump`` or ``pg_restore``: from PG_BIN, the PATH, or Debian's PostgreSQL folders
    (the newest first, since a newer pg_dump reads an older server but not the reverse)."""
    folder = os.environ.get("PG_BIN", "")
    candidates = [str(Path(folder) / name)] if folder else []
    found = shutil.which(name)
    candidates += [found] if found else []
    candidates += sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
        reverse=True,
    )
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            return candidate
    raise BackupError(
        f"{name} was not found: install PostgreSQL's client programs (Debian: "
        "postgresql-client) or set PG_BIN to the folder that holds them."
    )


def _pg_environment(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """libpq's variables for the connection, so that no password is on a command line."""
    params = connection.get_connection_params()
    env = dict(os.environ)
    for key, variable in (
        ("host", "PGHOST"),
        ("port", "PGPORT"),
        ("user", "PGUSER"),
        ("password", "PGPASSWORD"),
        ("dbname", "PGDATABASE"),
        ("sslmode", "PGSSLMODE"),
    ):
        if params.get(key):
            env[variable] = str(params[key])
    return env


def _run(command: list[str], connection: BaseDatabaseWrapper, what: str) -> None:
    result = subprocess.run(  # noqa: S603 - fixed programs and arguments, no shell
        command, env=_pg_environment(connection), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{what} failed: {' '.join(detail[-3:]) or 'no message'}")


def _pg_dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    _run(
        [
            pg_program("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
        ],
        connection,
        "pg_dump",
    )


def _pg_restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    connection.close()  # pg_restore needs the tables it replaces free of this process's locks
    params = connection.get_connection_params()
    _run(
        [
            pg_program("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={params.get('dbname')}",
            str(path),
        ],
        connection,
        "pg_restore",
    )
