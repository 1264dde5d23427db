"""Self-assessments, as far as they go (issue 11): the business unit finds the schools and
colleges loaded from the GIAS sample through the service navigation, filters them, opens one and
its history, and finds the shipped self-assessment tools among the frameworks; axe on every
page, and the list and a school's page fit a phone (375 px) without scrolling sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, assert_fits_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_schools_and_colleges_and_the_shipped_tools(browse) -> None:
    b = browse("selfassessment-journey")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/")
    b.page.get_by_role("link", name="Self-assessment").first.click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Schools and colleges")
    expect(b.page.locator("#status-counts")).to_contain_text("open")
    b.check("setting-list")

    b.page.get_by_label("Phase").select_option("Secondary")
    b.page.get_by_role("button", name="Filter").click()
    rows = b.page.locator("#settings tbody tr")
    expect(rows.first).to_contain_text("Secondary")
    b.check("setting-list-secondary")
    b.page.locator("#settings tbody tr a").first.click()
    expect(b.page.locator(".govuk-summary-list")).to_contain_text("Secondary")
    expect(b.page.locator(".govuk-summary-list")).to_contain_text(re.compile(r"\b99\d{4}\b"))
    b.check("setting-detail")
    detail = b.page.url
    b.page.get_by_role("link", name="View the history of this setting").click()
    expect(b.page.locator("main")).to_contain_text("Imported from gias_sample.csv")
    b.check("setting-history")

    b.goto("/p/northfield/frameworks/")
    expect(b.page.locator("main")).to_contain_text("Section 11 self-assessment")
    expect(b.page.locator("main")).to_contain_text(
        "Section 175/157 safeguarding self-assessment for schools and colleges"
    )
    b.check("frameworks-with-tools")

    b.assert_clean()

    phone = browse("selfassessment-phone", viewport=PHONE)
    phone.sign_in("business-unit@northfield.example")
    for name, url in (("setting-list", "/p/northfield/self-assessment/settings/"),
                      ("setting-detail", detail.removeprefix(b.base_url))):  # fmt: skip
        phone.goto(url)
        assert_fits_window(phone.page)
        phone.check(name)
    phone.assert_clean()
