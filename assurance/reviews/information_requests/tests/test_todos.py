"""An agency asked for its information sees it on its people's home page to-do list, with its
due date (late once past it), until it is submitted: joanna (the ICB's lead) for the ICB's
request; farah (the council's lead) not, as the council was not asked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assurance.core.registry import todos_for
from assurance.partnerships.access import actor_for_person
from assurance.reviews.information_requests.models import InformationStatus
from assurance.reviews.information_requests.tests.factories import InformationRequestFactory

pytestmark = pytest.mark.django_db


def _information_todos(person):  # type: ignore[no-untyped-def]
    return [t for t in todos_for(actor_for_person(person)) if "information for the rapid" in t.text]


def test_the_agency_asked_sees_its_request_until_it_is_submitted(
    northfield, incident, joanna, farah, client_for
):
    due = date.today() + timedelta(days=3)
    request = InformationRequestFactory(
        incident=incident,
        agency=northfield.health,
        requested_by=incident.recorded_by,
        requested_on=date.today(),
        due_on=due,
    )
    [todo] = _information_todos(joanna)
    assert todo.text == (
        "Give your agency's information for the rapid review of serious incident "
        f"{incident.reference} by {due:%A %-d %B %Y}"
    )
    assert todo.href == f"/p/{northfield.partnership.slug}/reviews/information/{request.pk}/"
    assert todo.status == f"Due {due:%-d %b}"
    assert _information_todos(farah) == []  # the council was not asked
    home = client_for(joanna).get(northfield.url("")).content.decode()
    assert f"serious incident {incident.reference} by {due:%A %-d %B %Y}" in home
    # Past its due date: late
    request.due_on = date.today() - timedelta(days=1)
    request.save()
    assert [t.status for t in _information_todos(joanna)] == ["Late"]
    # Submitted: off the list
    request.status = InformationStatus.SUBMITTED
    request.submitted_on = date.today()
    request.save()
    assert _information_todos(joanna) == []
