"""The attendance registers fill the data set's multi-agency training indicator (WF-MA-TRAINING):
attendance per agency per quarter, with no retyping. A register taken or corrected later
updates the value (a published quarter's by a revision naming the session); the value links to
the quarter's attendance page, whose figures are the registers'.

Amira (business unit) runs last quarter's sessions: the council sent three people to one and
two to another, the police two; one of the council's did not come."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.collection.models import IndicatorValue, Revision
from assurance.dataset.collection.rules import period_containing, previous_period
from assurance.dataset.collection.services import round_open, round_publish
from assurance.partnerships.access import actor_for_person
from assurance.training.bookings.models import Booking
from assurance.training.bookings.selectors import quarter_of
from assurance.training.bookings.services import attendance_record
from assurance.training.tests.factories import BookingFactory, SessionFactory

CODE = "WF-MA-TRAINING"


@pytest.fixture
def quarter(db):
    catalogue_load()
    return previous_period(period_containing("quarterly", timezone.localdate()))


def _session(northfield, day):
    at = timezone.make_aware(datetime.combine(day, time(9, 30)))
    return SessionFactory(
        partnership=northfield.partnership, starts_at=at, ends_at=at + timedelta(hours=3)
    )


@pytest.fixture
def sessions(northfield, quarter):
    first = _session(northfield, quarter.start + timedelta(days=10))
    second = _session(northfield, quarter.end - timedelta(days=5))
    outside = _session(northfield, quarter.start - timedelta(days=3))  # the quarter before
    for session, agency, count in (
        (first, northfield.council, 3),
        (first, northfield.police, 2),
        (second, northfield.council, 2),
        (outside, northfield.council, 4),
    ):
        BookingFactory.create_batch(count, session=session, agency=agency)
    return first, second, outside


def _take_registers(amira, sessions, absent=()):
    for session in sessions:
        present = Booking.unscoped.filter(session=session).exclude(pk__in=[b.pk for b in absent])
        attendance_record(actor=actor_for_person(amira), session=session, attended=present)


def _open(amira, quarter):
    year, number = quarter_of(quarter.start)
    return round_open(
        actor=actor_for_person(amira),
        frequency="quarterly",
        business_year=year,
        number=number,
        opens_on=quarter.end + timedelta(days=1),
        due_on=quarter.end + timedelta(days=30),
    )


def _indicator(round):
    return {
        v.agency_id: v
        for v in IndicatorValue.objects_for(round.partnership).filter(
            round=round, indicator__code=CODE
        )
    }


def _registers(quarter):
    """The registers counted by hand: attended bookings of the quarter's sessions, by agency."""
    counts: dict[int, int] = {}
    for booking in Booking.unscoped.filter(attended=True).select_related("session"):
        if quarter.start <= timezone.localdate(booking.session.starts_at) <= quarter.end:
            counts[booking.agency_id] = counts.get(booking.agency_id, 0) + 1
    return counts


def test_the_indicator_equals_the_registers_when_the_round_opens(
    northfield, quarter, sessions, amira
):
    late = Booking.unscoped.filter(session=sessions[0], agency=northfield.council).first()
    _take_registers(amira, sessions, absent=[late])
    round = _open(amira, quarter)
    values = _indicator(round)
    assert {a: int(v.value) for a, v in values.items()} == _registers(quarter)
    assert _registers(quarter) == {northfield.council.pk: 4, northfield.police.pk: 2}
    assert {v.entered_via for v in values.values()} == {"system"}
    assert {v.source_label for v in values.values()} == {"Training attendance registers"}


def test_a_register_taken_after_the_round_opened_fills_it_and_a_correction_revises_it(
    northfield, quarter, sessions, amira, farah, client_for
):
    round = _open(amira, quarter)
    assert _indicator(round) == {}  # no register taken yet
    _take_registers(amira, sessions)
    assert {a: int(v.value) for a, v in _indicator(round).items()} == _registers(quarter)
    round_publish(actor=actor_for_person(amira), round=round)

    # a police officer was marked present by mistake: the register is corrected
    first = sessions[0]
    wrongly = Booking.unscoped.filter(session=first, agency=northfield.police).first()
    _take_registers(amira, [first], absent=[wrongly])
    police = _indicator(round)[northfield.police.pk]
    assert police.value == 1 == _registers(quarter)[northfield.police.pk]
    revision = Revision.objects_for(northfield.partnership).get(value=police)
    assert (revision.old_value, revision.new_value) == (2, 1)
    assert str(first) in revision.reason and revision.revised_by == amira
    assert [h.numerator for h in police.history.order_by("history_date")] == [2, 1]

    # the value links to the quarter's attendance page, which shows the same figures
    page = client_for(farah).get(police.source_href)
    assert page.status_code == 200
    html = page.content.decode()
    by_agency = html[html.index('id="by-agency"') : html.index('id="sessions"')]
    police_row = by_agency[by_agency.index(northfield.police.name) :]
    assert police_row.split("</tr>")[0].count(">1<") == 2  # present 1, absent 1
    assert str(first.course.title) in html


def test_a_register_of_another_quarter_leaves_the_round_alone(northfield, quarter, sessions, amira):
    round = _open(amira, quarter)
    _take_registers(amira, [sessions[2]])  # the quarter before
    assert _indicator(round) == {}


def test_the_attendance_page_refuses_a_quarter_that_does_not_exist(northfield, amira, client_for):
    assert client_for(amira).get(northfield.url("training/attendance/2025/5/")).status_code == 404
