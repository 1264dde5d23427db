"""Reads of the data version of a partnership's summaries."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from assurance.core import compiled
from assurance.dataset.summaries.models import SummaryVersion
from assurance.partnerships.models import Partnership


def _version_query(values: Mapping[str, Any]) -> QuerySet[Any]:
    return SummaryVersion.objects_for(Partnership(pk=values["partnership"])).values_list(
        "version", "changed_at"
    )


def summary_stamp(*, partnership: Partnership) -> tuple[int, Any] | None:
    """The partnership's current data version and when it moved on, by one query compiled once
    per process (every data set page reads it); None before anything was ever summarised."""
    rows = summary_stamp_read(partnership=partnership).rows()
    return rows[0] if rows else None


def summary_stamp_read(*, partnership: Partnership) -> compiled.Read:
    """The read of ``summary_stamp``, to be read with others (``compiled.ahead``)."""
    return compiled.read_of(
        f"{__name__}.version",
        _version_query,
        SummaryVersion,
        ints={"partnership": partnership.pk},
    )


def summary_version(*, partnership: Partnership) -> int | None:
    """The partnership's current data version; None before anything was ever summarised."""
    stamp = summary_stamp(partnership=partnership)
    return None if stamp is None else stamp[0]


def time_of_text(text: str | None) -> datetime | None:
    """A stored time read as text (``Cast(…, TextField())``) as the ORM reads it: aware, the
    same instant. PostgreSQL writes it with its offset (``2026-12-04 21:00:00.5+00``);
    SQLite as stored, in UTC without one."""
    if text is None:
        return None
    moment = parse_datetime(text)
    if moment is None:
        raise ValueError(f"Not a time: {text!r}")
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)
