"""Two-factor sign-in (TOTP) that a partnership can require of its business unit and scrutineer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db

TWO_FACTOR = "/accounts/two-factor/"


@pytest.fixture
def strict_northfield(northfield: Tenant) -> Tenant:
    northfield.partnership.require_two_factor = True
    northfield.partnership.save()
    return northfield


def code(device: TOTPDevice, drift: int = 0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return str(value).zfill(device.digits)


@pytest.mark.parametrize("persona", ["amira", "corinne"])
def test_privileged_roles_set_up_totp_then_get_in(
    strict_northfield: Tenant,
    persona: str,
    request: pytest.FixtureRequest,
    client_for: Callable[[Any], Client],
) -> None:
    """Amira (business unit) and Corinne (scrutineer) must set up an authenticator first."""
    person: Person = request.getfixturevalue(persona)
    client = client_for(person)
    home = strict_northfield.url()
    response = client.get(home)
    assert response.status_code == 302
    assert response["Location"] == f"{TWO_FACTOR}?next={home}"

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "<svg" in page.content.decode()  # the QR code, drawn without inline script
    device = TOTPDevice.objects.get(user=person.user, confirmed=False)

    bad = "000000" if code(device) != "000000" else "111111"
    wrong = client.post(TWO_FACTOR, {"token": bad, "next": home})
    assert wrong.status_code == 200
    assert "The code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows retries after a failure; skip the wait

    response = client.post(TWO_FACTOR, {"token": code(device), "next": home})
    assert response.status_code == 302
    assert response["Location"] == home
    assert client.get(home).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_next_sign_in_asks_for_a_code_from_the_same_device(
    strict_northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    device = TOTPDevice.objects.create(user=amira.user, name="Phone", confirmed=True)
    client = client_for(amira)
    response = client.get(strict_northfield.url("agencies/"))
    assert response["Location"].startswith(TWO_FACTOR)
    page = client.get(response["Location"]).content.decode()
    assert "<svg" not in page  # verifying, not setting up
    response = client.post(
        TWO_FACTOR, {"token": code(device), "next": strict_northfield.url("agencies/")}
    )
    assert response.status_code == 302
    assert client.get(strict_northfield.url("agencies/")).status_code == 200


def test_other_roles_are_not_asked(
    strict_northfield: Tenant,
    priya: Person,
    helen: Person,
    dev: Person,
    client_for: Callable[[Any], Client],
) -> None:
    for person in (priya, helen, dev):
        assert client_for(person).get(strict_northfield.url()).status_code == 200


def test_nobody_is_asked_when_the_partnership_does_not_require_it(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    assert client_for(amira).get(northfield.url()).status_code == 200


def test_two_factor_next_never_leaves_the_site(
    strict_northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    device = TOTPDevice.objects.create(user=amira.user, name="Phone", confirmed=True)
    client = client_for(amira)
    response = client.post(TWO_FACTOR, {"token": code(device), "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_business_unit_can_require_two_factor(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(amira)
    response = client.post(
        northfield.url("settings/"),
        {
            "name": northfield.partnership.name,
            "require_two_factor": "on",
        },
    )
    assert response.status_code == 302
    assert client.get(northfield.url()).status_code == 302  # now asked for a code


def test_the_api_asks_for_two_factor_too(
    strict_northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    """A password-only session must not read through the API what the pages withhold."""
    client = client_for(amira)
    response = client.get("/api/v1/partnerships/northfield/agencies/")
    assert response.status_code == 403
    device = TOTPDevice.objects.create(user=amira.user, name="Phone", confirmed=True)
    client.post(TWO_FACTOR, {"token": code(device), "next": "/"})
    assert client.get("/api/v1/partnerships/northfield/agencies/").status_code == 200


def test_an_api_token_needs_two_factor_where_it_is_required(
    strict_northfield: Tenant, amira: Person, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    from rest_framework.authtoken.models import Token

    client = client_for(amira)
    response = client.post("/accounts/", {"action": "create_token"})
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR)
    assert not Token.objects.filter(user=amira.user).exists()
    device = TOTPDevice.objects.create(user=amira.user, name="Phone", confirmed=True)
    client.post(TWO_FACTOR, {"token": code(device), "next": "/"})
    client.post("/accounts/", {"action": "create_token"})
    assert Token.objects.filter(user=amira.user).exists()
    # Priya (an auditor) is not asked, so she gets a token straight away.
    client_for(priya).post("/accounts/", {"action": "create_token"})
    assert Token.objects.filter(user=priya.user).exists()
