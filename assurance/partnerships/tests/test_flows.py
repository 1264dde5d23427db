"""Amira (the Northfield business unit) manages the partnership through its pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.html import escape

from assurance.core.roles import Role
from assurance.partnerships.models import (
    Agency,
    AgencyKind,
    Group,
    GroupMember,
    Person,
    Priority,
    QuorumRule,
    Sector,
    VotingRule,
)
from assurance.partnerships.tests.factories import (
    AgencyFactory,
    GroupFactory,
    PersonFactory,
    PriorityFactory,
    Tenant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_amira(amira: Person, client_for: Callable[[Any], Client]) -> Client:
    return client_for(amira)


def test_add_and_change_an_agency(northfield: Tenant, as_amira: Client) -> None:
    response = as_amira.post(
        northfield.url("agencies/new/"),
        {
            "name": "Northfield Youth Justice Service",
            "short_name": "Youth justice",
            "kind": AgencyKind.RELEVANT_AGENCY,
            "statutory_role": "",
            "sector": Sector.OTHER,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    agency = Agency.objects_for(northfield.partnership).get(short_name="Youth justice")
    response = as_amira.post(
        northfield.url(f"agencies/{agency.pk}/change/"),
        {
            "name": "Northfield Youth Justice Service",
            "short_name": "YJS",
            "kind": AgencyKind.RELEVANT_AGENCY,
            "statutory_role": "",
            "sector": Sector.OTHER,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == northfield.url(f"agencies/{agency.pk}/")
    agency.refresh_from_db()
    assert agency.short_name == "YJS" and not agency.is_active
    page = as_amira.get(response["Location"]).content.decode()
    assert "Northfield Youth Justice Service" in page


def test_an_invalid_agency_shows_the_error_summary(northfield: Tenant, as_amira: Client) -> None:
    response = as_amira.post(
        northfield.url("agencies/new/"),
        {
            "name": northfield.police.name,
            "short_name": "Dup",
            "kind": AgencyKind.STATUTORY_PARTNER,
            "statutory_role": "",
            "sector": Sector.POLICE,
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Select which statutory partner" in page


def test_add_a_group_and_a_seat(northfield: Tenant, as_amira: Client, helen: Person) -> None:
    response = as_amira.post(
        northfield.url("groups/new/"),
        {
            "name": "Child Death Overview Panel",
            "short_name": "CDOP",
            "purpose": "Reviews the deaths of children.",
            "chair": helen.pk,
            "meeting_frequency": "quarterly",
            "quorum_rule": QuorumRule.MIN_MEMBER_AGENCIES,
            "quorum_number": "3",
            "voting_rule": VotingRule.ONE_PER_MEMBER_AGENCY,
        },
    )
    assert response.status_code == 302
    group = Group.objects_for(northfield.partnership).get(short_name="CDOP")
    assert group.chair == helen
    assert response["Location"] == northfield.url(f"groups/{group.pk}/")

    response = as_amira.post(
        northfield.url(f"groups/{group.pk}/members/new/"),
        {
            "agency": northfield.police.pk,
            "position": "Public protection lead",
            "person": helen.pk,
        },
    )
    assert response.status_code == 302
    seat = GroupMember.objects_for(northfield.partnership).get(group=group)
    assert seat.person == helen

    response = as_amira.post(
        northfield.url(f"groups/{group.pk}/members/{seat.pk}/change/"),
        {"agency": northfield.police.pk, "position": "Chair", "is_deputy_chair": "on"},
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.position == "Chair" and seat.is_deputy_chair and seat.person is None
    page = as_amira.get(northfield.url(f"groups/{group.pk}/")).content.decode()
    assert "Child Death Overview Panel" in page


def test_a_seat_of_another_group_is_not_found(northfield: Tenant, as_amira: Client) -> None:
    group, other = (
        GroupFactory(partnership=northfield.partnership),
        GroupFactory(partnership=northfield.partnership),
    )
    seat = GroupMember.unscoped.create(
        partnership=northfield.partnership, group=other, agency=northfield.police
    )
    url = northfield.url(f"groups/{group.pk}/members/{seat.pk}/change/")
    assert as_amira.get(url).status_code == 404


def test_change_the_terms_of_reference(northfield: Tenant, as_amira: Client) -> None:
    group = GroupFactory(partnership=northfield.partnership, short_name="ARG")
    response = as_amira.post(
        northfield.url(f"groups/{group.pk}/change/"),
        {
            "name": "Assurance and Review Group",
            "short_name": "ARG",
            "purpose": "Assures.",
            "meeting_frequency": "monthly",
            "quorum_rule": QuorumRule.ALL_STATUTORY_PARTNERS,
            "voting_rule": VotingRule.ONE_PER_STATUTORY_PARTNER,
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.voting_rule == VotingRule.ONE_PER_STATUTORY_PARTNER
    assert group.quorum_description == "Representation from all three safeguarding partners"


def test_add_and_change_a_priority(northfield: Tenant, as_amira: Client) -> None:
    response = as_amira.post(
        northfield.url("priorities/new/"),
        {
            "business_year": "2026",
            "title": "Neglect",
            "description": "Act early.",
            "order": "1",
        },
    )
    assert response.status_code == 302
    priority = Priority.objects_for(northfield.partnership).get(title="Neglect")
    response = as_amira.post(
        northfield.url(f"priorities/{priority.pk}/change/"),
        {
            "business_year": "2026",
            "title": "Neglect",
            "description": "Act together.",
            "order": "2",
        },
    )
    assert response.status_code == 302
    page = as_amira.get(northfield.url("priorities/")).content.decode()
    assert "2026/27" in page and "Neglect" in page


def test_adding_a_person_creates_their_account_and_invites_them(
    northfield: Tenant, as_amira: Client
) -> None:
    mail.outbox.clear()
    response = as_amira.post(
        northfield.url("people/new/"),
        {
            "full_name": "Sunita Rao",
            "job_title": "Named GP",
            "email": "Sunita.Rao@Example.org",
            "agency": northfield.health.pk,
            "roles": [Role.AUDITOR.value],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects_for(northfield.partnership).get(email="sunita.rao@example.org")
    assert person.user is not None
    assert person.user.email == "sunita.rao@example.org"
    assert not person.user.has_usable_password()
    assert person.roles == {Role.AUDITOR}
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["sunita.rao@example.org"]
    assert northfield.partnership.name in invitation.subject
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", invitation.body)
    assert link, invitation.body

    # The link lets Sunita choose a password and sign in.
    client = Client()
    form_url = client.get(link.group(1)).url  # type: ignore[attr-defined]
    response = client.post(
        form_url,
        {
            "new_password1": "a-very-long-new-pass-2026",
            "new_password2": "a-very-long-new-pass-2026",
        },
    )
    assert response.status_code == 302
    response = Client().post(
        "/accounts/sign-in/",
        {
            "username": "sunita.rao@example.org",
            "password": "a-very-long-new-pass-2026",
        },
    )
    assert response.status_code == 302, "Sunita cannot sign in with her new password"


def test_adding_someone_who_already_has_an_account_links_it(
    northfield: Tenant, tamsin: Person, as_amira: Client
) -> None:
    """Tamsin (Southvale) joins Northfield too: same account, no invitation e-mail."""
    mail.outbox.clear()
    response = as_amira.post(
        northfield.url("people/new/"),
        {
            "full_name": tamsin.full_name,
            "email": tamsin.user.email.upper(),  # type: ignore[union-attr]
            "agency": northfield.council.pk,
            "roles": [Role.VIEWER.value],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    person = Person.objects_for(northfield.partnership).get(user=tamsin.user)
    assert person.roles == {Role.VIEWER}
    assert mail.outbox == []
    assert get_user_model().objects.filter(email=tamsin.user.email).count() == 1  # type: ignore[union-attr]


def test_a_duplicate_person_is_a_form_error(
    northfield: Tenant, priya: Person, as_amira: Client
) -> None:
    response = as_amira.post(
        northfield.url("people/new/"),
        {
            "full_name": "Priya Again",
            "email": priya.email,
            "agency": northfield.police.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_change_partnership_settings(northfield: Tenant, as_amira: Client) -> None:
    response = as_amira.post(
        northfield.url("settings/"),
        {
            "name": "Northfield Children's Partnership",
            "local_authority_name": "Northfield",
            "la_code": "E08000029",
            "la_number": "334",
            "require_two_factor": "",
        },
    )
    assert response.status_code == 302
    northfield.partnership.refresh_from_db()
    assert northfield.partnership.name == "Northfield Children's Partnership"
    response = as_amira.post(
        northfield.url("settings/"),
        {
            "name": "Northfield",
            "la_code": "123",
            "la_number": "x",
        },
    )
    assert response.status_code == 200
    assert "Enter an ONS code" in response.content.decode()


# --- history --------------------------------------------------------------------------------------


def test_history_shows_who_when_from_and_to(
    northfield: Tenant, amira: Person, as_amira: Client
) -> None:
    priority = PriorityFactory(
        partnership=northfield.partnership,
        title="Neglect",
        business_year=2026,
        description="Old words",
    )
    as_amira.post(
        northfield.url(f"priorities/{priority.pk}/change/"),
        {
            "business_year": "2026",
            "title": "Neglect and early help",
            "description": "Old words",
            "order": str(priority.order),
        },
    )
    page = as_amira.get(northfield.url(f"priorities/{priority.pk}/history/")).content.decode()
    assert "Amira Holloway" in page  # who
    assert "Changed" in page and "Created" in page
    assert "from “Neglect” to “Neglect and early help”" in page  # from and to
    assert re.search(r"\d{1,2} \w{3} \d{4}, \d\d:\d\d", page)  # when


@pytest.mark.parametrize(
    "path",
    [
        "agencies/{agency}/history/",
        "groups/{group}/history/",
        "people/{person}/history/",
        "settings/history/",
    ],
)
def test_history_pages_list_changes_and_cannot_be_posted_to(
    northfield: Tenant, priya: Person, as_amira: Client, path: str
) -> None:
    group = GroupFactory(partnership=northfield.partnership)
    url = northfield.url(path.format(agency=northfield.police.pk, group=group.pk, person=priya.pk))
    response = as_amira.get(url)
    assert response.status_code == 200
    assert "Created" in response.content.decode()
    assert as_amira.post(url, {"history_user": "x"}).status_code == 405


def _all_routes(patterns: list[Any], prefix: str = "") -> list[str]:
    routes = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            routes += _all_routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            routes.append(prefix + str(entry.pattern))
    return routes


def test_no_url_edits_history() -> None:
    """History pages are read-only: no route changes or deletes a history record."""
    for route in _all_routes(get_resolver().url_patterns):
        if "history" in route:
            assert route.rstrip("/").endswith("history"), route


def test_person_detail_shows_roles(northfield: Tenant, as_amira: Client) -> None:
    person = PersonFactory(
        partnership=northfield.partnership,
        agency=northfield.school,
        roles=[Role.AUDITOR, Role.GROUP_MEMBER],
    )
    page = as_amira.get(northfield.url(f"people/{person.pk}/")).content.decode()
    assert escape(person.full_name) in page  # "O'Brien" is escaped in the page
    assert "Auditor" in page and "Group member" in page


def test_adding_an_existing_member_under_their_account_email_is_a_form_error(
    northfield: Tenant, priya: Person, as_amira: Client
) -> None:
    """Priya's contact address changed; adding her sign-in address again must not crash."""
    Person.unscoped.filter(pk=priya.pk).update(email="p.nandra@police.example")
    response = as_amira.post(
        northfield.url("people/new/"),
        {
            "full_name": "Priya Nandra",
            "email": priya.user.email,  # type: ignore[union-attr]
            "agency": northfield.police.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "already" in page
    assert Person.objects_for(northfield.partnership).filter(user=priya.user).count() == 1


def test_statistical_neighbours_start_from_the_dfe_model_and_are_checked(
    northfield: Tenant, as_amira: Client
) -> None:
    northfield.partnership.la_code, northfield.partnership.la_number = "E08000029", "334"
    northfield.partnership.save()
    page = as_amira.get(northfield.url("settings/")).content.decode()
    assert "E08000007 E06000050" in page  # Solihull's first DfE 2025 neighbours, prefilled
    data = {"name": "Northfield", "la_code": "E08000029", "la_number": "334"}
    response = as_amira.post(
        northfield.url("settings/"), {**data, "statistical_neighbours": "E06000020, E99999999"}
    )
    assert response.status_code == 200
    assert "not known: E99999999" in response.content.decode()
    response = as_amira.post(
        northfield.url("settings/"),
        {**data, "statistical_neighbours": "E06000020, E06000049 E06000020", "exception_margin": 5},
    )
    assert response.status_code == 302
    northfield.partnership.refresh_from_db()
    assert northfield.partnership.neighbour_codes == ["E06000020", "E06000049"]
    assert northfield.partnership.exception_margin == 5
    assert northfield.partnership.history.first().statistical_neighbours == "E06000020 E06000049"


def test_the_agencies_page_counts_the_active_partners_and_relevant_agencies(
    northfield: Tenant, as_amira: Client
) -> None:
    """The count the annual report quotes ("relevant agencies working with the partners") is on
    the page it links to: active relevant agencies only, the scrutineer in its own table."""
    AgencyFactory(partnership=northfield.partnership, name="Closed Youth Service", is_active=False)
    AgencyFactory(
        partnership=northfield.partnership,
        name="Northfield Independent Scrutiny",
        kind=AgencyKind.SCRUTINY,
    )
    AgencyFactory(partnership=northfield.partnership, name="Northfield College")
    page = as_amira.get(northfield.url("agencies/")).content.decode()
    counts = re.search(r'data-testid="agency-counts">([^<]*)<', page)
    assert counts is not None
    assert " ".join(counts.group(1).split()) == (
        "3 statutory safeguarding partners and 2 relevant agencies work in the arrangements, "
        "with independent scrutiny from Northfield Independent Scrutiny."
    )
    captions = re.findall(r'<caption class="govuk-table__caption[^"]*">([^<]*)<', page)
    assert captions == [
        "Statutory safeguarding partners",
        "Relevant agencies",
        "Independent scrutiny",
    ]
    assert "Closed Youth Service" in page
