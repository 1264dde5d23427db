"""The annual report tests' records: Northfield's executive (farah for the council, helen for
the police, joanna for health hold its seats), a meeting of it with each of them present
(quorate) and one without the police (not quorate), and a draft report for last year."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from assurance.annualreport.reports.models import AnnualReport
from assurance.annualreport.tests.factories import AnnualReportFactory
from assurance.improvement.meetings import services as meetings
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Group, Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant


@pytest.fixture
def executive(northfield: Tenant, farah: Person, helen: Person, joanna: Person) -> Group:
    return GroupFactory(
        partnership=northfield.partnership,
        name="Partnership executive",
        short_name="LSCP",
        purpose="Decides.",
        meeting_frequency="three_per_year",
        decision_making=True,
        members=[farah, helen, joanna],
    )


def _meeting(group: Group, amira: Person, present: list[Person], days_ago: int) -> Meeting:
    actor = actor_for_person(amira)
    held_on = timezone.localdate() - timedelta(days=days_ago)
    meeting = meetings.meeting_create(actor=actor, group=group, held_on=held_on)
    meetings.attendance_record(actor=actor, meeting=meeting, present=present)
    return meeting


@pytest.fixture
def quorate(
    executive: Group, amira: Person, farah: Person, helen: Person, joanna: Person
) -> Meeting:
    return _meeting(executive, amira, [farah, helen, joanna], 10)


@pytest.fixture
def inquorate(executive: Group, amira: Person, farah: Person, joanna: Person) -> Meeting:
    return _meeting(executive, amira, [farah, joanna], 20)


@pytest.fixture
def report(northfield: Tenant) -> AnnualReport:
    return AnnualReportFactory(partnership=northfield.partnership)
