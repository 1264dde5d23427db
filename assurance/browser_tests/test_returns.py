"""The auditor's return journey, in a real browser (issue 9): Priya, the police auditor, finds
her overdue return in "Your audit returns", opens its task list, checks her answers and tries to
submit it incomplete; the submission is refused and changes nothing; she follows the error to
the first missing question, answers the remaining pages with "Save and continue", checks her
answers again and submits.

Every page is checked by axe-core (browsing.py), at 1280 px and again at 375 px wide, where it
must not scroll sideways. The heights of the task list, the tallest page and the check-answers
page are printed (run with -s to see them).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from assurance.audits.models import AgencyReturn, ReturnStatus
from assurance.browser_tests.browsing import Browse

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PARTNERSHIP = "/p/northfield/"
NARROW = {"width": 375, "height": 800}


def _height(b: Browse) -> int:
    return int(b.page.evaluate("document.documentElement.scrollHeight"))


def _answer_page(b: Browse) -> None:
    """Answer every question of the return's page open now: Met where the scale has it (else
    its first option), with evidence; a number, a date or a sentence for the other items."""
    page = b.page
    for fieldset in page.locator("form fieldset.govuk-fieldset").all():
        options = [" ".join(t.split()) for t in fieldset.locator("label").all_inner_texts()]
        fieldset.get_by_label("Met" if "Met" in options else options[0], exact=True).check()
    for box in page.locator("form textarea, form input[type=number], form input[type=date]").all():
        kind = box.get_attribute("type") or "textarea"
        if not box.input_value():
            box.fill({"number": "3", "date": "2026-09-14"}.get(kind, "Seen in the record."))


def test_an_auditor_completes_a_long_return_page_by_page(browse: Any) -> None:
    agency_return = (
        AgencyReturn.unscoped.filter(
            partnership__slug="northfield",
            case__audit__title="Domestic abuse dip sample",
            agency__statutory_role="police",
            status=ReturnStatus.DRAFT,
            auditors__email="police-auditor@northfield.example",
        )
        .order_by("pk")
        .first()
    )
    assert agency_return is not None
    agency_return.due_date = date.today() - timedelta(days=3)
    agency_return.save(update_fields=["due_date"])
    reference = agency_return.case.reference
    revision = agency_return.assessment.revision

    priya = browse("returns-police-auditor")
    narrow = browse("returns-police-auditor-375", viewport=NARROW)
    for b in (priya, narrow):
        b.sign_in("police-auditor@northfield.example")

    def check(name: str) -> None:
        """The page as it is now, and the same address 375 px wide."""
        priya.check(name)
        narrow.goto(priya.page.url.split("#")[0])
        narrow.check(name)

    # --- Your audit returns: the return is overdue; the workbook is offered there too ---------
    priya.goto(PARTNERSHIP + "audits/my-returns/")
    row = priya.page.locator("tr", has=priya.page.get_by_role("link", name=reference, exact=True))
    expect(row).to_contain_text("Overdue")
    expect(priya.page.locator("#offline")).to_contain_text("Domestic abuse dip sample")
    expect(
        priya.page.get_by_role("link", name="download the returns (Excel)").first
    ).to_have_attribute("href", re.compile(r"/returns\.xlsx$"))
    check("my-returns")

    # --- the task list ----------------------------------------------------------------------------
    priya.page.get_by_role("link", name=reference, exact=True).click()
    priya.page.get_by_role("button", name="Continue the return").click()
    progress = priya.page.locator("#progress")
    expect(progress).to_have_text(re.compile(r"^You have completed \d+ of \d+ sections$"))
    sections = priya.page.locator(".govuk-task-list__item")
    total = sections.count()
    assert total >= 5, total
    expect(sections.filter(has_text="Not started").first).to_be_visible()
    heights = {"task list": _height(priya)}
    check("return-task-list")

    # --- submitting it incomplete is refused, and nothing changes -------------------------------
    priya.page.get_by_role("button", name="Check your answers").click()
    expect(priya.page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting the return"
    )
    heights["check answers (incomplete)"] = _height(priya)
    check("return-check-incomplete")
    priya.page.get_by_role("button", name="Submit for sign-off").click()
    summary = priya.page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    links = summary.locator("a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == len(set(hrefs)) > 1, hrefs  # one link per missing answer, each its own
    priya.check("return-submit-refused")
    narrow.page.get_by_role("button", name="Submit for sign-off").click()
    expect(narrow.page.locator(".govuk-error-summary")).to_be_visible()
    narrow.check("return-submit-refused")
    agency_return.refresh_from_db()
    agency_return.assessment.refresh_from_db()
    assert agency_return.status == ReturnStatus.DRAFT
    assert agency_return.assessment.revision == revision

    # The first error leads to its row, which says what is missing and links to the question.
    links.first.click()
    target = priya.page.locator(hrefs[0])
    expect(target).to_have_class(re.compile("govuk-error-message"))
    expect(target).to_be_in_viewport()
    row = priya.page.locator(".govuk-summary-list__row", has=target)
    row.get_by_role("link", name=re.compile("^(Answer|Change)")).click()
    expect(priya.page.get_by_role("heading", level=1)).to_contain_text("KLOE")

    # --- the remaining pages, each saved with "Save and continue" --------------------------------
    while not priya.page.get_by_role("heading", name=re.compile("^Check your answers")).count():
        heading = priya.page.get_by_role("heading", level=1).inner_text()
        heights[heading] = _height(priya)
        check(f"return-page-{len(heights) - 1}")
        _answer_page(priya)
        priya.click_through(priya.page.get_by_role("button", name="Save and continue"))
        expect(priya.page.locator(".govuk-error-summary")).to_have_count(0)

    # --- check the answers again, and submit ------------------------------------------------------
    expect(priya.page.locator(".govuk-warning-text")).to_have_count(0)  # nothing is missing
    heights["check answers (complete)"] = _height(priya)
    check("return-check-complete")
    priya.page.get_by_role("button", name="Submit for sign-off").click()
    expect(priya.page.locator(".govuk-notification-banner--success")).to_contain_text(
        "submitted to your agency lead"
    )
    priya.check("return-submitted")
    agency_return.refresh_from_db()
    assert agency_return.status == ReturnStatus.SUBMITTED

    print(f"\nReturn of {total} pages; page heights at 1280 px:")
    for name, height in heights.items():
        print(f"  {name}: {height} px")
    for b in (priya, narrow):
        b.assert_clean()
