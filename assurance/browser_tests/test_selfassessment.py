"""Self-assessments, as far as they go (issue 11): the business unit finds the schools and
colleges loaded from the GIAS sample through the service navigation, filters them, opens one and
its history, and finds the shipped self-assessment tools among the frameworks; it opens a round
and invites a school's lead, who accepts and sees her school only. Axe on every page, and the
list and a school's page fit a phone (375 px) without scrolling sideways."""

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


def test_a_round_and_a_schools_lead_who_accepts_her_invitation(browse) -> None:
    """The business unit opens a round of the exploitation self-assessment for the secondary
    schools and invites a school's safeguarding lead; she chooses her password through the
    e-mailed link, lands on her school's page with the round on it, and finds no other school
    (404) and nothing else of the partnership (403); axe on every page, her page fits a phone."""
    from django.core import mail

    b = browse("selfassessment-rounds")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/self-assessment/rounds/")
    expect(b.page.locator("#rounds")).to_contain_text("Section 175/157")
    b.check("round-list")
    b.page.get_by_role("link", name="Open a round").click()
    b.check("round-open")
    b.page.get_by_label("Exploitation self-assessment").check()
    b.page.get_by_role("radio", name="Schools and colleges", exact=True).check()
    b.page.get_by_label("Secondary").check()
    b.page.get_by_label("Deadline").fill("2099-03-31")
    b.page.get_by_role("button", name="Open the round").click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("Exploitation self-assessment")
    expect(b.page.locator("#participants")).to_contain_text("Ashby Vale Free School")
    b.check("round-detail")

    b.page.get_by_role("link", name="Ashby Vale Free School").click()
    school = b.page.url.removeprefix(b.base_url)
    b.page.get_by_role("link", name="Invite a user").click()
    b.check("member-invite")
    b.page.get_by_label("Full name").fill("Morag Ellison")
    b.page.get_by_label("E-mail address").fill("m.ellison@ashbyvale.example")
    b.page.get_by_label("Deputy designated safeguarding lead").check()
    mail.outbox.clear()
    b.page.get_by_role("button", name="Send the invitation").click()
    expect(b.page.locator("main")).to_contain_text("Morag Ellison")
    expect(b.page.locator("main")).to_contain_text("Invited")
    b.check("setting-with-users")
    b.assert_clean()

    (message,) = mail.outbox
    found = re.search(r"https?://\S+/accounts/password-reset/\S+", str(message.body))
    assert found, message.body
    link = found.group(0)
    dsl = browse("selfassessment-school-user")
    dsl.page.goto(link)
    dsl.page.get_by_label("New password", exact=True).fill("ashby vale safeguarding 2099")
    dsl.page.get_by_label("New password confirmation").fill("ashby vale safeguarding 2099")
    dsl.check("choose-password")
    dsl.page.get_by_role("button", name="Save the password").click()
    dsl.sign_in("m.ellison@ashbyvale.example", "ashby vale safeguarding 2099")
    dsl.goto("/p/northfield/")
    expect(dsl.page.get_by_role("heading", level=1)).to_have_text("Ashby Vale Free School")
    assert dsl.page.url.endswith(school)
    expect(dsl.page.locator("main")).to_contain_text("Exploitation self-assessment")
    expect(dsl.page.locator("main")).to_contain_text("Your school or college")
    dsl.check("own-school")
    dsl.goto("/p/northfield/self-assessment/settings/", status=403)
    dsl.goto("/p/northfield/agencies/", status=403)
    # Northfield Primary School, another school of the partnership: not there for her
    b.goto("/p/northfield/self-assessment/settings/?name=Northfield+Primary")
    other = b.page.locator("#settings tbody tr a").first.get_attribute("href")
    assert other and other != school
    dsl.goto(other, status=404)
    dsl.assert_clean()

    phone = browse("selfassessment-school-user-phone", viewport=PHONE)
    phone.sign_in("m.ellison@ashbyvale.example", "ashby vale safeguarding 2099")
    phone.goto(school)
    assert_fits_window(phone.page)
    phone.check("own-school")
    phone.assert_clean()
