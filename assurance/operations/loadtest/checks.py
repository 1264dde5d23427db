"""Lost writes: every write the service acknowledged, read back from the database.

A simulated user records a ``Write`` only when the service said it was saved (a form page's
redirect, the API's 200). Each record is written by one simulated user at a time, so the last
acknowledged value of each (record, field) must be what the database holds now; anything else is
a lost write. The check reads through each model's base manager: the database as it is, with no
partnership scoping in the way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldError


@dataclass(frozen=True)
class Write:
    model: str  # "app_label.Model"
    filters: tuple[tuple[str, Any], ...]  # finds exactly one row
    field: str
    value: str  # as sent

    def key(self) -> tuple[str, tuple[tuple[str, Any], ...], str]:
        return (self.model, self.filters, self.field)

    def as_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "filters": [list(pair) for pair in self.filters],
            "field": self.field,
            "value": self.value,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Write:
        return cls(
            model=data["model"],
            filters=tuple((str(k), v) for k, v in data["filters"]),
            field=data["field"],
            value=data["value"],
        )


@dataclass(frozen=True)
class Lost:
    write: Write
    stored: str  # what the database holds, or why nothing could be read

    def __str__(self) -> str:
        where = ", ".join(f"{k}={v}" for k, v in self.write.filters)
        return (
            f"{self.write.model} ({where}) {self.write.field}: acknowledged "
            f"{self.write.value!r}, stored {self.stored}"
        )


def same(stored: Any, sent: str) -> bool:
    """Whether the stored value is the value sent: numbers as numbers ("12" is 12.0000),
    everything else as text; nothing stored is never the same as something sent."""
    if stored is None:
        return sent == ""
    if isinstance(stored, Decimal | int | float) and not isinstance(stored, bool):
        try:
            return Decimal(str(stored)) == Decimal(sent.replace(",", ""))
        except InvalidOperation:
            return False
    return str(stored) == sent


def last_acknowledged(writes: Iterable[Write]) -> list[Write]:
    """The last acknowledged write of each record's field, in the order given."""
    last: dict[tuple[Any, ...], Write] = {}
    for write in writes:
        last.pop(write.key(), None)
        last[write.key()] = write
    return list(last.values())


def lost_writes(writes: Iterable[Write]) -> tuple[int, list[Lost]]:
    """How many (record, field) pairs were checked, and those whose stored value is not the
    last acknowledged one."""
    checked, lost = 0, []
    for write in last_acknowledged(writes):
        checked += 1
        try:
            model = apps.get_model(write.model)
            rows = list(
                model._base_manager.filter(**dict(write.filters)).values_list(
                    write.field, flat=True
                )[:2]
            )
        except (LookupError, FieldError) as exc:
            lost.append(Lost(write, f"nothing readable ({exc})"))
            continue
        if len(rows) != 1:
            lost.append(Lost(write, "no such row" if not rows else "more than one row"))
        elif not same(rows[0], write.value):
            lost.append(Lost(write, repr(rows[0])))
    return checked, lost
