"""``GET /api/v1/annual-reports/``: the business unit's reports with their year and status, and
once published the public addresses, which answer without signing in; a practitioner without
the permission gets an empty list, another partnership's business unit none of Northfield's."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from assurance.annualreport.reports import services
from assurance.annualreport.reports.models import AnnualReport
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person

pytestmark = pytest.mark.django_db


def test_the_list_gives_year_status_and_public_addresses_once_published(
    report: AnnualReport,
    quorate: Meeting,
    amira: Person,
    helen: Person,
    tamsin: Person,
    client_for: Callable[[Person], Client],
) -> None:
    client = client_for(amira)
    [row] = client.get("/api/v1/annual-reports/").json()
    assert (row["year"], row["status"], row["public_url"], row["young_people_url"]) == (
        report.business_year,
        "draft",
        None,
        None,
    )
    actor = actor_for_person(amira)
    services.report_approve(actor=actor, report=report, meeting=quorate)
    services.report_publish(actor=actor, report=report)
    [row] = client.get("/api/v1/annual-reports/").json()
    assert row["status"] == "published"
    slug, year = report.partnership.slug, report.business_year
    assert row["public_url"] == f"http://testserver/annual-reports/{slug}/{year}/"
    assert row["young_people_url"].endswith(f"/annual-reports/{slug}/{year}/young-people/")
    assert Client().get(row["public_url"]).status_code == 200
    assert client_for(helen).get("/api/v1/annual-reports/").json() == []
    assert client_for(tamsin).get("/api/v1/annual-reports/").json() == []
    assert Client().get("/api/v1/annual-reports/").status_code in {401, 403}


def test_the_endpoint_is_described_in_the_openapi_schema(client: Client, amira: Person) -> None:
    client.force_login(amira.user)
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/annual-reports/"]["get"]
    assert operation["operationId"] == "annual_reports_list"
