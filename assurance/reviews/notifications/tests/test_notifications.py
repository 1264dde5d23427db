"""Serious incident notifications: amira (the business unit) records one with the people who
may read it; farah and helen, named on it, open it; joanna (the ICB's lead) is not named, so for
her the review does not exist (404) and the board shows her only anonymised counts; dev (a
viewer) may not see reviews at all. No child's identifier is kept without a reason."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from assurance.partnerships.access import actor_for_person, scoped
from assurance.reviews.notifications import services
from assurance.reviews.notifications.models import SeriousIncident

pytestmark = pytest.mark.django_db


def _form(northfield, **over):  # type: ignore[no-untyped-def]
    data = {
        "incident_type": "serious_harm",
        "age_band": "1_4",
        "summary": "A toddler was admitted with burns; the family was known to early help.",
        "became_aware_on": "2026-03-02",
        "area": "Dale East",
        "agencies": [northfield.council.pk, northfield.police.pk],
        "panel": [],
    }
    data.update(over)
    return data


def test_recording_a_serious_incident(northfield, amira, farah, helen, joanna, client_for):
    client = client_for(amira)
    form = client.get(northfield.url("reviews/new/")).content.decode()
    for absent in ("name", "date of birth", "address"):
        assert f"Child's {absent}" not in form and f"child's {absent}" not in form.lower()
    response = client.post(
        northfield.url("reviews/new/"),
        _form(northfield, panel=[farah.pk, helen.pk], notified_on="2026-03-06"),
    )
    assert response.status_code == 302, response.content.decode()
    incident = SeriousIncident.unscoped.get()
    assert incident.reference == "SI-2026-01"
    assert incident.notified_by == amira and incident.recorded_by == amira
    assert set(incident.panel.all()) == {farah, helen}
    assert {h.history_user for h in incident.history.all()} == {amira.user}
    page = client.get(response["Location"]).content.decode()
    # The deadlines from Monday 2 March 2026: notify by Monday 9, rapid review by Monday 23
    assert "9 Mar 2026" in page and "23 Mar 2026" in page
    assert "Done in time" in page
    # The next is SI-2026-02
    client.post(northfield.url("reviews/new/"), _form(northfield))
    assert sorted(SeriousIncident.unscoped.values_list("reference", flat=True)) == [
        "SI-2026-01",
        "SI-2026-02",
    ]


def test_the_review_is_for_the_people_named_on_it(
    northfield, incident, amira, corinne, farah, helen, joanna, priya, dev, client_for
):
    url = northfield.url(f"reviews/{incident.pk}/")
    for person in (amira, corinne, farah, helen):
        assert client_for(person).get(url).status_code == 200, person
    # joanna (a lead) and priya (an auditor) may read reviews they are named on: not this one
    assert client_for(joanna).get(url).status_code == 404
    assert client_for(priya).get(url).status_code == 404
    assert client_for(joanna).get(url + "history/").status_code == 404
    assert client_for(dev).get(url).status_code == 403
    # On the board joanna sees how many reviews there are, never which
    board = client_for(joanna).get(northfield.url("reviews/")).content.decode()
    assert "1 serious incident recorded" in board and "SI-2026-01" not in board
    assert "SI-2026-01" in client_for(farah).get(northfield.url("reviews/")).content.decode()
    # Only the business unit records and changes them
    assert client_for(farah).get(northfield.url("reviews/new/")).status_code == 403
    assert client_for(farah).get(url + "change/").status_code == 403


def test_a_panel_member_of_another_review_gets_404(northfield, incident, amira, joanna, client_for):
    other = services.serious_incident_record(
        actor=actor_for_person(amira),
        incident_type="death",
        age_band="16_17",
        summary="A young person died.",
        became_aware_on=date(2026, 3, 10),
        area="Dale West",
        panel=[joanna],
        today=date(2026, 3, 20),
    )
    assert client_for(joanna).get(northfield.url(f"reviews/{other.pk}/")).status_code == 200
    assert client_for(joanna).get(northfield.url(f"reviews/{incident.pk}/")).status_code == 404


def test_what_looks_like_a_child_identifier_is_flagged(northfield, amira, client_for):
    response = client_for(amira).post(
        northfield.url("reviews/new/"),
        _form(northfield, summary="The child (born 03/04/2021) lives at NF1 2AB."),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "looks like" in page.lower()
    assert not SeriousIncident.unscoped.exists()


def test_dates_that_cannot_be_are_refused_with_their_reason(northfield, amira, client_for):
    tomorrow = timezone.localdate().toordinal() + 1
    response = client_for(amira).post(
        northfield.url("reviews/new/"),
        _form(
            northfield,
            became_aware_on=date.fromordinal(tomorrow).isoformat(),
        ),
    )
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    response = client_for(amira).post(
        northfield.url("reviews/new/"),
        _form(northfield, ofsted_notified_on="2026-03-03"),
    )
    assert "looked-after child has died" in response.content.decode()
    assert not SeriousIncident.unscoped.exists()


def test_changing_the_notification_keeps_its_history(
    northfield, incident, amira, farah, client_for
):
    client = client_for(amira)
    url = northfield.url(f"reviews/{incident.pk}/change/")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        _form(
            northfield,
            summary=incident.summary,
            notified_on="2026-03-10",
            panel_reference="NP-0310",
            panel=[farah.pk],
        ),
    )
    assert response.status_code == 302, response.content.decode()
    incident.refresh_from_db()
    assert incident.notified_on == date(2026, 3, 10) and incident.panel_reference == "NP-0310"
    assert list(incident.panel.all()) == [farah]
    page = client.get(northfield.url(f"reviews/{incident.pk}/")).content.decode()
    assert "1 working day late" in page or "Done late" in page or "done late" in page.lower()
    history = client.get(northfield.url(f"reviews/{incident.pk}/history/")).content.decode()
    assert "NP-0310" in history


def test_a_named_scope_needs_to_say_who_is_named(northfield, farah):
    with pytest.raises(ImproperlyConfigured):
        scoped(actor_for_person(farah), SeriousIncident.unscoped.all(), "review.view")


def test_another_partnership_cannot_see_the_incident(
    northfield, southvale, incident, tamsin, client_for
):
    client = client_for(tamsin)
    assert client.get(northfield.url(f"reviews/{incident.pk}/")).status_code == 404
    assert client.get(southvale.url(f"reviews/{incident.pk}/")).status_code == 404
