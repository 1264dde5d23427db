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


# What happened on a first visit: nothing is "since the last visit", so look this far back.
FIRST_VISIT = timedelta(days=90)


@dataclass(frozen=True)
class Window:
    """From when a home page's "what changed" sections list events, and how they say so."""

    start: datetime
    words: str  # "since your last visit" or "in the last 90 days"


def changes_window(since: datetime | None, now: datetime) -> Window:
    """Events (an audit closed, a decision taken without a quorum) since the last visit, or in
    the last ``FIRST_VISIT`` on the first one. States (a challenge awaiting its answer, an
    action overdue) are not events: they are listed while they last."""
    if since is None:
        return Window(now - FIRST_VISIT, f"in the last {FIRST_VISIT.days} days")
    return Window(since, "since your last visit")
