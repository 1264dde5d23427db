"""Partnerships cannot see each other; agency leads see only their own agency's people.

That no page of one partnership, and no record of it through another's pages, exists for the
other is walked from the URL table in ``assurance/tests/test_isolation.py``; here are the
lists the API gives, people of two partnerships, and the scopes within one partnership.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import PersonFactory, Tenant

pytestmark = pytest.mark.django_db


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


def test_a_record_read_by_its_id_is_the_partnerships_own(
    northfield: Tenant, southvale: Tenant, amira: Person, priya: Person
) -> None:
    """``get_of_partnership`` (a compiled read) finds the partnership's record by its id and
    nothing else: another partnership's record, an id no record has or no column can hold, and
    text are 404; a permission the roles lack is 403."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from assurance.partnerships.access import actor_for_person, get_of_partnership
    from assurance.partnerships.models import Priority
    from assurance.partnerships.tests.factories import PriorityFactory

    ours = PriorityFactory(partnership=northfield.partnership, title="Neglect")
    theirs = PriorityFactory(partnership=southvale.partnership, title="Neglect")
    actor = actor_for_person(amira)
    found = get_of_partnership(actor, Priority, "priority.view", ours.pk)
    assert (found.pk, found.title, found.partnership_id) == (
        ours.pk,
        "Neglect",
        ours.partnership_id,
    )
    assert get_of_partnership(actor, Priority, "priority.view", str(ours.pk)).pk == ours.pk
    with_its = get_of_partnership(actor, Priority, "priority.view", ours.pk, ("partnership",))
    # read with it, as select_related reads it; or the actor's, read already (no query)
    assert with_its._state.fields_cache["partnership"].name == northfield.partnership.name
    assert found._state.fields_cache["partnership"] is actor.partnership
    for pk in (theirs.pk, 0, -1, 10**30, "x", None):
        with pytest.raises(Http404):
            get_of_partnership(actor, Priority, "priority.view", pk)
    with pytest.raises(PermissionDenied):
        get_of_partnership(actor_for_person(priya), Priority, "priority.manage", ours.pk)
