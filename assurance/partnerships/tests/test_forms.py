"""The partnership's forms: the rules a business unit meets when it manages the partnership."""

from __future__ import annotations

from typing import Any

import pytest

from assurance.core.roles import Role
from assurance.partnerships.forms import (
    AgencyForm,
    GroupForm,
    GroupMemberForm,
    PersonForm,
    PriorityForm,
)
from assurance.partnerships.models import (
    AgencyKind,
    MeetingFrequency,
    Person,
    QuorumRule,
    Sector,
    StatutoryRole,
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


def agency_data(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Northfield Youth Justice Service",
        "short_name": "Youth justice",
        "kind": AgencyKind.RELEVANT_AGENCY,
        "statutory_role": "",
        "sector": Sector.OTHER,
        "is_active": "on",
        **overrides,
    }


def group_data(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Child Death Overview Panel",
        "short_name": "CDOP",
        "purpose": "Reviews the deaths of children.",
        "meeting_frequency": MeetingFrequency.QUARTERLY,
        "quorum_rule": QuorumRule.MIN_MEMBER_AGENCIES,
        "quorum_number": "3",
        "voting_rule": VotingRule.CONSENSUS,
        **overrides,
    }


# --- agencies ---------------------------------------------------------------------------------


def test_a_relevant_agency_is_valid(northfield: Tenant) -> None:
    form = AgencyForm(data=agency_data(), partnership=northfield.partnership)
    assert form.is_valid(), form.errors
    agency = form.save()
    assert agency.partnership == northfield.partnership


def test_a_statutory_partner_needs_its_statutory_role(northfield: Tenant) -> None:
    form = AgencyForm(
        data=agency_data(kind=AgencyKind.STATUTORY_PARTNER), partnership=northfield.partnership
    )
    assert not form.is_valid()
    assert "Select which statutory partner" in form.errors["statutory_role"][0]


def test_a_relevant_agency_has_no_statutory_role(northfield: Tenant) -> None:
    form = AgencyForm(
        data=agency_data(statutory_role=StatutoryRole.POLICE), partnership=northfield.partnership
    )
    assert not form.is_valid()
    assert "Only statutory safeguarding partners" in form.errors["statutory_role"][0]


def test_only_one_agency_per_statutory_role(northfield: Tenant) -> None:
    """Northfield already has its police: a second is a message on the form, not a crash."""
    form = AgencyForm(
        data=agency_data(
            name="Another Police Force",
            kind=AgencyKind.STATUTORY_PARTNER,
            statutory_role=StatutoryRole.POLICE,
            sector=Sector.POLICE,
        ),
        partnership=northfield.partnership,
    )
    assert not form.is_valid()
    assert form.errors == {
        "statutory_role": [
            f"{northfield.police.name} already has this statutory role (Police); only one "
            "agency in the partnership can have it."
        ]
    }


def test_an_agency_cannot_take_another_agencys_statutory_role(northfield: Tenant) -> None:
    """Changing the school into the health partner names the health board, on the field; the
    database's own "Constraint … is violated" is never shown."""
    form = AgencyForm(
        data=agency_data(
            name=northfield.school.name,
            kind=AgencyKind.STATUTORY_PARTNER,
            statutory_role=StatutoryRole.HEALTH,
            sector=Sector.HEALTH_COMMISSIONER,
        ),
        instance=northfield.school,
        partnership=northfield.partnership,
    )
    assert not form.is_valid()
    assert list(form.errors) == ["statutory_role"]
    [message] = form.errors["statutory_role"]
    assert northfield.health.name in message and "Health (integrated care board)" in message
    assert "onstraint" not in str(form.errors)


def test_an_agency_keeps_its_own_statutory_role(northfield: Tenant) -> None:
    form = AgencyForm(
        data=agency_data(
            name=northfield.police.name,
            short_name=northfield.police.short_name,
            kind=AgencyKind.STATUTORY_PARTNER,
            statutory_role=StatutoryRole.POLICE,
            sector=Sector.POLICE,
        ),
        instance=northfield.police,
        partnership=northfield.partnership,
    )
    assert form.is_valid(), form.errors


def test_agency_names_are_unique_within_a_partnership_only(
    northfield: Tenant, southvale: Tenant
) -> None:
    taken = agency_data(name=northfield.police.name)
    form = AgencyForm(data=taken, partnership=northfield.partnership)
    assert not form.is_valid()
    assert form.errors
    # Southvale may use the same name: uniqueness is per partnership.
    form = AgencyForm(data=taken, partnership=southvale.partnership)
    assert form.is_valid(), form.errors


def test_changing_an_agency_keeps_its_own_name_valid(northfield: Tenant) -> None:
    agency = northfield.school
    form = AgencyForm(
        data=agency_data(name=agency.name, short_name="Schools"),
        instance=agency,
        partnership=northfield.partnership,
    )
    assert form.is_valid(), form.errors


# --- groups -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", [QuorumRule.MIN_MEMBER_AGENCIES, QuorumRule.MIN_MEMBERS])
def test_a_quorum_rule_with_a_number_needs_the_number(northfield: Tenant, rule: str) -> None:
    form = GroupForm(
        data=group_data(quorum_rule=rule, quorum_number=""), partnership=northfield.partnership
    )
    assert not form.is_valid()
    assert "how many" in form.errors["quorum_number"][0]


@pytest.mark.parametrize("rule", [QuorumRule.ALL_STATUTORY_PARTNERS, QuorumRule.NONE])
def test_a_quorum_rule_without_a_number_drops_it(northfield: Tenant, rule: str) -> None:
    form = GroupForm(
        data=group_data(quorum_rule=rule, quorum_number="4"), partnership=northfield.partnership
    )
    assert form.is_valid(), form.errors
    assert form.save().quorum_number is None


def test_a_quorum_of_zero_is_refused(northfield: Tenant) -> None:
    form = GroupForm(data=group_data(quorum_number="0"), partnership=northfield.partnership)
    assert not form.is_valid()
    assert "quorum_number" in form.errors


def test_group_short_names_are_unique_per_partnership(
    northfield: Tenant, southvale: Tenant
) -> None:
    GroupFactory(partnership=northfield.partnership, short_name="CDOP")
    form = GroupForm(data=group_data(), partnership=northfield.partnership)
    assert not form.is_valid()
    assert form.errors
    assert GroupForm(data=group_data(), partnership=southvale.partnership).is_valid()


def test_group_choices_never_include_another_partnerships_records(
    northfield: Tenant, southvale: Tenant
) -> None:
    ours = PersonFactory(partnership=northfield.partnership, agency=northfield.council)
    theirs = PersonFactory(partnership=southvale.partnership, agency=southvale.council)
    our_group = GroupFactory(partnership=northfield.partnership)
    their_group = GroupFactory(partnership=southvale.partnership)
    form = GroupForm(partnership=northfield.partnership)
    chairs = list(form.fields["chair"].queryset)  # type: ignore[attr-defined]
    parents = list(form.fields["accountable_to"].queryset)  # type: ignore[attr-defined]
    assert ours in chairs and theirs not in chairs
    assert our_group in parents and their_group not in parents
    # And posting another partnership's record is refused as an invalid choice.
    form = GroupForm(data=group_data(chair=theirs.pk), partnership=northfield.partnership)
    assert not form.is_valid()
    assert "chair" in form.errors


# --- seats ------------------------------------------------------------------------------------


def test_a_seat_holder_must_work_for_the_seats_agency(northfield: Tenant) -> None:
    group = GroupFactory(partnership=northfield.partnership)
    officer = PersonFactory(partnership=northfield.partnership, agency=northfield.police)
    form = GroupMemberForm(
        data={"agency": northfield.health.pk, "position": "Designated nurse", "person": officer.pk},
        partnership=northfield.partnership,
        group=group,
    )
    assert not form.is_valid()
    assert "works for" in form.errors["person"][0]
    form = GroupMemberForm(
        data={
            "agency": northfield.police.pk,
            "position": "Public protection",
            "person": officer.pk,
        },
        partnership=northfield.partnership,
        group=group,
    )
    assert form.is_valid(), form.errors
    seat = form.save()
    assert seat.group == group and seat.partnership == northfield.partnership


def test_seat_choices_never_include_another_partnerships_records(
    northfield: Tenant, southvale: Tenant
) -> None:
    group = GroupFactory(partnership=northfield.partnership)
    theirs = PersonFactory(partnership=southvale.partnership, agency=southvale.police)
    form = GroupMemberForm(partnership=northfield.partnership, group=group)
    agencies = set(form.fields["agency"].queryset)  # type: ignore[attr-defined]
    assert northfield.police in agencies and southvale.police not in agencies
    assert theirs not in set(form.fields["person"].queryset)  # type: ignore[attr-defined]
    form = GroupMemberForm(
        data={"agency": southvale.police.pk, "position": "x"},
        partnership=northfield.partnership,
        group=group,
    )
    assert not form.is_valid()
    assert "agency" in form.errors


# --- people -----------------------------------------------------------------------------------


def person_data(tenant: Tenant, **overrides: Any) -> dict[str, Any]:
    return {
        "full_name": "Sunita Rao",
        "job_title": "Named GP",
        "email": "Sunita.Rao@Example.org",
        "agency": tenant.health.pk,
        "roles": [Role.AUDITOR.value, Role.GROUP_MEMBER.value],
        "is_active": "on",
        **overrides,
    }


def test_person_roles_become_the_role_flags(northfield: Tenant) -> None:
    form = PersonForm(data=person_data(northfield), partnership=northfield.partnership)
    assert form.is_valid(), form.errors
    person: Person = form.save()
    assert person.roles == {Role.AUDITOR, Role.GROUP_MEMBER}
    assert person.email == "sunita.rao@example.org"
    # Changing the roles replaces them.
    form = PersonForm(
        data=person_data(northfield, roles=[Role.VIEWER.value]),
        instance=person,
        partnership=northfield.partnership,
    )
    assert set(form.initial["roles"]) == {Role.AUDITOR.value, Role.GROUP_MEMBER.value}
    assert form.is_valid(), form.errors
    assert form.save().roles == {Role.VIEWER}


def test_person_email_unique_per_partnership_gives_a_form_error(
    northfield: Tenant, southvale: Tenant
) -> None:
    PersonFactory(partnership=northfield.partnership, email="sunita.rao@example.org")
    form = PersonForm(data=person_data(northfield), partnership=northfield.partnership)
    assert not form.is_valid()
    assert form.errors
    form = PersonForm(
        data=person_data(southvale, agency=southvale.health.pk),
        partnership=southvale.partnership,
    )
    assert form.is_valid(), form.errors


def test_person_agency_choices_are_the_partnerships_own(
    northfield: Tenant, southvale: Tenant
) -> None:
    form = PersonForm(
        data=person_data(northfield, agency=southvale.health.pk),
        partnership=northfield.partnership,
    )
    assert not form.is_valid()
    assert "agency" in form.errors


# --- priorities -------------------------------------------------------------------------------


def test_priority_year_must_be_plausible(northfield: Tenant) -> None:
    data = {"business_year": "26", "title": "Neglect", "description": "", "order": "1"}
    form = PriorityForm(data=data, partnership=northfield.partnership)
    assert not form.is_valid()
    assert "business_year" in form.errors


def test_priority_titles_unique_per_year(northfield: Tenant) -> None:
    PriorityFactory(partnership=northfield.partnership, business_year=2026, title="Neglect")
    data = {"business_year": "2026", "title": "Neglect", "description": "", "order": "1"}
    form = PriorityForm(data=data, partnership=northfield.partnership)
    assert not form.is_valid()
    assert form.errors
    data["business_year"] = "2027"
    assert PriorityForm(data=data, partnership=northfield.partnership).is_valid()


def test_factories_make_a_consistent_partnership() -> None:
    seat_holder = PersonFactory(roles=[Role.AGENCY_LEAD])
    assert seat_holder.agency.partnership == seat_holder.partnership
    assert seat_holder.user.email == seat_holder.email
    assert seat_holder.roles == {Role.AGENCY_LEAD}
    assert AgencyFactory(statutory=StatutoryRole.HEALTH).is_statutory_partner


def test_a_group_is_never_accountable_to_itself(northfield: Tenant) -> None:
    executive = GroupFactory(partnership=northfield.partnership, short_name="LSCP")
    arg = GroupFactory(
        partnership=northfield.partnership, short_name="ARG", accountable_to=executive
    )
    form = GroupForm(
        data=group_data(short_name="ARG", accountable_to=arg.pk),
        instance=arg,
        partnership=northfield.partnership,
    )
    assert not form.is_valid()
    assert "accountable to itself" in form.errors["accountable_to"][0]
    # Nor through another group: the executive cannot report to the ARG that reports to it.
    form = GroupForm(
        data=group_data(short_name="LSCP", accountable_to=arg.pk),
        instance=executive,
        partnership=northfield.partnership,
    )
    assert not form.is_valid()
    assert "accountable_to" in form.errors
    form = GroupForm(
        data=group_data(short_name="ARG", accountable_to=executive.pk),
        instance=arg,
        partnership=northfield.partnership,
    )
    assert form.is_valid(), form.errors
