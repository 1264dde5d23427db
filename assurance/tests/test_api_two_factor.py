"""Two-factor sign-in holds on the whole JSON API, as on the pages.

Northfield requires two-factor sign-in of its business unit. Walking every URL of ``/api/v1/``
from the URL table over the demo data, as Northfield's business unit (Amira):

* signed in with her password only, every endpoint that reads a partnership's records answers
  403, whether it names the partnership in its path, reads one of its records or lists records
  across her partnerships;
* with a personal token made before the requirement was turned on, the same;
* signed in with a code from her authenticator app, or with a token made since, each answers as
  the authorisation matrix says.

An endpoint that is not a partnership's (the schema, the list of one's partnerships, the
indicator catalogue, published national statistics) answers as before. A new endpoint is
covered without a change here; if this fails after adding one, it resolves its actor without
``partnerships.api.partnership_actor`` or ``partnership_actors``.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from assurance.core.tests.matrix import ALLOW
from assurance.partnerships.models import Partnership
from assurance.tests.url_table import all_patterns, matrix, url_for

# Not a partnership's records: anyone signed in may read them.
NOT_A_PARTNERSHIPS = {
    "api:schema",
    "api:partnership_list",
    "api:indicator_list",
    "api:indicator_series",  # England's published statistics unless asked for a partnership
    "api:indicator_spc",
}
# ... and the same endpoints asked for the partnership's own series.
FOR_THE_PARTNERSHIP = {"api:indicator_series", "api:indicator_spc"}
BUSINESS_UNIT = "business-unit"


def api_urls() -> list[tuple[str, str]]:
    """(name, URL) of every API endpoint that reads a partnership's records."""
    expected, lookups, _ = matrix()
    urls = []
    for pattern in sorted(all_patterns(), key=lambda p: p.name):
        if not pattern.name.startswith("api:"):
            continue
        url = url_for(pattern, expected, lookups)
        if pattern.name in FOR_THE_PARTNERSHIP:
            urls.append((pattern.name, f"{url}?area=northfield"))
        elif pattern.name not in NOT_A_PARTNERSHIPS:
            urls.append((pattern.name, url))
    return urls


@pytest.fixture
def amira(db: None):
    call_command("demo", quiet_logins=True)
    return get_user_model().objects.get(email=f"{BUSINESS_UNIT}@northfield.example")


def _require_two_factor() -> None:
    Partnership.unscoped.filter(slug="northfield").update(
        require_two_factor=True, two_factor_required_since=timezone.now()
    )


def test_every_partnership_endpoint_is_refused_without_two_factor(amira) -> None:
    old_token = Token.objects.create(user=amira)
    _require_two_factor()
    password_only = Client(raise_request_exception=False)
    password_only.force_login(amira)
    by_old_token = Client(HTTP_AUTHORIZATION=f"Token {old_token.key}")
    urls = api_urls()
    assert len(urls) >= 9
    wrong = []
    for name, url in urls:
        for who, client in (("password only", password_only), ("old token", by_old_token)):
            response = client.get(url)
            if response.status_code != 403:
                wrong.append(f"{name} {url} as {who}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
    # the endpoints that are not a partnership's still answer
    assert password_only.get("/api/v1/partnerships/").status_code == 200
    assert password_only.get("/api/v1/indicators/").status_code == 200


def test_two_factor_sign_in_or_a_token_made_since_reads_them(amira) -> None:
    _require_two_factor()
    device = TOTPDevice.objects.create(user=amira, name="Phone", confirmed=True)
    verified = Client()
    verified.force_login(amira)
    verified.post("/accounts/two-factor/", {"token": str(totp(device.bin_key)).zfill(6)})
    new_token = Token.objects.create(user=amira)
    by_new_token = Client(HTTP_AUTHORIZATION=f"Token {new_token.key}")
    expected, _, _ = matrix()
    wrong = []
    for name, url in api_urls():
        if expected[name].outcomes[BUSINESS_UNIT] != ALLOW:
            continue
        for who, client in (("two-factor session", verified), ("new token", by_new_token)):
            response = client.get(url)
            if response.status_code != 200:
                wrong.append(f"{name} {url} as {who}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
