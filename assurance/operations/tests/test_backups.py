"""``manage.py backup`` and ``restore``: a round trip into an empty database gives back every
table, row for row, and every uploaded file, byte for byte, on SQLite and (in the PostgreSQL pass
of ``make test``) on PostgreSQL."""

from __future__ import annotations

import re
import shutil
import stat
import tarfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import load_backend

from assurance.core.history import save_as
from assurance.operations.backups import (
    backup_name,
    backup_restore,
    database_digest,
    kind_of,
    media_archive_for,
    table_rows,
)
from assurance.partnerships.models import Partnership
from assurance.partnerships.tests.factories import PersonFactory, Tenant, TenantFactory

NAME = re.compile(r"^assurance-(sqlite-\d{8}-\d{6}Z\.sqlite3|postgresql-\d{8}-\d{6}Z\.dump)$")
EVIDENCE = "evidence/2026/12/audit-summary.pdf"


@pytest.fixture(autouse=True)
def media(tmp_path: Path) -> Iterator[Path]:
    """MEDIA_ROOT in the test's own folder, holding one uploaded file."""
    root = tmp_path / "media"
    (root / EVIDENCE).parent.mkdir(parents=True)
    (root / EVIDENCE).write_bytes(b"%PDF-1.7 evidence \x00\xff" * 100)
    previous = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = str(root)
    yield root
    settings.MEDIA_ROOT = previous


def _made(directory: Path) -> Path:
    """The database's file of the one backup in ``directory`` (beside it, its media archive)."""
    made = sorted(directory.iterdir())
    [database] = [p for p in made if not p.name.endswith(".media.tar")]
    assert made == sorted([database, media_archive_for(database)])
    return database


@pytest.mark.parametrize(
    ("engine", "when", "name"),
    [
        (
            "sqlite",
            datetime(2026, 12, 3, 4, 5, 6, tzinfo=UTC),
            "assurance-sqlite-20261203-040506Z.sqlite3",
        ),
        (
            "postgresql",
            datetime(2027, 1, 9, 23, 0, 0, tzinfo=UTC),
            "assurance-postgresql-20270109-230000Z.dump",
        ),
    ],
)
def test_a_backup_is_named_for_its_engine_and_time(engine: str, when: datetime, name: str) -> None:
    assert backup_name(engine=engine, when=when) == name


def _records() -> Tenant:
    """Two partnerships with agencies and people (sign-in accounts with their passwords), and
    a change in the history, so that many tables hold rows."""
    northfield = TenantFactory(slug="northfield", name="Northfield")
    southvale = TenantFactory(slug="southvale", name="Southvale")
    amira = PersonFactory(partnership=northfield.partnership, agency=northfield.council)
    PersonFactory(partnership=southvale.partnership, agency=southvale.police)
    partnership = northfield.partnership
    partnership.name = "Northfield Safeguarding Children Partnership"
    save_as(partnership, amira.user)
    return northfield


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[BaseDatabaseWrapper]:
    """A connection to a second database, new and empty, of the same engine as the test
    database (made outside Django's table of connections, as an operator's new server is)."""
    settings_dict = dict(connections["default"].settings_dict)
    name = ""
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    else:
        name = f"restored_{uuid.uuid4().hex[:12]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        settings_dict["NAME"] = name
    target = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias="restored")
    try:
        yield target
    finally:
        target.close()
        if name:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _round_trip(tmp_path: Path, empty_database: BaseDatabaseWrapper, media: Path) -> None:
    _records()
    out = StringIO()
    call_command("backup", output_dir=tmp_path / "backups", stdout=out)
    backup = _made(tmp_path / "backups")
    assert NAME.match(backup.name), backup.name
    assert kind_of(backup) == connection.vendor
    archive = media_archive_for(backup)
    for made in (backup, archive):  # they hold everything: owner only
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert f"to {backup} and 1 uploaded files to {archive}" in out.getvalue()
    uploaded = (media / EVIDENCE).read_bytes()
    new_server = tmp_path / "new-server" / "media"  # a new machine: no files yet

    before = database_digest(connection)
    assert before["partnerships_partnership"][0] == 2
    assert before["partnerships_historicalpartnership"][0] >= 3

    assert table_rows(empty_database) == {}
    outcome = backup_restore(
        connection=empty_database, path=backup, force=False, media_root=new_server
    )
    assert (new_server / EVIDENCE).read_bytes() == uploaded
    assert outcome.files == 1 and outcome.replaced_media is None
    after = database_digest(empty_database)
    assert set(after) == set(before)  # every table
    differ = [t for t in before if before[t] != after[t]]
    assert not differ, f"These tables differ after the round trip: {differ}"
    assert outcome.rows == sum(count for count, _ in before.values())
    assert outcome.tables == len(before)


