"""The completion dashboard's rules, pure (table-tested without a database).

* **Area** is the postcode district of the setting's address as Get Information About Schools
  gives it (its ``Postcode`` column): the outward code, the part before the space ("NF3" of
  "NF3 7QX"). Every setting of a partnership is in its local authority, so the LA would not
  tell them apart; the district does.
* **Overdue**: a participant that has not submitted once the round's deadline has passed (the
  day after it).
* **Sorting**: by name, status (not started, in progress, submitted), last activity or last
  chased, either way.
* **A chase** goes to each person who fills in the participant's return, one e-mail each: how
  many e-mails, to how many organisations, and who has nobody to send to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

STATUS_ORDER = ("not_started", "in_progress", "submitted")
SORTS = ("name", "status", "activity", "chased")
ORDERS = ("asc", "desc")
_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")


def postcode_district(postcode: str) -> str:
    """The postcode's district (its outward code), or "" when it is not a postcode."""
    text = " ".join(postcode.upper().split())
    if " " in text:
        outward = text.split(" ")[0]
    elif len(text) >= 5:
        outward = text[:-3]
    else:
        outward = text
    return outward if _OUTWARD.match(outward) else ""


def is_overdue(*, status: str, deadline: date, today: date) -> bool:
    return status != "submitted" and deadline < today


def overdue_count(*, counts: Mapping[str, int], deadline: date, today: date) -> int:
    """How many are overdue, from the counts by status."""
    if deadline >= today:
        return 0
    return sum(n for status, n in counts.items() if status != "submitted")


def sort_choice(sort: str, order: str) -> tuple[str, str]:
    """The sort asked for, or the default (by name, A to Z) when it is not one of ours."""
    sort = sort if sort in SORTS else "name"
    order = order if order in ORDERS else ("desc" if sort in ("activity", "chased") else "asc")
    return sort, order


@dataclass(frozen=True)
class ChasePlan:
    emails: int
    organisations: int
    nobody: tuple[str, ...]  # names of those with nobody to send to


def chase_plan(recipients: Sequence[tuple[str, Sequence[str]]]) -> ChasePlan:
    """(participant's name, its addresses) for each participant to chase → what will be sent."""
    reached = [addresses for _, addresses in recipients if addresses]
    return ChasePlan(
        emails=sum(len(set(a)) for a in reached),
        organisations=len(reached),
        nobody=tuple(sorted(name for name, addresses in recipients if not addresses)),
    )
