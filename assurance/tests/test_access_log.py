"""A record of who looked: opening a case's or an agency return's page writes an access log
entry, which the business unit reads from a link on that page (``viewmixins.AccessLogged``).

Amira runs Northfield's business unit; Helen leads for the police and opens the police return;
Priya audits for the police; Tamsin runs Southvale's business unit and finds nothing of
Northfield's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assurance.audits.models import AgencyReturn, AuditCase
from assurance.audits.tests.factories import add_case, neglect_deep_dive
from assurance.frameworks.tests.factories import NeglectAuditToolFactory
from assurance.partnerships.access_log.models import AccessLogEntry
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db

TABLE = AccessLogEntry._meta.db_table


@pytest.fixture
def case(northfield: Tenant, amira: Person) -> AuditCase:
    tool = NeglectAuditToolFactory(partnership=northfield.partnership)
    audit = neglect_deep_dive(northfield, tool=tool, lead=amira)
    return add_case(audit, northfield, amira)


@pytest.fixture
def police_return(case: AuditCase, northfield: Tenant) -> AgencyReturn:
    return AgencyReturn.unscoped.get(case=case, agency=northfield.police)


def inserts(queries: CaptureQueriesContext) -> int:
    return sum(
        1
        for q in queries.captured_queries
        if q["sql"].upper().startswith("INSERT") and TABLE in q["sql"]
    )


def test_opening_a_case_writes_who_what_and_when(
    northfield: Tenant, case: AuditCase, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(priya).get(northfield.url(f"audits/cases/{case.pk}/"))
    assert page.status_code == 200
    [entry] = AccessLogEntry.objects_for(northfield.partnership)
    assert entry.person == priya
    assert (entry.record_type, entry.record_id) == ("audits.auditcase", case.pk)
    assert entry.reference == case.reference  # the pseudonymised reference, nothing else
    assert entry.page == northfield.url(f"audits/cases/{case.pk}/")
    assert "Who has looked at this case" not in page.content.decode()  # not hers to read


def test_the_business_unit_follows_the_link_to_the_cases_log(
    northfield: Tenant,
    case: AuditCase,
    amira: Person,
    priya: Person,
    client_for: Callable[[Any], Client],
) -> None:
    client_for(priya).get(northfield.url(f"audits/cases/{case.pk}/"))
    page = client_for(amira).get(northfield.url(f"audits/cases/{case.pk}/"))
    link = northfield.url(f"access-log/audits.auditcase/{case.pk}/")
    assert f'href="{link}"' in page.content.decode()
    log = client_for(amira).get(link)
    assert log.status_code == 200
    assert [e.person for e in log.context["rows"]] == [amira, priya]
    assert f"Who has looked at audit case {case.reference}" in log.content.decode()
    back = northfield.url(f"audits/cases/{case.pk}/")
    assert f'href="{back}">Back to audit case {case.reference}</a>' in log.content.decode()


def test_opening_a_return_writes_an_entry(
    northfield: Tenant,
    police_return: AgencyReturn,
    helen: Person,
    client_for: Callable[[Any], Client],
) -> None:
    page = client_for(helen).get(northfield.url(f"audits/returns/{police_return.pk}/"))
    assert page.status_code == 200
    [entry] = AccessLogEntry.objects_for(northfield.partnership)
    assert (entry.person, entry.record_type) == (helen, "audits.agencyreturn")
    assert entry.reference == str(police_return)


def test_a_record_page_adds_one_insert_and_a_list_page_none(
    northfield: Tenant, case: AuditCase, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    with CaptureQueriesContext(connection) as record_page:
        assert client.get(northfield.url(f"audits/cases/{case.pk}/")).status_code == 200
    assert inserts(record_page) == 1
    with CaptureQueriesContext(connection) as list_page:
        assert client.get(northfield.url(f"audits/{case.audit_id}/sample/")).status_code == 200
    assert inserts(list_page) == 0
    assert AccessLogEntry.unscoped.count() == 1


def test_a_refused_page_writes_nothing(
    northfield: Tenant,
    southvale: Tenant,
    case: AuditCase,
    tamsin: Person,
    client_for: Callable[[Any], Client],
) -> None:
    client = client_for(tamsin)
    assert client.get(northfield.url(f"audits/cases/{case.pk}/")).status_code == 404
    assert client.get(southvale.url(f"audits/cases/{case.pk}/")).status_code == 404
    assert AccessLogEntry.unscoped.count() == 0


def test_a_failure_to_log_never_fails_the_page(
    northfield: Tenant,
    case: AuditCase,
    amira: Person,
    client_for: Callable[[Any], Client],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(**kwargs: Any) -> None:
        AccessLogEntry.unscoped.create(partnership_id=None)  # a database error

    monkeypatch.setattr("assurance.partnerships.viewmixins.access_log_record", broken)
    with caplog.at_level(logging.ERROR):
        page = client_for(amira).get(northfield.url(f"audits/cases/{case.pk}/"))
    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert "access log entry" in caplog.text
    assert AccessLogEntry.unscoped.count() == 0
