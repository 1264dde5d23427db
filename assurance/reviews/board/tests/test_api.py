"""The reviews API: farah (named on SI-2026-01) gets it with its deadlines; joanna (not named)
gets an empty list and 404 for it; dev (a viewer) gets an empty list and 403; the list reads a
fixed number of queries whatever the number of reviews. One review gives the agencies' submitted
answers to the panel, the business unit and the scrutineer; joanna, whose health board answered,
and kwame, who helped, never get them through the API (the review is not theirs to open)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.frameworks.models import Item
from assurance.partnerships.access import actor_for_person
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.information_requests.services import information_answers_save
from assurance.reviews.information_requests.tests.factories import InformationRequestFactory
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory

pytestmark = pytest.mark.django_db


def test_the_list_and_one_review(northfield, incident, farah, joanna, dev, amira, client_for):
    rows = client_for(farah).get("/api/v1/reviews/").json()
    assert [r["reference"] for r in rows] == ["SI-2026-01"]
    row = rows[0]
    assert row["became_aware_on"] == "2026-03-02"
    assert row["notification_due"] == "2026-03-09"
    assert row["rapid_review_due"] == "2026-03-23"
    assert row["notified_on"] is None and row["rapid_review_sent_on"] is None
    assert row["decision"] == "" and row["decided_on"] is None
    assert row["publication_due"] is None and row["published_on"] is None
    assert row["stage"] == "notification" and row["late"] is True  # 2 March 2026 is long past
    detail = client_for(farah).get(f"/api/v1/reviews/{incident.pk}")
    assert detail.status_code == 200 and detail.json() == row
    assert client_for(joanna).get("/api/v1/reviews/").json() == []
    assert client_for(joanna).get(f"/api/v1/reviews/{incident.pk}").status_code == 404
    assert client_for(dev).get("/api/v1/reviews/").json() == []
    assert client_for(dev).get(f"/api/v1/reviews/{incident.pk}").status_code == 403
    assert client_for(amira).get(f"/api/v1/reviews/{incident.pk}").status_code == 200


def test_another_partnership_gets_404(northfield, incident, tamsin, client_for):
    assert client_for(tamsin).get(f"/api/v1/reviews/{incident.pk}").status_code == 404
    assert client_for(tamsin).get("/api/v1/reviews/").json() == []


def test_the_list_reads_a_fixed_number_of_queries(northfield, incident, amira, client_for):
    client = client_for(amira)
    client.get("/api/v1/reviews/")
    with CaptureQueriesContext(connection) as one:
        assert len(client.get("/api/v1/reviews/").json()) == 1
    for n in range(10):
        SeriousIncidentFactory(
            partnership=northfield.partnership,
            recorded_by=amira,
            reference=f"SI-2025-{n + 1:02d}",
            became_aware_on=date(2025, 3, 2 + n),
        )
    with CaptureQueriesContext(connection) as eleven:
        assert len(client.get("/api/v1/reviews/").json()) == 11
    assert len(eleven.captured_queries) == len(one.captured_queries)


def test_the_schema_describes_the_endpoints(client_for, amira):
    schema = client_for(amira).get("/api/v1/openapi.json").json()
    assert "/api/v1/reviews/" in schema["paths"] and "/api/v1/reviews/{id}" in schema["paths"]
    components = schema["components"]["schemas"]
    fields = components["Review"]["properties"]
    for name in (
        "reference",
        "became_aware_on",
        "notification_due",
        "notified_on",
        "rapid_review_due",
        "rapid_review_sent_on",
        "decision",
        "decided_on",
        "publication_due",
        "published_on",
        "stage",
    ):
        assert name in fields, name
    detail = schema["paths"]["/api/v1/reviews/{id}"]["get"]["responses"]["200"]["content"]
    assert detail["application/json"]["schema"]["$ref"].endswith("/ReviewDetail")
    requests = components["ReviewDetail"]["properties"]["information_requests"]["items"]
    answers = components[requests["$ref"].rsplit("/", 1)[1]]["properties"]["answers"]
    assert answers["nullable"] is True and "submitted" in answers["description"]
    answer = components[answers["items"]["$ref"].rsplit("/", 1)[1]]["properties"]
    assert set(answer) == {"section", "code", "question", "answer", "evidence"}
    # The list and one review share one named enum of stages (not a name made from a hash)
    assert fields["stage"]["$ref"].endswith("/ReviewStageEnum")


def test_each_review_lists_its_information_requests(northfield, incident, farah, client_for):
    InformationRequestFactory(  # asked 2 March 2026, due 9 March, answered on the 10th: late
        incident=incident,
        agency=northfield.health,
        requested_by=incident.recorded_by,
        status="submitted",
        submitted_on=date(2026, 3, 10),
    )
    InformationRequestFactory(incident=incident, agency=northfield.council, requested_by=farah)
    [row] = client_for(farah).get("/api/v1/reviews/").json()
    by_agency = {r["agency"]: r for r in row["information_requests"]}
    assert by_agency[northfield.health.name] == {
        "agency": northfield.health.name,
        "asked_on": "2026-03-02",
        "due_on": "2026-03-09",
        "answered_on": "2026-03-10",
        "status": "submitted",
        "late": True,
    }
    council = by_agency[northfield.council.name]
    assert (council["status"], council["answered_on"], council["late"]) == (
        "not_started",
        None,
        True,
    )
    # One review gives the same, with each request's id and its answers (none submitted here)
    detail = client_for(farah).get(f"/api/v1/reviews/{incident.pk}").json()
    assert [
        {k: v for k, v in r.items() if k not in ("id", "answers")}
        for r in detail["information_requests"]
    ] == row["information_requests"]
    answers = {r["agency"]: r["answers"] for r in detail["information_requests"]}
    assert answers == {northfield.health.name: [], northfield.council.name: None}


CHRONOLOGY = "Health visitor contacts in January and February."
LEARNING = "The father's role was not explored."


def _answer(request: InformationRequest, person, *, submit: bool, **over: str) -> None:  # type: ignore[no-untyped-def]
    """``person`` of the agency saves its answers to every question (``submit``: submits)."""
    items = {
        i.code: i for i in Item.objects.filter(section__framework=request.assessment.framework)
    }
    known = items["2.1"].scale.options.get(label="Yes")  # type: ignore[union-attr]
    texts = {
        "1.1": CHRONOLOGY,
        "2.2": "Universal health visiting; no lead professional.",
        "2.3": "Shared the bruising concern with children's social care.",
        "3.1": "The concern was shared the same day.",
        "3.2": LEARNING,
        "3.3": "A reminder to practitioners on seeing fathers.",
        **over,
    }
    answers = {items[code].pk: {"text": text} for code, text in texts.items()}
    answers[items["1.2"].pk] = {"date": "2026-02-20"}
    answers[items["2.1"].pk] = {"option": known.pk}
    request.assessment.refresh_from_db()
    information_answers_save(
        actor=actor_for_person(person),
        request=request,
        answers=answers,
        expected_revision=request.assessment.revision,
        submit=submit,
        today=date(2026, 3, 6),
    )


def test_one_review_gives_the_submitted_answers_to_those_who_may_open_it(
    northfield, incident, amira, farah, helen, corinne, joanna, kwame, dev, tamsin, client_for
):
    health = InformationRequestFactory(
        incident=incident, agency=northfield.health, requested_by=amira
    )
    council = InformationRequestFactory(
        incident=incident, agency=northfield.council, requested_by=amira
    )
    _answer(health, joanna, submit=True)
    _answer(council, farah, submit=False, **{"3.2": "A draft the council is still writing."})
    url = f"/api/v1/reviews/{incident.pk}"
    # The panel (farah, helen), the business unit and the scrutineer read the health board's
    # answers, in the template's order; the council's draft is not given
    for person in (farah, helen, amira, corinne):
        response = client_for(person).get(url)
        assert response.status_code == 200, person
        by_agency = {r["agency"]: r for r in response.json()["information_requests"]}
        answered = by_agency[northfield.health.name]
        assert (answered["id"], answered["status"]) == (health.pk, "submitted")
        assert [a["code"] for a in answered["answers"]] == [
            "1.1",
            "1.2",
            "2.1",
            "2.2",
            "2.3",
            "3.1",
            "3.2",
            "3.3",
        ]
        first, last_contact, known = answered["answers"][:3]
        assert first["section"] == "Chronology summary" and first["answer"] == CHRONOLOGY
        assert first["question"].startswith("Summarise your agency's contact")
        assert (last_contact["answer"], known["answer"]) == ("2026-02-20", "Yes")
        assert answered["answers"][6] == {
            "section": "Early learning",
            "code": "3.2",
            "question": "What could have been done differently, and why?",
            "answer": LEARNING,
            "evidence": "",
        }
        draft = by_agency[northfield.council.name]
        assert (draft["status"], draft["answers"]) == ("in_progress", None)
        assert "still writing" not in response.content.decode()
    # The list gives no answers, to anyone
    listed = client_for(amira).get("/api/v1/reviews/")
    assert CHRONOLOGY not in listed.content.decode()
    assert all("answers" not in r for r in listed.json()[0]["information_requests"])
    # The health board's people answered it, but the review is not theirs to open: no answers
    for person in (joanna, kwame):
        response = client_for(person).get(url)
        assert response.status_code == 404
        assert CHRONOLOGY not in response.content.decode()
        assert client_for(person).get("/api/v1/reviews/").json() == []
    assert client_for(dev).get(url).status_code == 403
    assert client_for(tamsin).get(url).status_code == 404
    assert CHRONOLOGY not in client_for(dev).get(url).content.decode()


def test_one_review_reads_a_fixed_number_of_queries_whatever_its_answers(
    northfield, incident, amira, farah, helen, joanna, client_for
):
    client = client_for(amira)
    url = f"/api/v1/reviews/{incident.pk}"
    health = InformationRequestFactory(
        incident=incident, agency=northfield.health, requested_by=amira
    )
    _answer(health, joanna, submit=True)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(url).json()["information_requests"]) == 1
    council = InformationRequestFactory(
        incident=incident, agency=northfield.council, requested_by=amira
    )
    _answer(council, farah, submit=True)
    police = InformationRequestFactory(
        incident=incident, agency=northfield.police, requested_by=amira
    )
    _answer(police, helen, submit=False)
    with CaptureQueriesContext(connection) as three:
        answered = client.get(url).json()["information_requests"]
    assert [len(r["answers"] or []) for r in answered] == [8, 8, 0]
    assert len(three.captured_queries) == len(one.captured_queries)


def test_requests_name_only_the_partnerships_own_agencies(
    northfield, southvale, incident, amira, client_for
):
    """The requests are read with their partnership's agencies only (the index PostgreSQL uses
    to find them): one stored against another partnership's agency (never made by the
    service) shows neither in the API nor as late information on the board."""
    InformationRequestFactory(incident=incident, agency=northfield.council, requested_by=amira)
    InformationRequestFactory(incident=incident, agency=southvale.council, requested_by=amira)
    client = client_for(amira)
    for url in ("/api/v1/reviews/", f"/api/v1/reviews/{incident.pk}"):
        body = client.get(url).json()
        row = body[0] if isinstance(body, list) else body
        assert [r["agency"] for r in row["information_requests"]] == [northfield.council.name]
    board = client.get(northfield.url("reviews/")).content.decode()
    assert f"from {northfield.council.short_name}<" in board
    assert southvale.council.short_name not in board


def test_the_list_is_the_json_the_renderer_writes_and_each_review_is_written_once(
    northfield, incident, amira, client_for, monkeypatch
):
    """Each review of the list is written as JSON once per content (ADR 032) and the list is
    those bytes: exactly what DRF's renderer writes for the whole list. A review that changes
    is written afresh (its facts are the key), so the list is never out of date."""
    from rest_framework.renderers import JSONRenderer

    from assurance.reviews.board import api

    InformationRequestFactory(incident=incident, agency=northfield.police, requested_by=amira)
    SeriousIncidentFactory(partnership=northfield.partnership, recorded_by=amira)
    client = client_for(amira)
    first = client.get("/api/v1/reviews/")
    assert first["Content-Type"] == "application/json"
    rows = first.json()
    assert len(rows) == 2 and first.content == JSONRenderer().render(rows)

    def written_again(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a review unchanged since the last request was written again")

    monkeypatch.setattr(api, "review_json", written_again)
    assert client.get("/api/v1/reviews/").content == first.content
    monkeypatch.undo()
    incident.notified_on = date(2026, 3, 6)
    incident.save()
    [changed] = [r for r in client.get("/api/v1/reviews/").json() if r["id"] == incident.pk]
    assert (changed["notified_on"], changed["stage"]) == ("2026-03-06", "rapid_review")


def test_someone_in_two_partnerships_lists_each_ones_reviews_with_their_requests(
    northfield, southvale, incident, amira, tamsin, client_for
):
    """The list covers every partnership of the caller's where they may open reviews, each
    review with its own partnership's requests (one query for both partnerships)."""
    from assurance.core.roles import Role
    from assurance.partnerships.tests.factories import PersonFactory

    theirs = SeriousIncidentFactory(
        partnership=southvale.partnership, recorded_by=tamsin, reference="SI-2026-07"
    )
    InformationRequestFactory(incident=incident, agency=northfield.police, requested_by=amira)
    InformationRequestFactory(incident=theirs, agency=southvale.health, requested_by=tamsin)
    PersonFactory(
        partnership=southvale.partnership,
        agency=southvale.council,
        user=amira.user,
        roles=(Role.BUSINESS_UNIT,),
    )
    rows = client_for(amira).get("/api/v1/reviews/").json()
    assert {
        r["reference"]: (r["partnership"], [i["agency"] for i in r["information_requests"]])
        for r in rows
    } == {
        "SI-2026-01": ("northfield", [northfield.police.name]),
        "SI-2026-07": ("southvale", [southvale.health.name]),
    }
    assert {r["url"] for r in rows} == {
        f"http://testserver/p/northfield/reviews/{incident.pk}/",
        f"http://testserver/p/southvale/reviews/{theirs.pk}/",
    }
