"""The business unit sets a target, reads a scorecard, the indicator page's benchmarks,
assurance verdict and rebase, an agency return charted from the partnership's own published
series with its revised point, and the exception report; axe on every page, also at 375 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assurance.browser_tests.browsing import assert_fits_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

P = "/p/northfield/data-set/"


def test_targets_scorecards_benchmarks_and_exceptions(browse) -> None:
    b = browse("scorecards-journey")
    b.sign_in("business-unit@northfield.example")
    b.goto(P + "targets/")
    expect(b.page.get_by_role("heading", level=1)).to_have_text(re.compile("Targets for"))
    b.check("targets")
    b.page.get_by_role(
        "link", name=re.compile("Change the target for children's social worker turnover")
    ).click()
    b.page.get_by_label(re.compile("Target")).fill("120")
    b.page.get_by_role("button", name="Save").click()
    expect(b.page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a target between 0 and 100"
    )
    b.check("target-error")
    b.page.get_by_label(re.compile("Target")).fill("10")
    b.page.get_by_role("button", name="Save").click()
    expect(b.page.locator("#targets")).to_contain_text("10")

    b.page.get_by_role(
        "link", name=re.compile("Change the target for children's social worker turnover")
    ).click()
    b.page.get_by_role("link", name="View the history of this target").click()
    expect(b.page.locator("main")).to_contain_text("10")
    b.check("target-history")

    b.goto("/p/northfield/settings/")
    expect(b.page.get_by_label("Statistical neighbours")).not_to_be_empty()
    b.check("settings-neighbours")

    b.goto("/p/northfield/data-set/scorecards/")
    b.check("scorecard-list")
    b.page.get_by_role("link", name="Neglect").first.click()
    # one table, one row per indicator, with the SPC icons named in words
    expect(b.page.locator("#scorecard #row-CSC-ASS45")).to_be_visible()
    expect(b.page.locator("#row-CSC-ASS45 svg[role=img]").first).to_have_attribute(
        "aria-label", re.compile("variation")
    )
    b.check("scorecard")
    b.page.locator("#row-CSC-ASS45").get_by_role("link", name=re.compile("^Details")).click()
    expect(b.page.locator("#card-CSC-ASS45")).to_be_visible()
    b.check("scorecard-cards")

    b.goto(P + "WF-TURNOVER/")
    expect(b.page.locator("#benchmarks")).to_contain_text("Statistical neighbours")
    expect(b.page.locator("#assurance")).to_contain_text("Target for")
    b.page.get_by_label("Recalculate the mean and limits from").select_option("2021")
    b.page.get_by_role("button", name="Recalculate").click()
    expect(b.page.locator("#assurance")).to_contain_text("the points from 2021")
    b.check("indicator-benchmarks")

    # referrals: the council's own quarterly returns are the primary chart, one value revised
    b.goto(P + "CSC-REF/")
    expect(b.page.locator('svg[aria-labelledby="partnership-chart-title"]')).to_be_visible()
    expect(b.page.locator("svg circle.revised")).to_have_count(1)
    expect(b.page.locator("#partnership-series tr[data-revised]")).to_contain_text("(revised)")
    expect(b.page.locator("#partnership-revisions + dl")).to_contain_text("referrals")
    expect(b.page.locator("#commentary")).to_be_visible()
    b.check("indicator-partnership")

    b.goto(P + "exceptions/")
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Exception report")
    b.check("exceptions")

    narrow = browse("scorecards-narrow", viewport={"width": 375, "height": 800})
    narrow.sign_in("viewer@northfield.example")
    narrow.goto(P + "WF-TURNOVER/")
    narrow.check("indicator-benchmarks")
    narrow.goto(P + "CSC-REF/")
    expect(narrow.page.locator("svg circle.revised")).to_have_count(1)
    narrow.check("indicator-partnership")
    narrow.goto("/p/northfield/data-set/scorecards/")
    narrow.page.get_by_role("link", name="Neglect").first.click()
    expect(narrow.page.locator("#scorecard")).to_be_visible()
    assert_fits_window(narrow.page)  # the table scrolls in its own region, not the page
    narrow.check("scorecard")
    narrow.goto(P + "exceptions/")
    narrow.check("exceptions")
    b.assert_clean()
    narrow.assert_clean()
