"""Search in a real browser: the business unit searches from the header's box, narrows the
results to one kind and opens a record; the police auditor, on a phone (375 px), finds the demo
cases by the start of their reference and only her own agency's returns, and is told what is
wrong with an empty search. The scrutineer's home page lists what is due for her review. axe on
every page; no page scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MOBILE = {"width": 375, "height": 812}


def _search_from_the_header(b, words: str) -> None:  # type: ignore[no-untyped-def]
    header = b.page.get_by_role("search", name="Search Northfield")
    header.get_by_label("Search Northfield").fill(words)
    b.click_through(header.get_by_role("button", name="Search"))


def test_the_business_unit_searches_from_the_header(browse) -> None:
    bu = browse("search-business-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto("/p/northfield/")
    _search_from_the_header(bu, "neglect")
    expect(bu.page.locator("h1")).to_have_text("Search")
    expect(bu.page.locator("#search-count")).to_contain_text("for ‘neglect’")
    expect(bu.page.locator("#search-results li").first).to_be_visible()
    bu.check("results")
    bu.page.locator("#search-kinds").get_by_role("link", name="Learning").click()
    expect(bu.page.locator("#search-count")).to_contain_text("in learning")
    bu.check("results-learning")
    first = bu.page.locator("#search-results a").first
    title = first.inner_text()
    first.click()
    expect(bu.page.locator("h1")).to_contain_text(title)
    _search_from_the_header(bu, "zzzyqx")
    expect(bu.page.locator("#search-none")).to_have_text("There are no matching results.")
    bu.check("no-results")
    bu.assert_clean()


def test_an_auditor_on_a_phone_finds_her_agency_s_cases_only(browse) -> None:
    auditor = browse("search-police-auditor", viewport=MOBILE)
    auditor.sign_in("police-auditor@northfield.example")
    auditor.goto("/p/northfield/")
    _search_from_the_header(auditor, "NOR-")
    expect(auditor.page.locator("#search-count")).to_contain_text("for ‘NOR-’")
    auditor.check("case-references")
    returns = auditor.page.locator("#search-results li", has_text="Agency return")
    for title in returns.locator("h3").all_inner_texts():
        assert "Police" in title, title
    _search_from_the_header(auditor, "   ")
    expect(auditor.page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a word or a case reference to search for"
    )
    auditor.check("empty-search")
    auditor.assert_clean()


@pytest.mark.parametrize("viewport", [None, MOBILE], ids=["desktop", "phone"])
def test_the_scrutineer_s_home_lists_what_is_due_for_review(browse, viewport) -> None:
    scrutineer = browse("scrutineer-home", viewport=viewport)
    scrutineer.sign_in("scrutineer@northfield.example")
    scrutineer.goto("/p/northfield/")
    expect(scrutineer.page.get_by_role("heading", name="Due for your review")).to_be_visible()
    for heading in (
        "Challenges awaiting an answer",
        "Decisions taken without a quorum",
        "Overdue actions",
        "Audits closed",
    ):
        expect(scrutineer.page.locator(".app-review h3", has_text=heading)).to_be_visible()
    scrutineer.check("home" if viewport is None else "home-phone")
    scrutineer.assert_clean()
