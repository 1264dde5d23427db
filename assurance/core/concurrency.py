"""Saves made from a stale copy are refused, not written over someone else's change (ADR 012).

A form page carries a revision token: a fingerprint of each field's value as the page showed
it when it was opened (``revision_token``). At save, inside the transaction and with the
records locked (``lock``; SELECT ... FOR UPDATE where the database has it), the page builds
the form again from what is stored now and compares (``reconcile``): a field someone else
changed since the page was opened, to a value other than the one this person is saving, is a
conflict, and nothing is saved (``StaleEdit``). The page then shows, for each such field,
their value and this person's, with the form filled in with their value where this person had
not changed the field and with this person's value where they had.

The fingerprints compare what the person saw, whatever kind of form it is (a model's form, a
form over several records such as the data set's values, many-to-many choices), so one
mechanism serves every form page. Who made the other change, and when, is the records' latest
history entry (django-simple-history).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

REVISION_FIELD = "form_revision"
_SALT = "assurance.core.concurrency.revision"


# --- fingerprints (pure) ------------------------------------------------------------------------


def normalise(value: Any) -> Any:
    """A value as comparable text: a record as its key, choices of many as a sorted list,
    nothing as empty text, a number without trailing zeros."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, models.QuerySet | list | tuple | set | frozenset):
        return sorted((normalise(item) for item in value), key=str)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime) and timezone.is_aware(value):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def fingerprint(value: Any) -> str:
    """A short digest of a value (the token carries digests, never the values themselves)."""
    text = json.dumps(normalise(value), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Reconciliation:
    """What comparing the three states of a form found, field by field."""

    conflicts: list[str]  # changed by someone else, to a value other than the one being saved
    yours: list[str]  # fields this person changed since opening the page

    @property
    def is_stale(self) -> bool:
        return bool(self.conflicts)


def reconcile(
    *, opened: Mapping[str, str], theirs: Mapping[str, str], yours: Mapping[str, str]
) -> Reconciliation:
    """Compare the fingerprints of a form as it was opened, as stored now and as submitted.

    A field is a conflict when the stored value changed since the page was opened and differs
    from the value submitted (two people making the same change do not conflict). A field
    the opened page did not have (the form grew meanwhile) counts as unchanged by others."""
    conflicts = [
        name
        for name, now in theirs.items()
        if opened.get(name, now) != now and yours.get(name, now) != now
    ]
    changed = [name for name, value in yours.items() if value != opened.get(name, value)]
    return Reconciliation(conflicts=conflicts, yours=changed)


# --- forms and tokens ---------------------------------------------------------------------------


def shown_state(form: forms.BaseForm) -> dict[str, str]:
    """The fingerprint of each field's value as an unbound form shows it."""
    return {name: fingerprint(form[name].initial) for name in form.fields}


def submitted_state(form: forms.BaseForm) -> dict[str, str]:
    """The fingerprint of each field's value as a valid bound form would save it."""
    data = getattr(form, "cleaned_data", {})
    return {name: fingerprint(data[name]) for name in form.fields if name in data}


def revision_token(form: forms.BaseForm) -> str:
    """The token an unbound form's page carries: its fields' fingerprints, signed."""
    return signing.dumps(shown_state(form), salt=_SALT, compress=True)


def read_token(token: str) -> dict[str, str] | None:
    """The fingerprints a page was opened with, or None when there is no valid token."""
    if not token:
        return None
    try:
        state = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(state, dict):
        return None
    return {str(name): str(value) for name, value in state.items()}


def _choice_labels(field: forms.Field) -> dict[str, str]:
    labels: dict[str, str] = {}
    for key, label in getattr(field, "choices", ()):
        if isinstance(label, list | tuple):  # a group of choices
            labels.update({str(k): str(v) for k, v in label})
        else:
            labels[str(key)] = str(label)
    return labels


def display(field: forms.Field, value: Any) -> str:
    """A field's value as a person reads it: the label of a choice, a date in words."""
    if isinstance(value, models.QuerySet | list | tuple | set):
        items = list(value)
        return ", ".join(display(field, item) for item in items) if items else "(blank)"
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y, g:i a")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    if hasattr(field, "choices"):
        key = str(value.pk) if isinstance(value, models.Model) else str(value)
        return _choice_labels(field).get(key, str(value))
    return str(value)


# --- the check at save --------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldConflict:
    name: str
    label: str
    theirs: str
    yours: str
    you_changed: bool  # else their value is what the form now shows


@dataclass
class StaleEdit(Exception):
    """Someone else changed what the form shows after this person opened it."""

    conflicts: list[FieldConflict]
    changed_by: str = "Someone else"
    changed_at: datetime | None = None
    keep: dict[str, Any] = field(default_factory=dict)  # this person's values to show again
    token: str = ""  # the token of what is stored now

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        when = ""
        if self.changed_at is not None:
            when = " at " + date_format(timezone.localtime(self.changed_at), "g:i a \\o\\n j F Y")
        return (
            f"{self.changed_by} changed this{when}, after you opened it, so your changes have "
            "not been saved. Compare their values with yours below, then save again."
        )


def lock(records: Iterable[models.Model]) -> None:
    """Lock the rows of ``records`` until the transaction ends (no effect on SQLite, where a
    write transaction excludes the others anyway)."""
    by_model: dict[type[models.Model], list[Any]] = {}
    for record in records:
        if record.pk is not None:
            by_model.setdefault(type(record), []).append(record.pk)
    for model, pks in by_model.items():
        list(model._base_manager.select_for_update().filter(pk__in=pks).values_list("pk"))


def latest_change(records: Iterable[models.Model]) -> tuple[str, datetime | None]:
    """Who made the latest recorded change to any of ``records``, and when."""
    latest = None
    for record in records:
        history = getattr(record, "history", None)
        if history is None:
            continue
        entry = history.select_related("history_user").order_by("-history_date").first()
        if entry is not None and (latest is None or entry.history_date > latest.history_date):
            latest = entry
    if latest is None:
        return "Someone else", None
    user = latest.history_user
    who = (getattr(user, "full_name", "") or getattr(user, "email", "")) if user else ""
    return who or "Someone else", latest.history_date


def check(
    *,
    opened: Mapping[str, str],
    current: forms.BaseForm,
    submitted: forms.BaseForm,
    records: Iterable[models.Model],
    labels: Mapping[str, str] | None = None,
) -> None:
    """Raise ``StaleEdit`` when ``submitted`` (valid, bound) would overwrite a change made
    since the page was opened with ``opened``; ``current`` is the unbound form built from what
    is stored now (the records locked). ``labels`` names fields where their label alone would
    not say which field it is."""
    outcome = reconcile(
        opened=opened, theirs=shown_state(current), yours=submitted_state(submitted)
    )
    if not outcome.is_stale:
        return
    data = submitted.cleaned_data
    labels = labels or {}
    conflicts = [
        FieldConflict(
            name=name,
            label=labels.get(name) or str(current.fields[name].label or name),
            theirs=display(current.fields[name], current[name].initial),
            yours=display(submitted.fields[name], data.get(name)),
            you_changed=name in outcome.yours,
        )
        for name in outcome.conflicts
    ]
    who, when = latest_change(records)
    raise StaleEdit(
        conflicts=conflicts,
        changed_by=who,
        changed_at=when,
        keep={name: data[name] for name in outcome.yours if name in data},
        token=revision_token(current),
    )
