"""The learning cycle in a real browser, through the pages only: the business unit records
learning from an audit's findings (errors first), makes a recommendation, adds an executive
meeting, records an attendance without the police, sees the meeting is not quorate before
deciding, records the decision (marked inquorate), and opens the highlight report and its PDF;
the scrutineer challenges the council and its lead answers. axe on every page."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assurance.audits.models import Audit
from assurance.improvement.learning.models import Recommendation
from assurance.improvement.meetings.models import Decision
from assurance.improvement.scrutiny.models import Challenge

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LEARNING = "Chronologies are not shared before strategy meetings"
RECOMMENDATION = "Share chronologies before every strategy meeting"


def test_learning_to_an_inquorate_decision_and_the_highlight_report(browse) -> None:
    audit = Audit.unscoped.get(partnership__slug="northfield", title="Neglect deep dive")
    bu = browse("business-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto(f"/p/northfield/audits/{audit.pk}/findings/")
    bu.page.get_by_role("button", name="Record learning from this audit").click()
    expect(bu.page.get_by_label("Audit (optional)")).to_have_value(str(audit.pk))
    bu.page.get_by_role("button", name="Save").click()
    summary = bu.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a title for the learning")
    expect(summary).to_contain_text("Enter what was learned")
    expect(summary).to_contain_text("Enter the date it was learned")
    bu.check("learning-new-errors")
    bu.page.get_by_label("Title", exact=True).fill(LEARNING)
    bu.page.get_by_label("What was learned", exact=True).fill(
        "In most cases agencies brought their chronology to the meeting instead of before it."
    )
    bu.page.get_by_label("Date learned", exact=True).fill(timezone.localdate().isoformat())
    bu.page.get_by_label("Drift in neglect cases").check()
    bu.page.get_by_role("button", name="Save").click()
    expect(bu.page.locator("h1")).to_have_text(LEARNING)
    bu.check("learning-detail")

    bu.page.get_by_role("button", name="Make a recommendation").click()
    bu.page.get_by_label("Recommendation", exact=True).fill(RECOMMENDATION)
    bu.page.get_by_label("What the executive is asked to agree, and why").fill(
        "Agencies share chronologies a day before each strategy meeting."
    )
    bu.page.get_by_role("button", name="Make the recommendation").click()
    expect(bu.page.locator("h1")).to_have_text(RECOMMENDATION)
    bu.check("recommendation-detail")
    rec = Recommendation.unscoped.get(partnership__slug="northfield", title=RECOMMENDATION)

    bu.goto("/p/northfield/meetings/")
    bu.page.get_by_role("button", name="Add a meeting").click()
    bu.page.get_by_label("Group").select_option(
        label="Northfield Safeguarding Children Partnership Executive"
    )
    bu.page.get_by_label("Date", exact=True).fill(timezone.localdate().isoformat())
    bu.page.get_by_role("button", name="Save").click()
    expect(bu.page.locator("h1")).to_have_text("Build the agenda")
    bu.check("agenda")
    expect(bu.page.get_by_label(f"{RECOMMENDATION} (awaiting decision)")).to_be_checked()
    bu.page.get_by_role("button", name="Save the agenda").click()
    expect(bu.page.locator("#agenda")).to_contain_text(f"For decision: {RECOMMENDATION}")
    bu.click_through(bu.page.get_by_role("button", name="Record attendance"))
    for name in ["Elin Rowntree, Council", "Lorna Beck, ICB", "Corinne Vale, Scrutiny"]:
        name += " (member of the group)"
        bu.page.locator("fieldset").first.get_by_label(name).check()
    bu.page.locator("fieldset").nth(1).get_by_label(
        "Ian Caskey, Police (member of the group)"
    ).check()
    bu.check("attendance")
    bu.page.get_by_role("button", name="Save").click()
    expect(bu.page.locator("#quorum")).to_contain_text(
        "Not quorate: no representative of the police"
    )
    bu.check("meeting-inquorate")
    bu.page.get_by_role("button", name="Record a decision").click()
    expect(bu.page.locator("#quorum")).to_contain_text("Not quorate")
    bu.page.get_by_role("button", name="Record the decision").click()
    expect(bu.page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the reasons for the decision"
    )
    bu.check("decision-errors")
    bu.page.get_by_label("Recommendation", exact=True).select_option(label=RECOMMENDATION)
    bu.page.get_by_label("Defer").check()
    bu.page.get_by_label("Reasons").fill("To be taken when the police are present.")
    bu.page.get_by_role("button", name="Record the decision").click()
    expect(bu.page.locator(".govuk-summary-card")).to_contain_text("Taken while inquorate")
    decision = Decision.unscoped.get(recommendation=rec)
    assert decision.quorate is False and decision.outcome == "defer"
    bu.page.get_by_role("link", name="Highlight report for this meeting").click()
    expect(bu.page.locator("h1")).to_contain_text("Highlight report")
    expect(bu.page.locator("main")).to_contain_text("Proposals awaiting decision")
    bu.check("highlight-report")
    with bu.page.expect_download() as download:
        bu.page.get_by_role("button", name="Download PDF").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    bu.goto("/p/northfield/decisions/")
    expect(bu.page.locator("#decisions")).to_contain_text(RECOMMENDATION)
    bu.check("decision-log")
    bu.assert_clean()


def test_a_challenge_and_its_answer(browse) -> None:
    scrutineer = browse("scrutineer")
    scrutineer.sign_in("scrutineer@northfield.example")
    scrutineer.goto("/p/northfield/challenges/")
    scrutineer.page.get_by_role("button", name="Record a challenge").click()
    scrutineer.page.get_by_role("button", name="Save").click()
    summary = scrutineer.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the agency you are challenging")
    expect(summary).to_contain_text("Enter the date the agency should answer by")
    scrutineer.check("challenge-errors")
    scrutineer.page.get_by_label("To which agency").select_option(
        label="Northfield Borough Council"
    )
    scrutineer.page.get_by_label("About what").fill("Chronologies before strategy meetings")
    scrutineer.page.get_by_label("The challenge").fill("How will you know they are shared?")
    scrutineer.page.get_by_label("Answer by").fill("2027-01-15")
    scrutineer.page.get_by_role("button", name="Save").click()
    expect(scrutineer.page.locator("h1")).to_have_text("Chronologies before strategy meetings")
    scrutineer.check("challenge-detail")
    scrutineer.assert_clean()

    lead = browse("la-lead")
    lead.sign_in("la-lead@northfield.example")
    lead.page.get_by_role("link", name="Answer the scrutineer's challenges to your agency").click()
    lead.page.get_by_role("link", name="Chronologies before strategy meetings").click()
    lead.page.get_by_role("button", name="Answer the challenge").click()
    lead.page.get_by_label("Your answer").fill("A monthly dip sample of ten strategy meetings.")
    lead.page.get_by_role("button", name="Send the answer").click()
    expect(lead.page.locator("main")).to_contain_text("A monthly dip sample")
    lead.check("challenge-answered")
    lead.assert_clean()
    assert Challenge.unscoped.get(subject="Chronologies before strategy meetings").status == (
        "answered"
    )
