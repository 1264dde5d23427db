"""What each row of the deadline board shows, worked out once per row (``board/display.py``),
and drawn once per content (ADR 032): the texts are those the board's template wrote before
(the ``date`` filter, ``reviews/_deadline.html``), the rows come from the cache on the second
request, and a review that moves on (a step done) is drawn anew at once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.template import engines
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone

from assurance.reviews.board import display
from assurance.reviews.board.timeline import Deadline
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory


@pytest.mark.parametrize("month", range(1, 13))
def test_dates_are_written_as_the_date_filter_writes_them(month: int) -> None:
    for day in (date(2026, month, 1), date(2027, month, 28)):
        assert display.short_date(day) == date_filter(day, "j M Y")


def test_each_review_page_address_is_the_reversed_one() -> None:
    assert display.incident_hrefs("north-field", [1, 17, 2026]) == {
        pk: reverse("reviews:incident_detail", args=["north-field", pk]) for pk in (1, 17, 2026)
    }


DUE = date(2026, 3, 23)


@pytest.mark.parametrize(
    "deadline",
    [
        Deadline("rapid_review", "Send", DUE, None, late=False, days_left=3),
        Deadline("rapid_review", "Send", DUE, None, late=False, days_left=1),
        Deadline("rapid_review", "Send", DUE, None, late=False, days_left=0),
        Deadline("rapid_review", "Send", DUE, None, late=True, days_left=0),  # a Saturday after
        Deadline("rapid_review", "Send", DUE, None, late=True, days_left=-1),
        Deadline("rapid_review", "Send", DUE, None, late=True, days_left=-12),
        Deadline("rapid_review", "Send", DUE, DUE, late=False, days_left=None),
        Deadline("rapid_review", "Send", DUE, DUE + timedelta(days=1), late=True, days_left=None),
    ],
)
def test_the_working_days_left_are_what_the_deadline_partial_shows(deadline: Deadline) -> None:
    """``_when`` gives the words and colour ``reviews/_deadline.html`` draws (a review's page
    still uses it), so the board says exactly what it said before."""
    engine = engines["django"]
    partial = engine.get_template("reviews/_deadline.html").render({"d": deadline})
    words, colour = display._when(deadline)
    drawn = engine.from_string(
        '{% if colour %}{% include "core/status_tag.html" with label=words colour=colour %}'
        "{% else %}{{ words }}{% endif %}"
    ).render({"words": words, "colour": colour})
    assert drawn.strip() == partial.strip()


def test_another_partnership_never_gets_the_rows_drawn_for_one() -> None:
    row = {"reference": "SI-2026-01", "when": "3 working days left"}
    assert display.digest([row], partnership_id=1) != display.digest([row], partnership_id=2)
    assert display.digest([row], partnership_id=1) == display.digest([dict(row)], partnership_id=1)
    assert display.digest([row], partnership_id=1) != display.digest(
        [{**row, "when": "2 working days left"}], partnership_id=1
    )


def _tags(response) -> int:  # type: ignore[no-untyped-def]
    return sum(t.name == "core/status_tag.html" for t in response.templates)


def _board(page: str) -> str:
    return page.split('id="board"')[1].split("</table>")[0]


@pytest.mark.django_db
def test_the_rows_are_drawn_once_per_content(northfield, amira, farah, client_for):
    """The second request of the same board draws no row: they come drawn from the cache, and
    what it shows is exactly what the first drew. A review notified since is drawn anew."""
    today = timezone.localdate()
    incident = SeriousIncidentFactory(
        partnership=northfield.partnership,
        recorded_by=amira,
        reference="SI-2026-07",
        became_aware_on=today - timedelta(days=1),
        panel=[farah],
    )
    client = client_for(amira)
    url = northfield.url("reviews/?show=all")
    first = client.get(url)
    assert _tags(first) == 1  # the row's stage
    row = _board(first.text)
    assert "SI-2026-07" in row and "Notify the Panel" in row
    assert f'href="/p/{northfield.partnership.slug}/reviews/{incident.pk}/"' in row
    again = client.get(url)
    assert _tags(again) == 0
    assert _board(again.text) == row
    SeriousIncident.unscoped.filter(pk=incident.pk).update(notified_on=today)
    notified = client.get(url)
    assert _tags(notified) == 1
    assert "Send the rapid review to the Panel" in _board(notified.text)
    # Another reader of the same rows (farah is on the panel) is served the same drawing
    assert _board(client_for(farah).get(url).text) == _board(notified.text)


@pytest.mark.django_db
def test_late_information_is_answered_late_or_past_due_and_not_answered(
    northfield, incident, amira
):
    from assurance.reviews.board.selectors import information_late
    from assurance.reviews.information_requests.tests.factories import (
        InformationRequestFactory,
    )

    other = SeriousIncidentFactory(
        partnership=northfield.partnership, recorded_by=amira, reference="SI-2026-02"
    )
    due = date(2026, 3, 9)
    cases = [  # (agency, incident, submitted on)
        (northfield.council, incident, date(2026, 3, 9)),  # on the day: in time
        (northfield.police, incident, date(2026, 3, 10)),  # a day after: late
        (northfield.health, incident, None),  # not yet: late once past the 9th
        (northfield.school, other, None),
    ]
    for agency, on, submitted in cases:
        InformationRequestFactory(
            incident=on,
            agency=agency,
            requested_by=amira,
            due_on=due,
            submitted_on=submitted,
            status="submitted" if submitted else "not_started",
        )
    ask = {"partnership_id": northfield.partnership.pk, "incident_ids": {incident.pk}}
    police, health = northfield.police.short_name, northfield.health.short_name
    assert information_late(**ask, today=due) == {incident.pk: (police,)}
    late = information_late(**ask, today=due + timedelta(days=1))
    assert sorted(late[incident.pk]) == sorted([police, health])
    both = information_late(
        **{**ask, "incident_ids": {incident.pk, other.pk}}, today=date(2027, 1, 1)
    )
    assert both[other.pk] == (northfield.school.short_name,)
    assert information_late(**{**ask, "incident_ids": set()}, today=date(2027, 1, 1)) == {}


@pytest.mark.django_db
def test_the_board_s_cells_are_kept_under_what_they_show(incident, amira) -> None:
    """The cells and their digest are worked out once for the same rows, and anew when a
    review changes (here its reference): a kept board is never out of date."""
    from dataclasses import replace

    from assurance.partnerships.access import actor_for_person
    from assurance.reviews.board.selectors import board

    rows = tuple(board(actor=actor_for_person(amira), show="all").rows)
    slug, pk = amira.partnership.slug, amira.partnership_id
    first = display.board_cells(rows, slug=slug, partnership_id=pk)
    assert display.board_cells(tuple(rows), slug=slug, partnership_id=pk) is first
    assert first[0][0]["reference"] == incident.reference
    renamed = (replace(rows[0], review=rows[0].review._replace(reference="SI-2026-99")),)
    cells, key = display.board_cells(renamed, slug=slug, partnership_id=pk)
    assert cells[0]["reference"] == "SI-2026-99" and key != first[1]
    assert display.board_cells(rows, slug=slug, partnership_id=pk + 1)[1] != first[1]
