"""Writes of the data version: what changes the figures of a partnership's summaries says so
here (``summaries_stale``), in the same transaction as the change; whoever recomputes the
summaries listens (``on_stale``: the performance pages' task, connected by the app's
``ready``), and is called once the change is committed. ADR 023."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from assurance.dataset.summaries.models import SummaryVersion
from assurance.dataset.summaries.selectors import summary_stamp
from assurance.partnerships.models import Partnership

# called after commit with the partnership ids whose summaries went stale (None: every one)
Listener = Callable[[list[int] | None], None]
_LISTENERS: list[Listener] = []


def on_stale(listener: Listener) -> None:
    """Call ``listener`` after every committed change that makes summaries stale."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def summaries_stale(*, partnerships: Iterable[Partnership | int] | None = None) -> int:
    """Move on the data version of ``partnerships`` (None: every partnership, for a change of
    global figures such as national statistics or the catalogue). Run it inside the change's
    transaction: a summary computed before the change commits is then older than the version
    and never shown as current. Returns how many versions moved on."""
    versions = SummaryVersion.unscoped.all()
    ids: list[int] | None = None
    if partnerships is not None:
        ids = sorted({p if isinstance(p, int) else p.pk for p in partnerships})
        versions = versions.filter(partnership_id__in=ids)
    moved = versions.update(version=F("version") + 1, changed_at=timezone.now())
    if ids != []:
        transaction.on_commit(lambda: _notify(ids))
    return moved


def _notify(ids: list[int] | None) -> None:
    for listener in list(_LISTENERS):
        listener(ids)


def summary_version_claim(*, partnership: Partnership) -> int:
    """The version a computation about to start is computed at (the row made at 0 the first
    time). Read it before reading the figures."""
    return summary_stamp_claim(partnership=partnership)[0]


def summary_stamp_claim(*, partnership: Partnership) -> tuple[int, str]:
    """The version and when it moved on (or was first claimed): together they name one state
    of the partnership's figures even across databases whose versions count the same (a
    restored backup, the tests' databases), as a cache key must (ADR 032). Read by one compiled
    query once the row exists (every data set page asks)."""
    stamp = summary_stamp(partnership=partnership)
    if stamp is not None:
        version, changed_at = stamp
        return version, changed_at.isoformat() if changed_at else ""
    row, _ = SummaryVersion.unscoped.get_or_create(
        partnership=partnership, defaults={"changed_at": timezone.now()}
    )
    return row.version, row.changed_at.isoformat() if row.changed_at else ""


def summary_version_lock(*, partnership: Partnership) -> int | None:
    """Lock the partnership's version row until the end of the transaction (a store and a
    change never interleave) and return its version."""
    return (
        SummaryVersion.unscoped.select_for_update()
        .filter(partnership=partnership)
        .values_list("version", flat=True)
        .first()
    )
