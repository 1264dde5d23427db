""" "Since your last visit": the rule as a table, and the record kept per person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import HomeVisit, Person
from assurance.partnerships.services import home_visit_record
from assurance.partnerships.visits import (
    FIRST_VISIT,
    VISIT_GAP,
    Visit,
    Window,
    changes_window,
    visit_after,
)

MON_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
MONDAY = Visit(started_at=MON_9, last_seen_at=MON_9 + HOUR, since=MON_9 - 3 * 24 * HOUR)


@pytest.mark.parametrize(
    ("previous", "now", "expected"),
    [
        # The first look at the home page: nothing before it.
        (None, MON_9, Visit(MON_9, MON_9, None)),
        # An hour after the last look: the same visit; "since" does not move.
        (MONDAY, MON_9 + 2 * HOUR, Visit(MON_9, MON_9 + 2 * HOUR, MONDAY.since)),
        # Just under the gap: still the same visit.
        (
            MONDAY,
            MONDAY.last_seen_at + VISIT_GAP - timedelta(seconds=1),
            Visit(MON_9, MONDAY.last_seen_at + VISIT_GAP - timedelta(seconds=1), MONDAY.since),
        ),
        # The gap or more: a new visit, since the last look of the one before.
        (
            MONDAY,
            MONDAY.last_seen_at + VISIT_GAP,
            Visit(
                MONDAY.last_seen_at + VISIT_GAP,
                MONDAY.last_seen_at + VISIT_GAP,
                MONDAY.last_seen_at,
            ),
        ),
        # A clock that went backwards never moves the last look back.
        (MONDAY, MON_9, Visit(MON_9, MONDAY.last_seen_at, MONDAY.since)),
    ],
)
def test_a_visit_lasts_until_a_gap(previous: Visit | None, now: datetime, expected: Visit) -> None:
    assert visit_after(previous, now) == expected


def test_the_last_visit_is_kept_per_person_in_the_database(corinne: Person) -> None:
    actor = actor_for_person(corinne)
    first = home_visit_record(actor=actor, now=MON_9)
    assert first.since is None
    again = home_visit_record(actor=actor, now=MON_9 + HOUR)
    assert again.since is None
    tuesday = home_visit_record(actor=actor, now=MON_9 + 24 * HOUR)
    assert tuesday.since == MON_9 + HOUR
    row = HomeVisit.unscoped.get(person=corinne)
    assert (row.started_at, row.last_seen_at, row.since) == (
        MON_9 + 24 * HOUR,
        MON_9 + 24 * HOUR,
        MON_9 + HOUR,
    )
    assert HomeVisit.unscoped.count() == 1


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        # The first visit: the last 90 days.
        (None, Window(MON_9 - FIRST_VISIT, "in the last 90 days")),
        # Later visits: since the end of the one before, however long ago.
        (MON_9 - HOUR, Window(MON_9 - HOUR, "since your last visit")),
        (MON_9 - 400 * 24 * HOUR, Window(MON_9 - 400 * 24 * HOUR, "since your last visit")),
    ],
)
def test_events_are_listed_since_the_last_visit(since: datetime | None, expected: Window) -> None:
    assert changes_window(since, MON_9) == expected
