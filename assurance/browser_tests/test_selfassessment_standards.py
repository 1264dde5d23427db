"""Seeing a round (issue 11): the business unit opens Northfield's 2025/26 Section 175/157 round,
reads how each standard is met (with the change since 2024/25), the heat map grouped by phase
and then by type with each school's letters, and the round's report; a member of the executive
(the police's lead, who cannot open the rounds' pages) finds the report under Round reports.
Axe on every page; the heat map's wide tables scroll inside their own region, never the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_standards_heat_map_and_report(browse) -> None:
    b = browse("selfassessment-standards")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/self-assessment/rounds/")
    b.page.get_by_role("link", name="Section 175/157").first.click()
    b.page.get_by_role("link", name="How each standard is met").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("How each standard is met")
    expect(b.page.locator("#standards")).to_contain_text("95% interval")
    expect(b.page.locator("#standards")).to_contain_text("2024/25")
    b.check("standards")

    b.page.get_by_role("link", name="See the heat map").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Heat map of standards")
    expect(b.page.locator("#heat-map-groups")).to_contain_text("Primary")
    expect(b.page.locator("#heat-map-organisations .govuk-visually-hidden").first).to_have_text(
        "Fully met"
    )
    b.check("heat-map")
    b.page.get_by_label("Group the schools and colleges by").select_option("type_group")
    b.page.get_by_role("button", name="Show").click()
    expect(b.page.locator("#heat-map-groups")).to_contain_text("Academies")
    b.check("heat-map-by-type")

    b.goto(b.page.url.split("/heat-map/")[0] + "/report/")
    expect(b.page.get_by_role("heading", level=2, name="How each standard is met")).to_be_visible()
    expect(b.page.get_by_role("heading", level=2, name="The heat map's table")).to_be_visible()
    b.check("report")
    b.assert_clean()


def test_a_member_of_the_executive_finds_the_report(browse) -> None:
    b = browse("selfassessment-report-member")
    b.sign_in("police-lead@northfield.example")
    b.goto("/p/northfield/self-assessment/reports/")
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Self-assessment round reports")
    b.check("round-reports")
    b.page.get_by_role("link", name="Section 11").first.click()
    expect(
        b.page.get_by_role("heading", level=2, name="What staff say beside the self-ratings")
    ).to_be_visible()
    expect(b.page.locator("main")).to_contain_text("had fewer than 5 answers")
    b.check("section-11-report")
    b.assert_clean()
