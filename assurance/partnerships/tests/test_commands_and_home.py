"""create_partnership for operators, and the business unit's to-do list on the home page."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from assurance.core.business_year import current_business_year
from assurance.core.roles import Role
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.partnerships.tests.factories import GroupFactory, PriorityFactory, Tenant

pytestmark = pytest.mark.django_db


def create(**options: str) -> str:
    out = StringIO()
    call_command(
        "create_partnership",
        slug="eastmere",
        name="Eastmere Safeguarding Children Partnership",
        local_authority="Eastmere Council",
        admin_email="Lead@Eastmere.example",
        admin_name="Oona Pike",
        stdout=out,
        **options,
    )
    return out.getvalue()


def test_create_partnership_is_idempotent_and_the_admin_can_set_a_password() -> None:
    assert "created" in create()
    assert "already existed" in create()
    partnership = Partnership.unscoped.get(slug="eastmere")
    assert Agency.objects_for(partnership).count() == 1
    admin = Person.objects_for(partnership).get()
    assert admin.roles == {Role.BUSINESS_UNIT}
    assert admin.email == "lead@eastmere.example"
    # As the command says: they set their password with "Forgotten your password".
    mail.outbox.clear()
    Client().post("/accounts/password-reset/", {"email": "lead@eastmere.example"})
    assert len(mail.outbox) == 1


def test_the_business_unit_is_told_what_the_set_up_lacks(
    northfield: Tenant, amira: Person, helen: Person, client_for: Callable[[Any], Client]
) -> None:
    GroupFactory(partnership=northfield.partnership, chair=None)
    page = client_for(amira).get(northfield.url()).content.decode()
    assert "Set the partnership&#x27;s priorities" in page or "Set the partnership's" in page
    assert "Name an agency lead for each agency" in page
    assert "Name a chair for each group" in page


def test_nothing_to_do_once_set_up(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    PriorityFactory(partnership=northfield.partnership, business_year=current_business_year())
    for agency in (northfield.council, northfield.police, northfield.health, northfield.school):
        Person.unscoped.create(
            partnership=northfield.partnership,
            agency=agency,
            full_name=f"Lead of {agency}",
            email=f"lead{agency.pk}@x.test",
            is_agency_lead=True,
        )
    page = client_for(amira).get(northfield.url()).content.decode()
    assert "Name an agency lead" not in page
    assert "priorities for" not in page


def test_other_roles_do_not_get_the_set_up_to_do_list(
    northfield: Tenant, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(priya).get(northfield.url()).content.decode()
    assert "Name an agency lead" not in page
