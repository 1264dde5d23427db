"""The signed-in session, read with one compiled query (``SESSION_ENGINE``).

Django's database store builds and compiles an ORM query to read the session on every signed-in
request: about twice what the database takes to answer. This store reads the same row through a
query compiled once per process (``core.compiled``, ADR 033) and keeps the session in the
database exactly as Django does: signing out, a password change or deleting the row ends the
session on every app server at once. Only reading is changed; writing, expiry and clean-up are
Django's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import models, router
from django.utils import timezone

from assurance.core import compiled

_COLUMNS = ("session_key", "session_data", "expire_date")


def _session_query(values: Mapping[str, Any]) -> models.QuerySet[Any]:
    return Session.objects.filter(session_key=values["key"]).values_list(*_COLUMNS)


class SessionStore(db.SessionStore):
    """Django's database session store, its row read by a compiled query."""

    def _get_session_from_db(self) -> Session | None:
        key = self.session_key
        if not key:
            self._session_key = None
            return None
        using = router.db_for_read(Session)
        template = compiled.kept(f"{__name__}.session", _session_query, texts=("key",), using=using)
        rows = template.rows({"key": key}, using=using)
        # As Django's store: a session past its expiry is no session (it is not deleted here:
        # `clearsessions` does that)
        if not rows or rows[0][2] <= timezone.now():
            self._session_key = None
            return None
        return Session.from_db(using, list(_COLUMNS), rows[0])
