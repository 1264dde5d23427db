"""Writes of the access log: an entry for a view of a record, and removing old entries."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from assurance.partnerships.access import Actor
from assurance.partnerships.access_log.models import AccessLogEntry


def access_log_record(*, actor: Actor, record: Any, page: str) -> AccessLogEntry:
    """One entry: the actor looked at ``record`` (a record of the actor's partnership) on
    ``page``. One INSERT, nothing read."""
    if record.partnership_id != actor.partnership.pk:
        raise ValueError("A view of another partnership's record cannot be logged here.")
    return AccessLogEntry.unscoped.create(
        partnership=actor.partnership,
        person=actor.person,
        user_id=getattr(actor.user, "pk", None),
        viewer=actor.person.full_name or str(actor.user),
        record_type=record._meta.label_lower,
        record_id=record.pk,
        reference=str(record)[:200],
        page=page[:300],
    )


def access_log_prune(*, keep_days: int, now: datetime | None = None) -> int:
    """Remove the entries older than ``keep_days`` days, in every partnership; how many."""
    if keep_days < 1:
        raise ValueError("Keep the access log for at least one day.")
    cutoff = (now or timezone.now()) - timedelta(days=keep_days)
    deleted, _ = AccessLogEntry.unscoped.filter(viewed_at__lt=cutoff).delete()
    return deleted
