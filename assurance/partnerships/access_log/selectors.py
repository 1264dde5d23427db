"""Reads of the access log, for the business unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.http import Http404

from assurance.partnerships.access import Actor, scoped
from assurance.partnerships.access_log.models import AccessLogEntry
from assurance.partnerships.models import Person

PERMISSION = "access_log.view"


@dataclass(frozen=True)
class LoggedRecord:
    record_type: str
    record_id: int
    kind: str  # "audit case"
    reference: str  # its pseudonymised reference


def kind_of(record_type: str) -> str:
    """A record type's name for people (``audits.auditcase`` → ``audit case``)."""
    try:
        return str(apps.get_model(record_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return record_type


def get_logged_record(*, actor: Actor, record_type: str, record_id: int) -> LoggedRecord:
    """The record whose access log the actor asks for: 404 unless it is a record of the
    actor's partnership (another partnership's record does not exist here)."""
    actor.require(PERMISSION)
    try:
        model = apps.get_model(record_type)
    except (LookupError, ValueError) as exc:
        raise Http404("No such kind of record.") from exc
    if not hasattr(model, "objects_for"):
        raise Http404("No such kind of record.")
    record = model.objects_for(actor.partnership).filter(pk=record_id).first()
    if record is None:
        raise Http404("No such record.")
    return LoggedRecord(
        record_type=record_type,
        record_id=record_id,
        kind=kind_of(record_type),
        reference=str(record),
    )


def entries_for_record(*, actor: Actor, record: LoggedRecord) -> QuerySet[AccessLogEntry]:
    return (
        scoped(actor, AccessLogEntry.unscoped.all(), PERMISSION)
        .filter(record_type=record.record_type, record_id=record.record_id)
        .select_related("person__agency")
    )


def entries(
    *,
    actor: Actor,
    person: Person | None = None,
    record_type: str = "",
    reference: str = "",
    viewed_from: date | None = None,
    viewed_to: date | None = None,
) -> QuerySet[AccessLogEntry]:
    """The partnership's log, newest first, filtered by who looked, the kind of record, its
    reference (a part of it) and the days."""
    rows = scoped(actor, AccessLogEntry.unscoped.all(), PERMISSION).select_related("person__agency")
    if person is not None:
        rows = rows.filter(person=person)
    if record_type:
        rows = rows.filter(record_type=record_type)
    if reference:
        rows = rows.filter(reference__icontains=reference.strip())
    if viewed_from:
        rows = rows.filter(viewed_at__date__gte=viewed_from)
    if viewed_to:
        rows = rows.filter(viewed_at__date__lte=viewed_to)
    return rows


def record_types(*, actor: Actor) -> list[tuple[str, str]]:
    """The kinds of record the partnership's log has entries for: (record_type, name)."""
    found: Any = (
        scoped(actor, AccessLogEntry.unscoped.all(), PERMISSION)
        .order_by()
        .values_list("record_type", flat=True)
        .distinct()
    )
    return sorted(((t, kind_of(t)) for t in found), key=lambda pair: pair[1])
