"""Test data of rapid reviews: the review meeting.

``review_meeting(partnership, present=[farah, helen, joanna])`` is a meeting of a group on which
each of them holds a seat, held on Wednesday 1 April 2026, with their attendance recorded (those
in ``apologies`` sent apologies). With the council's, the police's and the health board's people
present it is quorate for the safeguarding partners' decision."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assurance.improvement.meetings.models import Attendance, Meeting
from assurance.improvement.meetings.tests.factories import MeetingFactory
from assurance.partnerships.models import Partnership, Person
from assurance.partnerships.tests.factories import GroupFactory


def review_meeting(
    partnership: Partnership,
    *,
    present: Sequence[Person],
    apologies: Sequence[Person] = (),
    held_on: date = date(2026, 4, 1),
) -> Meeting:
    group = GroupFactory(
        partnership=partnership,
        members=[*present, *apologies],
    )
    meeting = MeetingFactory(group=group, held_on=held_on)
    for person, here in [*((p, True) for p in present), *((p, False) for p in apologies)]:
        Attendance.unscoped.create(
            partnership=partnership,
            meeting=meeting,
            person=person,
            agency=person.agency,
            is_member=True,
            present=here,
        )
    return meeting
