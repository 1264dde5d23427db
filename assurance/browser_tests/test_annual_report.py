"""The annual report in a real browser (issue 13's "done means", the annual report's part):

1. the business unit starts this year's report, writes a section's words and its young
   people's version (the page shows the readability score and flags a long sentence), and
   reads each figure's link;
2. it records the partners' approval: refused at an executive meeting without a quorum, with
   the reason; recorded at a quorate one;
3. it publishes the report;
4. an anonymous visitor finds it on the partnership's public page, reads the report and the
   young people's version, and downloads the PDF; the public pages fit a 375 px window.

And the practice reviews and audit summaries made public beside the reports (the demo makes
its published review and its latest audit's key findings public): an anonymous visitor on a
375 px screen reads each and downloads its PDF; the business unit takes the audit's summary off
the public pages, after which it is "not found" and gone from the public home.
axe-core on every page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assurance.annualreport.demo import AUDIT_SUMMARY, REVIEW_SUMMARY
from assurance.annualreport.publications.models import Publication
from assurance.annualreport.reports.models import AnnualReport
from assurance.browser_tests.browsing import PHONE, Browse, assert_fits_window
from assurance.core.business_year import business_year_label, current_business_year
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.selectors import quorum_view

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

YEAR = current_business_year()
LONG = (
    "The partnership has continued to strengthen its multi-agency arrangements for the "
    "identification of neglect across every agency and every locality of the borough."
)


def _executive_meetings() -> tuple[Meeting, Meeting | None]:
    """The latest quorate meeting of Northfield's executive held so far, and an inquorate one
    if the demo has one."""
    meetings = [
        m
        for m in Meeting.unscoped.filter(
            partnership__slug="northfield", group__is_decision_making=True
        ).order_by("-held_on")
        if m.attendances.exists()
    ]
    quorate = next(m for m in meetings if quorum_view(m).quorum.met)
    inquorate = next((m for m in meetings if not quorum_view(m).quorum.met), None)
    return quorate, inquorate


def test_draft_approve_at_a_quorate_executive_publish_and_read_in_public(browse) -> None:  # type: ignore[no-untyped-def]
    quorate, inquorate = _executive_meetings()
    bu: Browse = browse("business-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto("/p/northfield/annual-reports/")
    bu.check("annual-reports")
    bu.page.get_by_role("button", name="Start an annual report").click()
    bu.page.get_by_label(business_year_label(YEAR)).check()
    bu.check("annual-report-start")
    bu.page.get_by_role("button", name="Start the report").click()
    expect(bu.page.locator("h1")).to_contain_text(f"Annual report {business_year_label(YEAR)}")
    bu.check("annual-report-draft")
    report = AnnualReport.unscoped.get(partnership__slug="northfield", business_year=YEAR)

    bu.page.get_by_role(
        "link", name="Write the words of what children and families told us"
    ).click()
    bu.page.get_by_label("What the report says").fill("Children and families told us a lot.")
    bu.page.get_by_label("What the young people's version says").fill(f"You told us a lot. {LONG}")
    bu.check("annual-report-words")
    bu.page.get_by_role("button", name="Save the words").click()
    section = bu.page.locator("#section-voice")
    expect(section).to_contain_text("on the Flesch reading ease scale")
    expect(section).to_contain_text("Sentences over 20 words")
    bu.check("annual-report-readability")

    bu.page.get_by_role("button", name="Record the partners' approval").click()
    if inquorate is not None:
        bu.page.get_by_label(str(inquorate)).check()
        bu.page.get_by_role("button", name="Record the approval").click()
        expect(bu.page.locator(".govuk-error-summary")).to_contain_text("Not quorate")
        bu.check("annual-report-approve-refused")
    bu.page.get_by_label(str(quorate)).check()
    bu.check("annual-report-approve")
    bu.page.get_by_role("button", name="Record the approval").click()
    expect(bu.page.locator(".govuk-notification-banner")).to_contain_text("Approved")
    bu.page.get_by_role("button", name="Publish").click()
    bu.page.get_by_label("Publish this report").check()
    bu.check("annual-report-publish")
    bu.page.get_by_role("button", name="Publish").click()
    expect(bu.page.locator("h1")).to_contain_text("Published")
    bu.check("annual-report-published")
    bu.assert_clean()

    visitor: Browse = browse("public", viewport=PHONE)
    visitor.goto("/annual-reports/northfield/")
    visitor.check("public-home")
    assert_fits_window(visitor.page)
    visitor.page.get_by_role("link", name=str(report), exact=True).click()
    expect(visitor.page.locator("main")).to_contain_text("Children and families told us a lot.")
    visitor.check("public-report")
    assert_fits_window(visitor.page)
    # the whole year's report is a long PDF: on a busy machine it takes more than the 10 s
    # a click waits for by default
    with visitor.page.expect_download(timeout=90_000) as download:
        visitor.page.get_by_role("button", name="Download PDF").click(timeout=90_000)
    assert download.value.suggested_filename.endswith(".pdf")
    visitor.page.get_by_role("link", name="Read the version for young people").click()
    expect(visitor.page.locator("main")).to_contain_text("You told us a lot.")
    expect(visitor.page.locator("main")).not_to_contain_text("Children and families told us")
    visitor.check("public-young-people")
    assert_fits_window(visitor.page)
    expect(visitor.page.get_by_role("link", name="Sign in")).to_have_count(0)
    visitor.assert_clean()


def _download_pdf(visitor: Browse) -> str:
    with visitor.page.expect_download(timeout=90_000) as download:
        visitor.page.get_by_role("button", name="Download PDF").click(timeout=90_000)
    name = str(download.value.suggested_filename)
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-", name
    return name


def test_a_visitor_reads_the_review_and_audit_summary_made_public_and_a_withdrawn_one_is_gone(
    browse,  # type: ignore[no-untyped-def]
) -> None:
    made_public = Publication.unscoped.filter(
        partnership__slug="northfield", withdrawn_at__isnull=True
    )
    review = made_public.get(kind="practice_review")
    audit = made_public.get(kind="audit")
    review_summary_start = REVIEW_SUMMARY.split(".")[0]
    audit_summary_start = AUDIT_SUMMARY.split(".")[0]

    visitor: Browse = browse("public-made-public", viewport=PHONE)
    visitor.goto("/annual-reports/northfield/")
    visitor.check("public-home")
    assert_fits_window(visitor.page)

    visitor.page.get_by_role("link", name=review.title, exact=True).click()
    main = visitor.page.locator("main")
    expect(visitor.page.locator("h1")).to_contain_text(review.title)
    expect(main).to_contain_text(review_summary_start)
    expect(main).to_contain_text("Made public on")
    visitor.check("public-practice-review")
    assert_fits_window(visitor.page)
    review_url = visitor.page.url
    assert _download_pdf(visitor).endswith(".pdf")

    visitor.page.locator(".govuk-breadcrumbs").get_by_role("link").click()  # the public home
    visitor.page.get_by_role("link", name=audit.title, exact=True).click()
    expect(visitor.page.locator("h1")).to_contain_text(audit.title)
    expect(main).to_contain_text(audit_summary_start)
    findings = audit.content["findings"]
    assert findings  # the demo makes public an audit with key findings
    for _kind, _aspect, text in findings[:2]:
        expect(main).to_contain_text(text)
    visitor.check("public-audit-summary")
    assert_fits_window(visitor.page)
    audit_url = visitor.page.url
    assert _download_pdf(visitor).endswith(".pdf")
    expect(visitor.page.get_by_role("link", name="Sign in")).to_have_count(0)

    bu: Browse = browse("business-unit-made-public")
    bu.sign_in("business-unit@northfield.example")
    bu.goto("/p/northfield/annual-reports/public/")
    bu.check("made-public-list")
    bu.page.get_by_role("link", name=f"Withdraw {audit.title}").click()
    bu.check("made-public-withdraw")
    bu.page.get_by_label("Take it off the public pages").check()
    bu.page.get_by_role("button", name="Take it off the public pages").click()
    withdrawn = bu.page.locator("table", has_text="Withdrawn")
    expect(withdrawn).to_contain_text(audit.title)
    bu.check("made-public-withdrawn")
    bu.assert_clean()

    visitor.goto(audit_url, status=404)
    visitor.goto(audit_url.rstrip("/") + "/pdf/", status=404)
    visitor.goto("/annual-reports/northfield/")
    expect(visitor.page.get_by_role("link", name=audit.title, exact=True)).to_have_count(0)
    expect(visitor.page.get_by_role("link", name=review.title, exact=True)).to_have_count(1)
    visitor.goto(review_url)
    visitor.assert_clean()
