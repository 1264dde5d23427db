"""Sign-in with the organisation's account and the access log, in a real browser: the business
unit signs in through a provider on loopback (as Entra ID would send them back), opens a case,
and follows the case page's link to who has looked at it; then the partnership's log, on a
phone-width screen. Each page gets axe-core and a screenshot."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from assurance.accounts.oidc import provider as op
from assurance.accounts.oidc.tests.provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    LoopbackProvider,
    running_provider,
)
from assurance.audits.models import AuditCase

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def provider(settings: Any) -> Iterator[LoopbackProvider]:
    with running_provider() as found:
        settings.OIDC_DISCOVERY_URL = found.discovery_url
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_BUTTON_LABEL = "Sign in with Northfield Council"
        op._cache.clear()
        yield found


def test_organisation_sign_in_then_who_has_looked_at_a_case(browse, provider) -> None:
    provider.sign_in_as(
        email="Business-Unit@Northfield.example", email_verified=True, amr=["pwd", "mfa"]
    )
    b = browse("business-unit-oidc")
    b.goto("/accounts/sign-in/")
    b.check("sign-in-with-organisation")
    b.page.get_by_role("button", name="Sign in with Northfield Council").click()
    b.page.wait_for_url(b.url("/p/northfield/"))

    case = AuditCase.unscoped.filter(partnership__slug="northfield").order_by("pk").first()
    assert case is not None
    b.goto(f"/p/northfield/audits/cases/{case.pk}/")
    b.page.get_by_role("link", name="Who has looked at this case").click()
    heading = b.page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(f"Who has looked at audit case {case.reference}")
    expect(b.page.locator("#access-log")).to_contain_text("1 view")
    b.check("record-access-log")

    b.page.set_viewport_size({"width": 375, "height": 800})
    b.goto("/p/northfield/access-log/")
    expect(b.page.locator("#access-log")).to_contain_text(case.reference)
    b.check("access-log-narrow")
    b.page.get_by_label("Reference").fill("no-such-reference")
    b.page.get_by_role("button", name="Filter").click()
    expect(b.page.locator("#access-log")).to_contain_text("No views match the filters.")
    b.check("access-log-filtered")
    b.assert_clean()
