"""When someone last looked at their home page, for "since your last visit" (a pure rule).

A visit is a run of home-page views with no gap of ``VISIT_GAP`` or more between them. While a
visit lasts, "since your last visit" stays fixed at the end of the visit before (the last time
they saw the home page then), so looking at the home page again an hour later still lists what
changed before the visit began. Kept per person in the database (``HomeVisit``), not in the
session: it holds on every device and across sign-ins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

VISIT_GAP = timedelta(hours=4)


@dataclass(frozen=True)
class Visit:
    started_at: datetime
    last_seen_at: datetime
    since: datetime | None  # the end of the visit before; None on the first visit


def visit_after(previous: Visit | None, now: datetime) -> Visit:
    """The visit that a home-page view at ``now`` belongs to."""
    if previous is None:
        return Visit(started_at=now, last_seen_at=now, since=None)
    if now - previous.last_seen_at >= VISIT_GAP:
        return Visit(started_at=now, last_seen_at=now, since=previous.last_seen_at)
    return Visit(
        started_at=previous.started_at,
        last_seen_at=max(now, previous.last_seen_at),
        since=previous.since,
    )