@pytest.mark.django_db(transaction=True)
def test_sqlite_round_trip_into_an_empty_database_gives_back_every_row_and_file(
    tmp_path: Path, empty_database: BaseDatabaseWrapper, media: Path
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite pass")
    _round_trip(tmp_path, empty_database, media)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgresql_round_trip_into_an_empty_database_gives_back_every_row_and_file(
    tmp_path: Path, empty_database: BaseDatabaseWrapper, media: Path
) -> None:
    _round_trip(tmp_path, empty_database, media)


@pytest.mark.django_db(transaction=True)
def test_a_database_holding_records_is_replaced_only_with_force(tmp_path: Path) -> None:
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    saved = database_digest(connection)
    # Something recorded after the backup: a restore would lose it, so it is refused.
    TenantFactory(slug="eastmoor", name="Eastmoor")
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup), stdout=StringIO())
    assert "The database “default” is not empty" in str(refused.value)
    assert "run the restore again with --force" in str(refused.value)
    assert Partnership.unscoped.filter(slug="eastmoor").exists()  # nothing changed

    call_command("restore", str(backup), force=True, stdout=StringIO())
    assert database_digest(connection) == saved
    assert not Partnership.unscoped.filter(slug="eastmoor").exists()


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_refused_clearly(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    with pytest.raises(CommandError, match=r"notes.txt is not a backup made by `manage.py backup`"):
        call_command("restore", str(notes), stdout=StringIO())
    with pytest.raises(CommandError, match="There is no backup file at"):
        call_command("restore", str(tmp_path / "missing.dump"), stdout=StringIO())


@pytest.mark.django_db
def test_a_backup_of_the_other_engine_is_refused_clearly(tmp_path: Path) -> None:
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    magic = b"PGDMP\x01\x0e\x00" if other == "postgresql" else b"SQLite format 3\x00"
    backup = tmp_path / backup_name(engine=other, when=datetime.now(UTC))
    backup.write_bytes(magic + b"\x00" * 100)
    with pytest.raises(CommandError, match=r"is a (PostgreSQL|SQLite) backup, but the database"):
        call_command("restore", str(backup), stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_damaged_sqlite_backup_changes_nothing(tmp_path: Path, media: Path) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite pass")
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    data = bytearray(backup.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of the file overwritten
    backup.write_bytes(bytes(data))
    saved = table_rows(connection)
    (media / "added-since.txt").write_text("uploaded after the backup")
    files = sorted(media.rglob("*"))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(backup), force=True, stdout=StringIO())
    assert table_rows(connection) == saved
    assert sorted(media.rglob("*")) == files  # the files as they were, nothing left behind
    assert sorted(p.name for p in media.parent.iterdir()) == ["backups", "media"]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_failed_postgresql_restore_changes_nothing(tmp_path: Path) -> None:
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])  # cut short
    saved = database_digest(connection)
    with pytest.raises(CommandError, match="pg_restore failed"):
        call_command("restore", str(backup), force=True, stdout=StringIO())
    assert database_digest(connection) == saved


