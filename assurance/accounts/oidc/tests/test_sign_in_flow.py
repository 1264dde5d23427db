"""Sign-in with an organisation's account, end to end through the test client and a provider
on loopback: the start page sends the browser to the provider, the provider sends it back with a
code, the callback exchanges the code for an ID token and signs the person in.

Priya audits for Northfield's police, whose Entra ID says her address is verified; anyone the
business unit has not added, or whose address the provider has not verified, stays out; a token
from another issuer, for another nonce, or signed with another key is refused.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client

from assurance.accounts.oidc import provider as op
from assurance.accounts.oidc.tests.provider import LoopbackProvider
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db

START = "/accounts/organisation/"
SIGN_IN = "/accounts/sign-in/"


@pytest.fixture(autouse=True)
def _fresh_discovery() -> None:
    op._cache.clear()


def organisation_sign_in(client: Client, provider: LoopbackProvider, start: str = START) -> Any:
    """Press the button, pass through the provider, land on the callback; its response."""
    response = client.get(start)
    assert response.status_code == 302, response
    assert response["Location"].startswith(f"{provider.url}/authorize?")
    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert back.status_code == 302
    callback = back.headers["Location"]
    assert callback.startswith("http://testserver/accounts/organisation/callback/?")
    return client.get(callback.removeprefix("http://testserver"))


def signed_in_as(client: Client) -> Any:
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def message(response: Any) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_a_verified_email_signs_in_as_that_person(
    provider: LoopbackProvider, northfield: Tenant, priya: Person
) -> None:
    provider.sign_in_as(email="PRIYA@Northfield.test", email_verified=True)
    client = Client()
    response = organisation_sign_in(client, provider)
    assert response.status_code == 302
    assert signed_in_as(client) == priya.user
    home = client.get(response["Location"], follow=True)
    assert home.redirect_chain[-1][0] == northfield.url()


def test_entra_ids_verified_domain_claim_counts_as_verified(
    provider: LoopbackProvider, priya: Person
) -> None:
    provider.sign_in_as(email=priya.email, xms_edov=True)
    client = Client()
    organisation_sign_in(client, provider)
    assert signed_in_as(client) == priya.user


def test_the_page_asked_for_is_where_the_sign_in_lands(
    provider: LoopbackProvider, northfield: Tenant, priya: Person
) -> None:
    provider.sign_in_as(email=priya.email, email_verified=True)
    page = northfield.url() + "audits/"
    response = organisation_sign_in(Client(), provider, start=f"{START}?next={page}")
    assert response["Location"] == page


def test_an_unverified_email_is_refused(provider: LoopbackProvider, priya: Person) -> None:
    provider.sign_in_as(email=priya.email, email_verified=False)
    client = Client()
    response = organisation_sign_in(client, provider)
    assert response["Location"] == SIGN_IN
    assert signed_in_as(client) is None
    page = client.get(SIGN_IN)
    assert "has not confirmed that the e-mail address is yours" in message(page)


def test_an_unknown_email_is_refused_with_a_clear_message(
    provider: LoopbackProvider, priya: Person
) -> None:
    provider.sign_in_as(email="stranger@northfield.test", email_verified=True)
    client = Client()
    response = organisation_sign_in(client, provider)
    assert response["Location"] == SIGN_IN
    assert signed_in_as(client) is None
    assert not get_user_model().objects.filter(email="stranger@northfield.test").exists()
    page = client.get(SIGN_IN)
    assert "There is no account for stranger@northfield.test in this service" in message(page)
    assert "Ask your partnership's business unit to add you" in message(page)


def test_a_deactivated_person_is_refused(provider: LoopbackProvider, priya: Person) -> None:
    priya.user.is_active = False
    priya.user.save()
    provider.sign_in_as(email=priya.email, email_verified=True)
    client = Client()
    organisation_sign_in(client, provider)
    assert signed_in_as(client) is None


@pytest.mark.parametrize(
    "tamper",
    [
        {"issuer": "https://login.example/another-tenant/v2.0"},
        {"nonce": "a-nonce-from-another-sign-in"},
        {"foreign_key": True},
        {"audience": "another-service"},
        {"expired": True},
    ],
    ids=["wrong-issuer", "wrong-nonce", "wrong-signature", "wrong-audience", "expired"],
)
def test_a_token_that_fails_a_check_is_refused(
    provider: LoopbackProvider, priya: Person, tamper: dict[str, Any]
) -> None:
    provider.sign_in_as(email=priya.email, email_verified=True)
    provider.tamper = tamper
    client = Client()
    response = organisation_sign_in(client, provider)
    assert response.status_code == 302
    assert response["Location"] == SIGN_IN
    assert signed_in_as(client) is None
    page = client.get(SIGN_IN)
    assert "could not be confirmed" in message(page)


def test_a_callback_is_used_once(provider: LoopbackProvider, priya: Person) -> None:
    provider.sign_in_as(email=priya.email, email_verified=True)
    client = Client()
    response = client.get(START)
    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    callback = back.headers["Location"].removeprefix("http://testserver")
    assert client.get(callback)["Location"] != SIGN_IN
    client.logout()
    assert client.get(callback)["Location"] == SIGN_IN
    assert signed_in_as(client) is None


def test_a_callback_without_the_start_in_this_browser_is_refused(
    provider: LoopbackProvider, priya: Person
) -> None:
    """A code and state made for someone else's browser (a forged link) sign nobody in."""
    provider.sign_in_as(email=priya.email, email_verified=True)
    victim, attacker = Client(), Client()
    response = attacker.get(START)
    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    callback = back.headers["Location"].removeprefix("http://testserver")
    assert victim.get(callback)["Location"] == SIGN_IN
    assert signed_in_as(victim) is None
    assert provider.token_requests == 0


