"""The reviews API: farah (named on SI-2026-01) gets it with its deadlines; joanna (not named)
gets an empty list and 404 for it; dev (a viewer) gets an empty list and 403; the list reads a
fixed number of queries whatever the number of reviews."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    fields = schema["components"]["schemas"]["Review"]["properties"]
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
    detail = client_for(farah).get(f"/api/v1/reviews/{incident.pk}").json()
    assert detail["information_requests"] == row["information_requests"]
