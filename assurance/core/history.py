"""Readable change history for any record kept by django-simple-history.

History is read-only in the application: there is no view that edits or deletes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.db import models

_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}

M = TypeVar("M", bound=models.Model)


# django-simple-history keeps a change's reason in a column of 100 characters: PostgreSQL refuses
# a longer one (SQLite keeps it), so a reason quoting what someone typed is shortened to fit.
CHANGE_REASON_LENGTH = 100


def _fit_change_reason(instance: models.Model) -> None:
    reason = getattr(instance, "_change_reason", None)
    if isinstance(reason, str) and len(reason) > CHANGE_REASON_LENGTH:
        instance._change_reason = reason[: CHANGE_REASON_LENGTH - 1].rstrip() + "…"  # type: ignore[attr-defined]


def save_as(instance: M, actor: Any, **save_kwargs: Any) -> M:
    """Save ``instance`` with its history entry attributed to ``actor`` (an actor of the
    permission layer, or a user for system code such as the demo): the one way a write records
    who made it, in a request or not."""
    instance._history_user = getattr(actor, "user", actor)  # type: ignore[attr-defined]
    _fit_change_reason(instance)
    instance.save(**save_kwargs)
    return instance


def delete_as(instance: models.Model, actor: Any) -> None:
    """Delete ``instance``, its history's record of the deletion naming ``actor`` (as
    ``save_as``)."""
    instance._history_user = getattr(actor, "user", actor)  # type: ignore[attr-defined]
    _fit_change_reason(instance)
    instance.delete()


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    action: str
    changes: list[FieldChange]
    reason: str


def _display(model: type[models.Model], field_name: str, value: Any) -> str:
    try:
        field = model._meta.get_field(field_name)
    except Exception:
        return "" if value is None else str(value)
    if value is None or value == "":
        return "(blank)"
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if getattr(field, "choices", None):
        return str(dict(getattr(field, "flatchoices", ())).get(value, value))
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        manager = getattr(related, "unscoped", None) or related._default_manager  # type: ignore[union-attr]
        obj = manager.filter(pk=value).first()
        return str(obj) if obj is not None else f"(removed record {value})"
    return str(value)


def _label(model: type[models.Model], field_name: str) -> str:
    try:
        field = model._meta.get_field(field_name)
        return str(getattr(field, "verbose_name", field_name)).capitalize()
    except Exception:
        return field_name


def history_entries(instance: models.Model, *, exclude: tuple[str, ...] = ()) -> list[HistoryEntry]:
    """Every change to ``instance``, newest first, each with its field-by-field differences."""
    model = type(instance)
    records = list(
        instance.history.select_related("history_user").order_by("history_date", "history_id")  # type: ignore[attr-defined]
    )
    entries: list[HistoryEntry] = []
    previous = None
    for record in records:
        changes: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in exclude:
                    continue
                changes.append(
                    FieldChange(
                        field=_label(model, change.field),
                        old=_display(model, change.field, change.old),
                        new=_display(model, change.field, change.new),
                    )
                )
        else:
            for field in model._meta.concrete_fields:
                if field.name in ("id", *exclude) or field.name == "partnership":
                    continue
                value = getattr(record, field.attname, None)
                if value in (None, "", False):
                    continue
                changes.append(
                    FieldChange(
                        field=_label(model, field.name),
                        old="",
                        new=_display(model, field.name, value),
                    )
                )
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.full_name or user.email) if user else "The system",
                action=_TYPES.get(record.history_type, record.history_type),
                changes=changes,
                reason=record.history_change_reason or "",
            )
        )
        previous = record
    entries.reverse()
    return entries
