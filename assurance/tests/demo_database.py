"""The demo deployment for tests, loaded once per test process and put back in about a second.

``manage.py demo`` takes ten seconds and more of CPU; some twenty tests of a run read it. Each test
process loads it once, the first time a test asks for it, and keeps it:

* on in-memory SQLite (how ``make test`` runs): a copy of the database with the demo and a copy
  without it, made with SQLite's backup API; a test that reads the demo gets the first copied into
  its database before it starts, and the second after it ends;
* on PostgreSQL: a second test database, ``<test database>_demo``, made from the test database
  as a template; a test that reads the demo is connected to it instead, and back after it ends;
* anywhere else (a test database in a file): the demo is loaded again inside the test's
  transaction, as before.

In every case the test runs in a transaction that is rolled back, so what it changes never
reaches the next test. The ``demo`` fixture has to come before the test's transaction is opened:
``assurance/conftest.py`` puts it first among each test's fixtures.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


def _load() -> None:
    call_command("demo", quiet_logins=True)


def _connect_to(name: str) -> None:
    """Point the default connection at another database of the cluster (PostgreSQL): the next
    query opens a connection to it."""
    connection.close()
    connection.settings_dict["NAME"] = name


def _loaded() -> bool:
    from assurance.partnerships.models import Partnership

    return Partnership.unscoped.filter(slug="northfield").exists()


class DemoDatabase:
    """The test process's demo (see the module's docstring). ``enter()`` before the test's
    transaction and ``leave()`` after it; ``enter()`` returns False where the demo has to be
    loaded inside the test instead."""

    def __init__(self, unblock: Callable[[], Any]) -> None:
        self._unblock = unblock
        self._sqlite: tuple[sqlite3.Connection, sqlite3.Connection] | None = None
        self._postgres: tuple[str, str] | None = None  # (test database, demo database)

    @staticmethod
    def _in_memory_sqlite() -> bool:
        return connection.vendor == "sqlite" and connection.is_in_memory_db()

    def enter(self) -> bool:
        with self._unblock():
            if self._in_memory_sqlite():
                self._enter_sqlite()
            elif connection.vendor == "postgresql":
                self._enter_postgres()
            else:
                return False
        # The demo's rows were made by another copy of the database: forget the content types
        # this process has cached (a flushed test database numbers them anew).
        ContentType.objects.clear_cache()
        return True

    def leave(self) -> None:
        with self._unblock():
            if self._sqlite is not None and self._in_memory_sqlite():
                empty, _ = self._sqlite
                empty.backup(connection.connection)
            elif self._postgres is not None:
                _connect_to(self._postgres[0])
        ContentType.objects.clear_cache()

    def close(self) -> None:
        """At the end of the run: drop PostgreSQL's demo database."""
        if self._postgres is None:
            return
        test_name, demo_name = self._postgres
        with self._unblock():
            _connect_to(test_name)
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{demo_name}"')
        self._postgres = None

    # --- in-memory SQLite -------------------------------------------------------------------
    def _enter_sqlite(self) -> None:
        connection.ensure_connection()
        live = connection.connection
        if self._sqlite is None:
            empty = sqlite3.connect(":memory:", check_same_thread=False)
            live.backup(empty)
            _load()
            loaded = sqlite3.connect(":memory:", check_same_thread=False)
            live.backup(loaded)
            self._sqlite = (empty, loaded)
        else:
            self._sqlite[1].backup(live)

    # --- PostgreSQL ---------------------------------------------------------------------------
    def _enter_postgres(self) -> None:
        if self._postgres is None:
            test_name = str(connection.settings_dict["NAME"])
            self._postgres = (test_name, f"{test_name}_demo")
            self._make_postgres_copy()
        _connect_to(self._postgres[1])
        if not _loaded():  # a test that commits (transactional_db) emptied it: make it again
            self._make_postgres_copy()
            _connect_to(self._postgres[1])

    def _make_postgres_copy(self) -> None:
        """The demo database: a copy of the (empty) test database with the demo loaded."""
        assert self._postgres is not None
        test_name, demo_name = self._postgres
        _connect_to(test_name)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{demo_name}"')
            cursor.execute(f'CREATE DATABASE "{demo_name}" TEMPLATE "{test_name}"')
        _connect_to(demo_name)
        _load()
        with connection.cursor() as cursor:  # planner statistics, as a deployment would have
            cursor.execute("ANALYZE")
        _connect_to(test_name)

    # --- committed, for a live server ----------------------------------------------------------
    def load_committed(self) -> None:
        """The demo in the test database itself, committed (a live server's thread reads it);
        ``remove_committed()`` takes it away again."""
        with self._unblock():
            if self._in_memory_sqlite():
                self._enter_sqlite()
            else:
                _load()

    def remove_committed(self) -> None:
        with self._unblock():
            if self._sqlite is not None and self._in_memory_sqlite():
                self._sqlite[0].backup(connection.connection)
            else:
                call_command("flush", interactive=False, verbosity=0)
