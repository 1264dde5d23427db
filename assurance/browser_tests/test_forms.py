"""Sign-in, the error summary pattern, a record added and seen in its history, the 404 page,
the stylesheet and the skip link, in a real browser (each page also gets axe-core and a
screenshot)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assurance.browser_tests.browsing import format_violations, run_axe
from assurance.partnerships.models import Agency

# django_db: the test database must exist (the demo is loaded into it once per module).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_sign_in_page_styles_skip_link_and_failed_sign_in(browse) -> None:
    b = browse("anonymous")
    b.goto("/p/northfield/agencies/")  # not signed in: sent to the sign-in page
    assert b.page.url.startswith(b.url("/accounts/sign-in/"))
    b.check("sign-in")
    # Nobody is signed in: no empty navigation landmark.
    expect(b.page.locator(".govuk-service-navigation")).to_have_count(0)

    # The stylesheet is served and applied: GOV.UK's system font and a green button.
    heading = b.page.get_by_role("heading", level=1)
    font = heading.evaluate("el => getComputedStyle(el).fontFamily")
    assert "arial" in font.lower(), font
    button = b.page.get_by_role("button", name="Sign in")
    assert button.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(15, 122, 82)"
    # GOV.UK Frontend's JavaScript ran (no inline script was needed for it).
    expect(b.page.locator("body")).to_have_class(re.compile(r"govuk-frontend-supported"))

    # A wrong password: the GOV.UK error summary, focused, with an "Error:" title.
    b.page.get_by_label("E-mail address").fill("business-unit@northfield.example")
    b.page.get_by_label("Password").fill("not-the-password")
    b.page.get_by_role("button", name="Sign in").click()
    summary = b.page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter a correct e-mail address and password")
    expect(summary).to_be_focused()
    assert b.page.title().startswith("Error: ")
    # Every error in the summary is a link to a field, even one about the whole form.
    expect(summary.locator("a")).to_have_attribute("href", "#id_username")
    b.check("sign-in-failed")
    b.assert_clean()

    # The axe helper really reports violations: take the label off a field and look.
    b.page.evaluate("document.querySelector('label[for=id_password]').remove()")
    violations = run_axe(b.page)
    assert "label" in {v["id"] for v in violations}
    report = format_violations(violations)
    assert "[critical] label: Form elements must have labels" in report, report
    assert "at #id_password" in report, report


def test_business_unit_adds_an_agency_and_sees_its_history(browse) -> None:
    b = browse("business-unit-journey")
    b.sign_in("business-unit@northfield.example")

    # Keyboard: the skip link is the first thing Tab reaches, and it moves focus to <main>.
    # (The sign-in page has no autofocus either: see accounts test_sign_in.)
    b.page.keyboard.press("Tab")
    focused = b.page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content", f"Tab first reached {focused!r}"
    expect(b.page.locator(".govuk-skip-link")).to_be_in_viewport()
    b.page.keyboard.press("Enter")
    assert b.page.evaluate("document.activeElement.id") == "main-content"

    # Submitted empty: the error summary links to each field in error.
    b.goto("/p/northfield/agencies/new/")
    b.page.get_by_role("button", name="Save").click()
    summary = b.page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert b.page.title().startswith("Error: ")
    links = summary.locator("a")
    assert links.count() >= 3, summary.inner_text()
    # Each message says what to do with which field (not four times "This field is required.").
    for message in (
        "Enter the name",
        "Enter the short name",
        "Select the kind",
        "Select the sector",
    ):
        expect(summary.get_by_role("link", name=message)).to_have_count(1)
        expect(b.page.locator(".govuk-error-message", has_text=message)).to_have_count(1)
    for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        target = b.page.locator(href)
        assert target.count() == 1, f"error summary link {href} points at nothing"
        described = target.get_attribute("aria-describedby") or ""
        fieldset = target.locator("xpath=ancestor::fieldset[1]")
        if fieldset.count():
            described += " " + (fieldset.get_attribute("aria-describedby") or "")
        assert "-error" in described, f"{href} is not described by its error message"
    first = links.first
    first_target = first.get_attribute("href")
    first.click()
    assert b.page.evaluate("'#' + document.activeElement.id") == first_target
    b.check("agencies-new-with-errors")

    # Filled in properly: saved, listed, and its history shows who created it.
    b.page.get_by_label("Name", exact=True).fill("Northfield Youth Justice Service")
    b.page.get_by_label("Short name").fill("Youth justice")
    b.page.get_by_label("Relevant agency").check()
    b.page.get_by_label("Sector").select_option(label="Other")
    b.page.get_by_role("button", name="Save").click()
    expect(b.page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Northfield Youth Justice Service"
    )
    assert b.page.url == b.url("/p/northfield/agencies/")
    b.check("agencies-after-adding")

    b.page.get_by_role("link", name="Northfield Youth Justice Service").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Northfield Youth Justice Service")
    b.page.get_by_role("link", name="View history").click()
    history = b.page.locator("#main-content table")
    expect(history).to_contain_text("Created")
    expect(history).to_contain_text("Amira Holloway")
    expect(history).to_contain_text("Youth justice")
    b.check("agency-added-history")

    # A Southvale page, asked for by a Northfield user: the GOV.UK 404 page, nothing else.
    southvale_agency = Agency.unscoped.filter(partnership__slug="southvale").first()
    assert southvale_agency is not None
    for path in (
        "/p/southvale/",
        f"/p/southvale/agencies/{southvale_agency.pk}/",
        f"/p/northfield/agencies/{southvale_agency.pk}/",
    ):
        b.goto(path, status=404)
        expect(b.page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(b.page.locator("body")).not_to_contain_text("Southvale")
    b.check("southvale-404")
    b.assert_clean()
