"""The account page: personal API tokens and turning two-factor sign-in off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import TEST_PASSWORD, Tenant, UserFactory

pytestmark = pytest.mark.django_db


def test_account_page_lists_ones_partnerships(
    northfield: Tenant, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(priya).get("/accounts/").content.decode()
    assert northfield.partnership.name in page
    assert "Off" in page  # two-factor


def test_create_use_and_revoke_an_api_token(
    northfield: Tenant, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(priya)
    response = client.post("/accounts/", {"action": "create_token"}, follow=True)
    token = Token.objects.get(user=priya.user)
    assert token.key in response.content.decode()  # shown once
    assert token.key not in client.get("/accounts/").content.decode()  # and only once
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/partnerships/northfield/agencies/").status_code == 200

    client.post("/accounts/", {"action": "create_token"})
    assert api.get("/api/v1/partnerships/").status_code in (401, 403)  # replaced

    client.post("/accounts/", {"action": "revoke_token"})
    assert not Token.objects.filter(user=priya.user).exists()


def test_a_token_made_before_a_password_change_stops_working(
    northfield: Tenant, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    """A password change ends the other sessions; it ends the API token made before it too."""
    client = client_for(priya)
    client.post("/accounts/", {"action": "create_token"})
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=priya.user).key}")
    url = "/api/v1/partnerships/northfield/agencies/"
    assert api.get(url).status_code == 200
    new = "a-brand-new-long-password-7"
    response = client.post(
        "/accounts/password/",
        {"old_password": TEST_PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    refused = api.get(url)
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"] == "Token"
    assert "before your password was changed" in refused.content.decode()
    client.post("/accounts/", {"action": "create_token"})  # still signed in here
    fresh = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=priya.user).key}")
    assert fresh.get(url).status_code == 200


def test_turning_two_factor_on_ends_the_tokens_made_before(
    northfield: Tenant, amira: Person, priya: Person, client_for: Callable[[Any], Client]
) -> None:
    """Amira (business unit) made a token with her password alone, when Northfield did not
    require two-factor; once it does, that token reads nothing of Northfield's. Priya (an
    auditor, whose role two-factor does not cover) keeps hers."""
    old = {p: Token.objects.create(user=p.user) for p in (amira, priya)}
    url = "/api/v1/partnerships/northfield/agencies/"
    settings = {
        "name": northfield.partnership.name,
        "la_code": "E08000029",
        "la_number": "334",
        "require_two_factor": "on",
    }
    assert client_for(amira).post(northfield.url("settings/"), settings).status_code == 302
    northfield.partnership.refresh_from_db()
    since = northfield.partnership.two_factor_required_since
    assert since is not None and since > old[amira].created
    refused = Client(HTTP_AUTHORIZATION=f"Token {old[amira].key}").get(url)
    assert refused.status_code == 403
    assert "made before this partnership required two-factor" in refused.content.decode()
    assert Client(HTTP_AUTHORIZATION=f"Token {old[priya].key}").get(url).status_code == 200
    # Saving the settings again does not move the date on.
    assert client_for(amira).post(northfield.url("settings/"), settings).status_code == 302
    northfield.partnership.refresh_from_db()
    assert northfield.partnership.two_factor_required_since == since


def test_turning_two_factor_off_asks_again_where_it_is_required(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    device = TOTPDevice.objects.create(user=amira.user, name="Phone", confirmed=True)
    client = client_for(amira)
    # A session signed in with the password alone may not remove the device...
    response = client.post("/accounts/", {"action": "remove_device"})
    assert response["Location"].startswith("/accounts/two-factor/")
    assert TOTPDevice.objects.filter(user=amira.user).exists()
    # ...one that has entered a code may.
    client.post("/accounts/two-factor/", {"token": str(totp(device.bin_key)).zfill(6)})
    client.post("/accounts/", {"action": "remove_device"})
    assert not TOTPDevice.objects.filter(user=amira.user).exists()
    northfield.partnership.require_two_factor = True
    northfield.partnership.save()
    assert client.get(northfield.url())["Location"].startswith("/accounts/two-factor/")


def test_someone_in_no_partnership_is_told_so(
    db: None, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(UserFactory()).get("/").content.decode()
    assert "You do not belong to any partnership yet" in page


def test_the_account_page_needs_sign_in(db: None) -> None:
    response = Client().get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
