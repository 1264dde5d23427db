"""The settings pages: Amira (business unit) finds a school by name, phase, type and status;
Corinne (scrutineer) reads them; Priya (police auditor) may not; Southvale's Tamsin sees none of
Northfield's schools."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.settings.models import SettingStatus
from assurance.selfassessment.settings.tests.factories import SettingFactory


@pytest.fixture
def schools(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    return {
        "larkfield": SettingFactory(partnership=p, name="Larkfield Primary School"),
        "oakhurst": SettingFactory(
            partnership=p, name="Oakhurst High School", phase="Secondary", type_group="Academies"
        ),
        "closed": SettingFactory(
            partnership=p, name="Old Mill Infant School", status=SettingStatus.CLOSED
        ),
    }


def test_the_business_unit_lists_open_schools_with_counts_and_filters(
    amira: Person, client_for: Callable[[Any], Any], schools: dict[str, Any], northfield: Tenant
) -> None:
    client = client_for(amira)
    url = northfield.url("self-assessment/settings/")
    page = client.get(url).content.decode()
    assert "Larkfield Primary School" in page and "Oakhurst High School" in page
    assert "Old Mill Infant School" not in page  # closed schools only when asked for
    assert "<strong>2</strong> open" in page and "<strong>1</strong> closed" in page
    page = client.get(url, {"phase": "Secondary"}).content.decode()
    assert "Oakhurst High School" in page and "Larkfield Primary School" not in page
    page = client.get(url, {"type_group": "Academies", "name": "oak"}).content.decode()
    assert "Oakhurst High School" in page and "Larkfield" not in page
    page = client.get(url, {"status": "closed"}).content.decode()
    assert "Old Mill Infant School" in page and "Larkfield" not in page
    page = client.get(url, {"phase": "Nursery"}).content.decode()  # not a phase they have
    assert "Larkfield Primary School" in page  # an unknown filter value is ignored
    assert "Select a valid choice" in page


def test_a_school_page_and_its_history(
    corinne: Person, client_for: Callable[[Any], Any], schools: dict[str, Any], northfield: Tenant
) -> None:
    client = client_for(corinne)
    school = schools["oakhurst"]
    page = client.get(northfield.url(f"self-assessment/settings/{school.pk}/")).content.decode()
    assert "Oakhurst High School" in page and str(school.urn) in page and "Secondary" in page
    history = client.get(northfield.url(f"self-assessment/settings/{school.pk}/history/"))
    assert history.status_code == 200


def test_an_auditor_may_not_and_another_partnership_sees_nothing(
    priya: Person,
    tamsin: Person,
    client_for: Callable[[Any], Any],
    schools: dict[str, Any],
    northfield: Tenant,
    southvale: Tenant,
) -> None:
    assert client_for(priya).get(northfield.url("self-assessment/settings/")).status_code == 403
    school = schools["larkfield"]
    other = client_for(tamsin)
    assert other.get(southvale.url(f"self-assessment/settings/{school.pk}/")).status_code == 404
    page = other.get(southvale.url("self-assessment/settings/")).content.decode()
    assert "Larkfield" not in page
