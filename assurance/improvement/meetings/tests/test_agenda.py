"""What goes on a group's agenda by default (pure rules, table-driven)."""

from datetime import date

import pytest

from assurance.improvement.meetings.agenda import Candidate, agenda_defaults

MEETING = date(2026, 6, 10)


def c(kind, key, when=None, discussed=False, status=""):
    return Candidate(kind, key, f"{kind} {key}", when, discussed, status)


CANDIDATES = [
    c("learning", 1, date(2026, 5, 1)),
    c("learning", 2, date(2026, 3, 1), discussed=True),
    c("exception", 3, date(2026, 5, 2)),
    c("exception", 4, date(2026, 2, 2), discussed=True),
    c("recommendation", 5, status="proposed"),
    c("recommendation", 6, status="more_info"),
    c("recommendation", 7, status="deferred"),
    c("action", 8, date(2026, 5, 1), status="overdue"),
    c("action", 9, date(2026, 7, 20), status="at_risk"),
    c("action", 10, date(2026, 12, 1), status="not_started"),
    c("action", 11, date(2026, 6, 30), status="on_track"),
]


@pytest.mark.parametrize(
    ("decides", "expected"),
    [
        # A group that assesses learning: new learning and exceptions, actions due or overdue
        (False, [3, 1, 8, 11, 9]),
        # The decision-making group: exceptions, recommendations awaiting decision, actions
        (True, [3, 5, 6, 8, 11, 9]),
    ],
)
def test_agenda_defaults(decides, expected):
    chosen = agenda_defaults(decides=decides, meeting_on=MEETING, candidates=CANDIDATES)
    assert [x.key for x in chosen] == expected
