"""Partnerships cannot see each other; agency leads see only their own agency's people."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import (
    GroupFactory,
    GroupMemberFactory,
    PersonFactory,
    PriorityFactory,
    Tenant,
)

pytestmark = pytest.mark.django_db


def northfield_urls(tenant: Tenant, person: Person) -> list[str]:
    group = GroupFactory(partnership=tenant.partnership)
    seat = GroupMemberFactory(group=group, agency=tenant.police)
    priority = PriorityFactory(partnership=tenant.partnership)
    agency = tenant.police
    return [
        tenant.url(),
        tenant.url("settings/"),
        tenant.url("settings/history/"),
        tenant.url("agencies/"),
        tenant.url("agencies/new/"),
        tenant.url(f"agencies/{agency.pk}/"),
        tenant.url(f"agencies/{agency.pk}/change/"),
        tenant.url(f"agencies/{agency.pk}/history/"),
        tenant.url("groups/"),
        tenant.url("groups/new/"),
        tenant.url(f"groups/{group.pk}/"),
        tenant.url(f"groups/{group.pk}/change/"),
        tenant.url(f"groups/{group.pk}/history/"),
        tenant.url(f"groups/{group.pk}/members/new/"),
        tenant.url(f"groups/{group.pk}/members/{seat.pk}/change/"),
        tenant.url("priorities/"),
        tenant.url("priorities/new/"),
        tenant.url(f"priorities/{priority.pk}/change/"),
        tenant.url(f"priorities/{priority.pk}/history/"),
        tenant.url("people/"),
        tenant.url("people/new/"),
        tenant.url(f"people/{person.pk}/"),
        tenant.url(f"people/{person.pk}/change/"),
        tenant.url(f"people/{person.pk}/history/"),
        f"/api/v1/partnerships/{tenant.slug}/agencies/",
    ]


def test_southvale_gets_404_for_every_northfield_url(
    northfield: Tenant, priya: Person, tenant_business_unit: Any
) -> None:
    """Tamsin runs Southvale's business unit: Northfield's records do not exist for her."""
    client = tenant_business_unit
    for url in northfield_urls(northfield, priya):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "x"}).status_code == 404, url


def test_southvale_cannot_reach_northfield_records_through_its_own_urls(
    northfield: Tenant, southvale: Tenant, priya: Person, tenant_business_unit: Any
) -> None:
    """A Northfield record's id under Southvale's address is not found either."""
    client = tenant_business_unit
    group = GroupFactory(partnership=northfield.partnership)
    for path in (
        f"agencies/{northfield.police.pk}/",
        f"agencies/{northfield.police.pk}/change/",
        f"groups/{group.pk}/",
        f"groups/{group.pk}/members/new/",
        f"people/{priya.pk}/",
        f"people/{priya.pk}/history/",
    ):
        assert client.get(southvale.url(path)).status_code == 404, path
    response = client.post(
        southvale.url(f"agencies/{northfield.police.pk}/change/"), {"name": "Renamed"}
    )
    assert response.status_code == 404
    northfield.police.refresh_from_db()
    assert northfield.police.name != "Renamed"


@pytest.fixture
def tenant_business_unit(tamsin: Person, client_for: Callable[[Any], Client]) -> Client:
    return client_for(tamsin)


def test_the_api_lists_only_ones_own_partnerships(
    amira: Person, tamsin: Person, client_for: Callable[[Any], Client]
) -> None:
    slugs = [p["slug"] for p in client_for(tamsin).get("/api/v1/partnerships/").json()]
    assert slugs == ["southvale"]
    slugs = [p["slug"] for p in client_for(amira).get("/api/v1/partnerships/").json()]
    assert slugs == ["northfield"]


def test_the_api_lists_only_the_partnerships_agencies(
    northfield: Tenant, southvale: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(amira).get("/api/v1/partnerships/northfield/agencies/")
    assert response.status_code == 200
    names = {row["name"] for row in response.json()}
    assert northfield.police.name in names
    assert southvale.police.name not in names


def test_a_person_in_two_partnerships_sees_both(
    northfield: Tenant, southvale: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    PersonFactory(
        partnership=southvale.partnership,
        agency=southvale.council,
        email="amira@elsewhere.test",
        user=amira.user,
    )
    client = client_for(amira)
    response = client.get("/")
    assert response.status_code == 200
    assert northfield.partnership.name in response.content.decode()
    assert southvale.partnership.name in response.content.decode()
    slugs = {p["slug"] for p in client.get("/api/v1/partnerships/").json()}
    assert slugs == {"northfield", "southvale"}


def test_an_inactive_person_loses_access(
    northfield: Tenant, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(priya)
    assert client.get(northfield.url("agencies/")).status_code == 200
    Person.unscoped.filter(pk=priya.pk).update(is_active=False)
    assert client.get(northfield.url("agencies/")).status_code == 404


# --- OWN_AGENCY scope --------------------------------------------------------------------------


def test_an_agency_lead_sees_only_their_own_agencys_people(
    northfield: Tenant,
    helen: Person,
    priya: Person,
    joanna: Person,
    client_for: Callable[[Any], Client],
) -> None:
    """Helen leads for the police: she sees Priya (police), not Joanna (health)."""
    client = client_for(helen)
    page = client.get(northfield.url("people/")).content.decode()
    assert priya.full_name in page
    assert joanna.full_name not in page
    assert client.get(northfield.url(f"people/{priya.pk}/")).status_code == 200
    assert client.get(northfield.url(f"people/{joanna.pk}/")).status_code == 404
    assert client.get(northfield.url(f"people/{joanna.pk}/history/")).status_code == 404
    # The agency page lists only the people she may see.
    assert (
        joanna.full_name
        not in client.get(northfield.url(f"agencies/{northfield.health.pk}/")).content.decode()
    )


def test_an_agency_lead_cannot_manage_people(
    northfield: Tenant, helen: Person, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(helen)
    assert client.get(northfield.url(f"people/{priya.pk}/change/")).status_code == 403
    assert client.post(northfield.url("people/new/"), {"full_name": "x"}).status_code == 403


def test_an_auditor_sees_no_people(
    northfield: Tenant, priya: Person, helen: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(priya)
    assert client.get(northfield.url("people/")).status_code == 403
    assert client.get(northfield.url(f"people/{helen.pk}/")).status_code == 403


def test_the_scrutineer_sees_everyone_but_changes_nothing(
    northfield: Tenant,
    corinne: Person,
    joanna: Person,
    priya: Person,
    client_for: Callable[[Any], Client],
) -> None:
    client = client_for(corinne)
    page = client.get(northfield.url("people/")).content.decode()
    assert joanna.full_name in page and priya.full_name in page
    assert client.get(northfield.url("agencies/new/")).status_code == 403
    assert (
        client.post(
            northfield.url(f"agencies/{northfield.police.pk}/change/"), {"name": "x"}
        ).status_code
        == 403
    )
