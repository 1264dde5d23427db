"""Information requests of a rapid review. amira (the business unit) asks the council and the
health board for their information on SI-2026-01, which farah (the council's lead) and helen
(the police lead) are named on. joanna (the health board's lead) is not named on the review: she
and kwame (a health auditor) answer the health board's request, and see nothing else of the
review; farah reads it as one of the panel but may not answer it; the scrutineer reads it."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from assurance.frameworks.models import Framework, FrameworkKind, Item
from assurance.partnerships.access import actor_for_person
from assurance.reviews.clock.rules import information_due
from assurance.reviews.information_requests import services
from assurance.reviews.information_requests.models import InformationRequest, InformationStatus
from assurance.reviews.information_requests.tests.factories import InformationRequestFactory

pytestmark = pytest.mark.django_db


def _items(request: InformationRequest) -> dict[str, Item]:
    return {i.code: i for i in Item.objects.filter(section__framework=request.assessment.framework)}


def _complete(request: InformationRequest, **over: str) -> dict[str, str]:
    items = _items(request)
    known = items["2.1"].scale.options.get(label="Yes")  # type: ignore[union-attr]
    data = {
        "revision": str(request.assessment.revision),
        "state": "",
        f"item_{items['1.1'].pk}": "Health visitor contacts in January and February.",
        f"item_{items['1.2'].pk}": "2026-02-20",
        f"item_{items['2.1'].pk}": str(known.pk),
        f"item_{items['2.2'].pk}": "Universal health visiting; no lead professional.",
        f"item_{items['2.3'].pk}": "Shared the bruising concern with children's social care.",
        f"item_{items['3.1'].pk}": "The concern was shared the same day.",
        f"item_{items['3.2'].pk}": "The father's role was not explored.",
        f"item_{items['3.3'].pk}": "A reminder to practitioners on seeing fathers.",
    }
    data.update(over)
    return data


def test_the_business_unit_asks_agencies_and_their_leads_are_emailed(
    northfield,
    incident,
    amira,
    farah,
    joanna,
    client_for,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client = client_for(amira)
    url = northfield.url(f"reviews/{incident.pk}/information/new/")
    page = client.get(url).content.decode()
    # The incident's agencies are ticked to start with
    assert (
        f'value="{northfield.council.pk}" checked' in page.replace("\n", " ") or "checked" in page
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"agencies": [northfield.council.pk, northfield.health.pk], "note": "Look at 2025."},
        )
    assert response.status_code == 302, response.content.decode()
    made = list(InformationRequest.objects_for(northfield.partnership).order_by("agency__name"))
    assert [r.agency for r in made] == [northfield.council, northfield.health]
    today = timezone.localdate()
    assert {r.due_on for r in made} == {information_due(today, 5)}
    assert {r.requested_by for r in made} == {amira}
    assert [m.to for m in mailoutbox] == [[farah.email], [joanna.email]]
    assert "SI-2026-01" in mailoutbox[1].subject
    assert f"/reviews/information/{made[1].pk}/" in mailoutbox[1].body
    assert "Look at 2025." in mailoutbox[1].body
    # On the shipped template, loaded once through the framework interchange
    template = Framework.objects_for(northfield.partnership).get()
    assert (template.kind, template.name) == (
        FrameworkKind.RAPID_REVIEW,
        "Rapid review information request",
    )
    assert [s.title for s in template.sections.order_by("order")] == [
        "Chronology summary",
        "Involvement",
        "Early learning",
    ]
    # The review's page shows each request's status
    detail = client.get(northfield.url(f"reviews/{incident.pk}/")).content.decode()
    assert "Information from the agencies" in detail and "Not started" in detail


def test_a_partnerships_working_days_set_the_due_date(northfield, incident, amira):
    from assurance.reviews.clock.services import review_settings_update

    actor = actor_for_person(amira)
    review_settings_update(actor=actor, notice_working_days=7, information_working_days=3)
    [made] = services.information_requests_send(
        actor=actor, incident=incident, agencies=[northfield.council], today=date(2026, 4, 2)
    )
    # Sent on Maundy Thursday: Good Friday and Easter Monday are not working days
    assert made.due_on == date(2026, 4, 9)


def test_asking_twice_or_an_agency_without_a_lead_is_refused_whole(
    northfield, incident, amira, farah
):
    actor = actor_for_person(amira)
    services.information_requests_send(
        actor=actor, incident=incident, agencies=[northfield.council]
    )
    with pytest.raises(Exception) as refused:
        services.information_requests_send(
            actor=actor, incident=incident, agencies=[northfield.council, northfield.school]
        )
    words = " ".join(refused.value.messages)  # type: ignore[attr-defined]
    assert "has been asked already" in words and "has no agency lead" in words
    assert InformationRequest.objects_for(northfield.partnership).count() == 1


def test_the_agencys_people_answer_save_a_draft_and_submit(
    northfield, incident, joanna, kwame, client_for
):
    request = InformationRequestFactory(
        incident=incident, agency=northfield.health, requested_by=incident.recorded_by
    )
    client = client_for(kwame)
    url = northfield.url(f"reviews/information/{request.pk}/answer/")
    assert client.get(url).status_code == 200
    items = _items(request)
    draft = {
        "revision": "0",
        "state": "",
        f"item_{items['1.1'].pk}": "Two contacts.",
        "draft": "draft",
    }
    assert client.post(url, draft).status_code == 302
    request.refresh_from_db()
    assert request.status == InformationStatus.IN_PROGRESS
    # Submitting with answers missing saves nothing and names what is missing
    response = client_for(joanna).post(
        url, {"revision": "1", "state": "", f"item_{items['1.1'].pk}": "Changed.", "submit": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Answer every question before you submit" in page and "2.2: give a response." in page
    # The error summary links each missing answer to its question's field, not the page's top
    missing = items["2.2"]
    assert f'<a href="#id_item_{missing.pk}">2.2: give a response.</a>' in page
    assert f'id="id_item_{missing.pk}"' in page
    request.refresh_from_db()
    assert request.status == InformationStatus.IN_PROGRESS
    assert request.assessment.answers.get(item=items["1.1"]).text == "Two contacts."
    # Complete: submitted and locked
    response = client_for(joanna).post(url, {**_complete(request), "submit": "1"})
    assert response.status_code == 302, response.content.decode()
    request.refresh_from_db()
    assert (request.status, request.submitted_by) == (InformationStatus.SUBMITTED, joanna)
    assert client.get(url).status_code == 302  # locked: back to its page
    page = client.get(northfield.url(f"reviews/information/{request.pk}/")).content.decode()
    assert "The father&#x27;s role was not explored." in page and "Yes" in page


def test_a_save_over_someone_elses_is_refused(northfield, incident, joanna, kwame, client_for):
    request = InformationRequestFactory(
        incident=incident, agency=northfield.health, requested_by=incident.recorded_by
    )
    url = northfield.url(f"reviews/information/{request.pk}/answer/")
    items = _items(request)
    first = {"revision": "0", "state": "", f"item_{items['1.1'].pk}": "Joanna's.", "draft": "1"}
    assert client_for(joanna).post(url, first).status_code == 302
    second = {"revision": "0", "state": "", f"item_{items['1.1'].pk}": "Kwame's.", "draft": "1"}
    response = client_for(kwame).post(url, second)
    assert "Someone else in your agency saved these answers" in response.content.decode()
    assert request.assessment.answers.get(item=items["1.1"]).text == "Joanna's."


def test_who_reads_and_who_answers(
    northfield, southvale, incident, farah, helen, joanna, corinne, kwame, tamsin, client_for
):
    health = InformationRequestFactory(
        incident=incident, agency=northfield.health, requested_by=incident.recorded_by
    )
    council = InformationRequestFactory(
        incident=incident, agency=northfield.council, requested_by=incident.recorded_by
    )
    page = northfield.url(f"reviews/information/{health.pk}/")
    answer = page + "answer/"
    # The health board's people: their own request, not the council's, not the review itself
    for person in (joanna, kwame):
        assert client_for(person).get(page).status_code == 200
        assert client_for(person).get(answer).status_code == 200
    assert (
        client_for(joanna).get(northfield.url(f"reviews/information/{council.pk}/")).status_code
        == 404
    )
    assert client_for(joanna).get(northfield.url(f"reviews/{incident.pk}/")).status_code == 404
    # The panel and the scrutineer read it; only the agency answers it
    for person in (farah, helen, corinne):
        assert client_for(person).get(page).status_code == 200
    assert client_for(farah).get(answer).status_code == 404
    assert client_for(corinne).get(answer).status_code == 403
    assert client_for(tamsin).get(page).status_code == 404


def test_late_information_is_marked_on_the_board_and_the_review(
    northfield, incident, amira, client_for
):
    InformationRequestFactory(
        incident=incident,
        agency=northfield.health,
        requested_by=amira,
        requested_on=date(2026, 3, 2),
        due_on=date(2026, 3, 9),
    )
    client = client_for(amira)
    board = client.get(northfield.url("reviews/")).content.decode()
    assert "Information late" in board and northfield.health.short_name in board
    detail = client.get(northfield.url(f"reviews/{incident.pk}/")).content.decode()
    assert "Late" in detail.split("Information from the agencies")[1]


def test_the_request_email_renders(northfield, incident, joanna):
    from assurance.core.emails import render_email

    request = InformationRequestFactory(
        incident=incident, agency=northfield.health, requested_by=incident.recorded_by, note=""
    )
    subject, body = render_email(
        "reviews/emails/information_request",
        {"person": joanna, "request": request, "link": "https://x/p/northfield/"},
    )
    assert subject == "Information requested for rapid review SI-2026-01: due 9 March 2026"
    assert "Dear Joanna Feld" in body and "Monday 9 March 2026" in body