@pytest.mark.django_db(transaction=True)
def test_a_just_migrated_database_counts_as_empty(tmp_path: Path, media: Path) -> None:
    """``migrate`` fills the migrations, content types and permissions by itself: a database
    holding only those is restored into without --force (with no uploaded files yet)."""
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    saved = database_digest(connection)
    call_command("flush", interactive=False, stdout=StringIO())  # as new, then post_migrate
    shutil.rmtree(media)
    media.mkdir()  # an empty folder, as a new server has
    assert table_rows(connection)["django_content_type"] > 0
    call_command("restore", str(backup), stdout=StringIO())
    assert database_digest(connection) == saved
    assert (media / EVIDENCE).is_file()


@pytest.mark.django_db(transaction=True)
def test_uploaded_files_are_replaced_only_with_force_and_kept_aside(
    tmp_path: Path, media: Path
) -> None:
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    call_command("flush", interactive=False, stdout=StringIO())
    (media / "added-since.txt").write_text("uploaded after the backup")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup), stdout=StringIO())
    assert f"The uploaded files folder {media} is not empty: it holds 2 files" in str(refused.value)
    assert Partnership.unscoped.count() == 0  # nothing restored

    out = StringIO()
    call_command("restore", str(backup), force=True, stdout=out)
    assert sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()) == [
        EVIDENCE
    ]
    [aside] = media.parent.glob("media.before-restore-*")
    assert (aside / "added-since.txt").read_text() == "uploaded after the backup"
    assert f"kept in {aside}" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_backup_without_its_files_is_restored_only_when_told(tmp_path: Path, media: Path) -> None:
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    media_archive_for(backup).unlink()
    saved = database_digest(connection)
    call_command("flush", interactive=False, stdout=StringIO())

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup), stdout=StringIO())
    assert f"there is no {media_archive_for(backup).name} beside {backup.name}" in str(
        refused.value
    )
    assert "add --without-media" in str(refused.value)

    out = StringIO()
    call_command("restore", str(backup), without_media=True, stdout=out)
    assert database_digest(connection) == saved
    assert "the uploaded files were left as they are" in out.getvalue()
    assert (media / EVIDENCE).is_file()


@pytest.mark.parametrize("bad", ["../outside.txt", "/etc/cron.d/outside", "link"])
@pytest.mark.django_db(transaction=True)
def test_an_archive_reaching_outside_the_media_folder_restores_nothing(
    tmp_path: Path, media: Path, bad: str
) -> None:
    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")
    archive = media_archive_for(backup)
    with tarfile.open(archive, "a") as tar:
        member = tarfile.TarInfo(bad)
        if bad == "link":
            member.type, member.linkname = tarfile.SYMTYPE, "/etc/passwd"
            tar.addfile(member)
        else:
            member.size = 4
            tar.addfile(member, fileobj=BytesIO(b"evil"))
    TenantFactory(slug="eastmoor", name="Eastmoor")  # recorded after the backup
    files = sorted(media.rglob("*"))

    with pytest.raises(CommandError, match="nothing was restored"):
        call_command("restore", str(backup), force=True, stdout=StringIO())
    assert Partnership.unscoped.filter(slug="eastmoor").exists()
    assert sorted(media.rglob("*")) == files
    assert not (tmp_path / "outside.txt").exists()
    assert sorted(p.name for p in media.parent.iterdir()) == ["backups", "media"]


@pytest.mark.django_db(transaction=True)
def test_a_media_folder_that_cannot_be_replaced_says_where_the_files_are(
    tmp_path: Path, media: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assurance.operations import backups

    _records()
    call_command("backup", output_dir=tmp_path / "backups", stdout=StringIO())
    backup = _made(tmp_path / "backups")

    def busy(staging: Path, media_root: Path) -> None:
        raise OSError(16, "Device or resource busy")

    monkeypatch.setattr(backups, "_media_swap", busy)
    with pytest.raises(CommandError) as failed:
        call_command("restore", str(backup), force=True, stdout=StringIO())
    message = str(failed.value)
    assert f"The database was restored, but {media} could not be replaced" in message
    [staging] = media.parent.glob(".media.restoring-*")
    assert f"unpacked in {staging}: move them into {media}" in message
    assert (staging / EVIDENCE).read_bytes() == (media / EVIDENCE).read_bytes()
