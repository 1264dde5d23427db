"""The signed-in page shell (session, user, the actor and their roles, navigation, layout): a
constant two queries, and read afresh on every request, so a role removed, a person
deactivated or a partnership renamed shows on the very next page, on any app server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve

from assurance.partnerships.access import actor_for
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.partnerships.tests.factories import AgencyFactory, PersonFactory, Tenant

SEARCH = "/p/northfield/search/"
PEOPLE = "/p/northfield/people/"


def test_the_shell_reads_the_session_the_user_and_the_actor_only(
    amira: Person,
    dev: Person,
    client_for: Callable[[Any], Client],
    django_assert_num_queries: Any,
) -> None:
    for person in (amira, dev):
        client = client_for(person)
        client.get(SEARCH)
        # the session; the user with their person, roles, partnership and agency (ADR 055)
        with django_assert_num_queries(2):
            assert client.get(SEARCH).status_code == 200


def test_the_shell_s_queries_do_not_grow_with_the_partnership(
    northfield: Tenant,
    amira: Person,
    client_for: Callable[[Any], Client],
    django_assert_num_queries: Any,
) -> None:
    for i in range(20):
        PersonFactory(partnership=northfield.partnership, agency=northfield.police)
        AgencyFactory(partnership=northfield.partnership, name=f"Agency {i}")
    client = client_for(amira)
    client.get(SEARCH)  # the first request after signing in renews the session
    with django_assert_num_queries(2):
        assert client.get(SEARCH).status_code == 200


def test_a_role_removed_shows_on_the_next_request(
    amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert client.get(PEOPLE).status_code == 200
    audits = 'href="/p/northfield/audits/"'
    assert audits in client.get(SEARCH).content.decode()  # in the service navigation
    Person.unscoped.filter(pk=amira.pk).update(is_business_unit=False, is_viewer=True)
    assert client.get(PEOPLE).status_code == 403
    page = client.get(SEARCH).content.decode()
    assert audits not in page and 'href="/p/northfield/priorities/"' in page


def test_a_person_deactivated_is_refused_on_the_next_request(
    amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert client.get(SEARCH).status_code == 200
    Person.unscoped.filter(pk=amira.pk).update(is_active=False)
    assert client.get(SEARCH).status_code == 404


def test_a_partnership_renamed_shows_on_the_next_request(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert "Northfield" in client.get(SEARCH).content.decode()
    Partnership.unscoped.filter(pk=northfield.partnership.pk).update(name="Northfield and Dale")
    page = client.get(SEARCH).content.decode()
    assert "<title>Search – Northfield and Dale – Assurance</title>" in page


def test_the_actor_is_the_person_the_partnership_and_the_agency_as_stored(
    northfield: Tenant, helen: Person
) -> None:
    actor = actor_for(helen.user, "northfield")
    stored = Person.unscoped.select_related("partnership", "agency").get(pk=helen.pk)
    for model, got, expected in (
        (Person, actor.person, stored),
        (Partnership, actor.partnership, stored.partnership),
        (Agency, actor.agency, stored.agency),
    ):
        for field in model._meta.concrete_fields:
            assert getattr(got, field.attname) == getattr(expected, field.attname), field.name
            assert type(getattr(got, field.attname)) is type(getattr(expected, field.attname))
    assert actor.roles == stored.roles == helen.roles


def test_a_school_s_user_has_an_actor_without_an_agency(northfield: Tenant) -> None:
    user = get_user_model().objects.create_user(
        email="dsl@school.example", password="correct horse battery", full_name="Sam Lee"
    )
    Person.unscoped.create(
        partnership=northfield.partnership,
        user=user,
        full_name="Sam Lee",
        email="dsl@school.example",
        is_setting_user=True,
    )
    actor = actor_for(user, "northfield")
    assert actor.person.agency is None and actor.partnership.slug == "northfield"


def test_another_partnership_s_slug_is_not_found(
    amira: Person, southvale: Tenant, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    assert client.get("/p/southvale/search/").status_code == 404
    assert client.get("/p/nowhere/search/").status_code == 404


def test_a_user_s_actors_in_every_partnership_are_read_at_once(
    amira: Person, southvale: Tenant, django_assert_num_queries: Any
) -> None:
    """The API's lists (``partnership_actors``) read the user's actor in each of their
    partnerships as ``actor_for`` reads each, in one query, whatever their number; a person
    made inactive gives no actor."""
    from assurance.core.roles import Role
    from assurance.partnerships.access import actors_for_user

    PersonFactory(
        partnership=southvale.partnership,
        agency=southvale.council,
        user=amira.user,
        full_name="Amira in Southvale",
        email=amira.user.email,
        roles=[Role.AUDITOR],
    )
    with django_assert_num_queries(1):
        actors = actors_for_user(amira.user)
    assert [a.partnership.name for a in actors] == sorted(
        [amira.partnership.name, southvale.partnership.name]
    )
    for actor in actors:
        one = actor_for(amira.user, actor.partnership.slug)
        assert (actor.person.pk, actor.roles, actor.agency_id) == (
            one.person.pk,
            one.roles,
            one.agency_id,
        )
    Person.unscoped.filter(pk=amira.pk).update(is_active=False)
    assert [a.partnership.slug for a in actors_for_user(amira.user)] == [southvale.slug]


def test_the_partnership_a_page_s_address_names_is_the_one_its_url_resolves_to(
    northfield: Tenant,
) -> None:
    from assurance.partnerships.middleware import PARTNERSHIP_PAGE

    for path in (SEARCH, PEOPLE, "/p/north-field_2/audits/", "/p/northfield/"):
        resolved = resolve(path).kwargs.get("partnership_slug")
        page = PARTNERSHIP_PAGE.match(path)
        assert page is not None and page.group(1) == resolved, path
    for path in ("/", "/accounts/login/", "/api/v1/partnerships/northfield/agencies/", "/p/"):
        assert PARTNERSHIP_PAGE.match(path) is None, path
