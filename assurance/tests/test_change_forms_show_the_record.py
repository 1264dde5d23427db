"""A change form shows the record as it is stored, not the defaults of the form that adds one.

Saving a change form unchanged must change nothing: a default shown over the stored value
(this year, a sample of 24) would be saved over it without anyone noticing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from assurance.audits.models import Audit
from assurance.audits.tests.factories import AuditFactory
from assurance.partnerships.models import Priority
from assurance.partnerships.tests.factories import PriorityFactory, Tenant
from assurance.tests.test_stale_edits import open_form


def test_a_priority_of_another_year_keeps_its_year(
    northfield: Tenant, amira: Any, client_for: Any
) -> None:
    priority = PriorityFactory(partnership=northfield.partnership, business_year=2019)
    url = reverse("partnerships:priority_update", args=["northfield", priority.pk])
    client = client_for(amira)
    data = open_form(client, url)
    assert data["business_year"] == "2019"
    assert client.post(url, data).status_code == 302
    assert Priority.unscoped.get(pk=priority.pk).business_year == 2019


def test_an_audit_keeps_its_year_and_sample_size(
    northfield: Tenant, amira: Any, client_for: Any
) -> None:
    audit = AuditFactory(
        partnership=northfield.partnership,
        agencies=[northfield.police],
        planned_month=date(2024, 6, 1),
        target_sample_size=40,
    )
    url = reverse("audits:audit_update", args=["northfield", audit.pk])
    client = client_for(amira)
    data = open_form(client, url)
    assert (data["business_year_start"], data["target_sample_size"]) == ("2024", "40")
    assert client.post(url, data).status_code == 302
    stored = Audit.unscoped.get(pk=audit.pk)
    assert (stored.planned_month, stored.target_sample_size) == (date(2024, 6, 1), 40)