def test_cancelling_at_the_provider_says_so(provider: LoopbackProvider) -> None:
    client = Client()
    client.get(START)
    response = client.get("/accounts/organisation/callback/?error=access_denied&state=x")
    assert response["Location"] == SIGN_IN
    assert "did not finish signing in" in message(client.get(SIGN_IN))


def test_a_discovery_document_for_another_issuer_is_refused(
    provider: LoopbackProvider, priya: Person
) -> None:
    provider.tamper = {"discovery_issuer": "https://login.example/someone-else"}
    client = Client()
    response = client.get(START)
    assert response["Location"] == SIGN_IN
    assert "could not reach your organisation's sign-in service" in message(client.get(SIGN_IN))


def test_an_unreachable_provider_is_explained(settings: Any) -> None:
    settings.OIDC_DISCOVERY_URL = "http://127.0.0.1:9/.well-known/openid-configuration"
    settings.OIDC_RP_CLIENT_ID = "client"
    client = Client()
    assert client.get(START)["Location"] == SIGN_IN
    assert "could not reach" in message(client.get(SIGN_IN))


def test_the_sign_in_page_offers_the_button_when_configured(provider: LoopbackProvider) -> None:
    page = Client().get(SIGN_IN + "?next=/p/northfield/").content.decode()
    assert "Sign in with Northfield Council" in page
    assert f'href="{START}?next=/p/northfield/"' in page
    assert "E-mail address" in page  # local accounts stay


def test_without_a_provider_there_is_no_button_and_no_route(settings: Any) -> None:
    settings.OIDC_DISCOVERY_URL = ""
    page = Client().get(SIGN_IN).content.decode()
    assert START not in page
    assert "organisation" not in page
    assert Client().get(START).status_code == 404
    assert Client().get("/accounts/organisation/callback/?code=x&state=y").status_code == 404


def test_a_password_sign_in_never_reaches_the_provider(
    provider: LoopbackProvider, priya: Person
) -> None:
    from assurance.partnerships.tests.factories import TEST_PASSWORD

    op._cache.clear()
    client = Client()
    client.post(SIGN_IN + "?code=x&state=y", {"username": priya.email, "password": TEST_PASSWORD})
    assert signed_in_as(client) == priya.user
    assert op._cache == {}


@pytest.fixture
def strict_northfield(northfield: Tenant) -> Tenant:
    northfield.partnership.require_two_factor = True
    northfield.partnership.save()
    return northfield


def test_the_providers_multi_factor_sign_in_counts_as_two_factor(
    provider: LoopbackProvider, strict_northfield: Tenant, amira: Person
) -> None:
    """Amira runs the business unit of a partnership that requires two-factor sign-in; her
    council's Entra ID asked for her authenticator, and says so in ``amr``."""
    provider.sign_in_as(email=amira.email, email_verified=True, amr=["pwd", "mfa"])
    client = Client()
    organisation_sign_in(client, provider)
    assert client.get(strict_northfield.url()).status_code == 200
    api = client.get("/api/v1/partnerships/")
    assert api.status_code == 200


def test_a_single_factor_sign_in_still_asks_for_a_code(
    provider: LoopbackProvider, strict_northfield: Tenant, amira: Person
) -> None:
    provider.sign_in_as(email=amira.email, email_verified=True, amr=["pwd"])
    client = Client()
    organisation_sign_in(client, provider)
    assert signed_in_as(client) == amira.user
    response = client.get(strict_northfield.url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")


def test_refused_organisation_sign_ins_do_not_lock_out_the_office(
    provider: LoopbackProvider, priya: Person, settings: Any
) -> None:
    """Colleagues behind one address, not yet added, try the button more times than the
    lockout allows; Priya, who has been added, still gets in."""
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        provider.sign_in_as(email="not-yet-added@northfield.test", email_verified=True)
        organisation_sign_in(Client(), provider)
    provider.sign_in_as(email=priya.email, email_verified=True)
    client = Client()
    organisation_sign_in(client, provider)
    assert signed_in_as(client) == priya.user
