"""Action plans in a real browser, through the pages only: the business unit adds an action to
an accepted recommendation's plan (errors first), measured by a re-audit of a neglect standard;
the council's lead gives progress, attaches evidence (a refused file, then a PDF) and completes
it, and the platform compares the standard in the baseline audit and the later neglect deep dive
(improved); the scrutineer follows the demo's closed golden thread back to the audit, the
learning and the executive's decision. axe on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from assurance.audits.models import Audit
from assurance.core.business_year import current_business_year
from assurance.frameworks.models import Item
from assurance.improvement.actions.demo import PLAN_TITLE, closed_thread_action
from assurance.improvement.actions.models import Action, ActionState
from assurance.improvement.learning.models import Recommendation
from assurance.partnerships.models import Partnership

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Brief designated safeguarding leads in schools on the neglect tool"


def test_an_action_from_plan_to_evidence_and_the_closed_thread(browse, tmp_path: Path) -> None:
    plan = Recommendation.unscoped.get(partnership__slug="northfield", title=PLAN_TITLE)
    baseline = Audit.unscoped.get(partnership__slug="northfield", title="Neglect deep dive 2025/26")
    standard = Item.objects.get(section__framework=baseline.framework, code="2.2")
    year = current_business_year()
    bu = browse("business-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto("/p/northfield/actions/")
    bu.page.get_by_role("link", name="Action plans").first.click()
    bu.check("plan-list")
    bu.page.get_by_role("link", name=PLAN_TITLE).click()
    bu.check("plan-detail")
    bu.page.get_by_role("link", name="Add an action").click()
    bu.page.get_by_label("What will be done").fill(TITLE)
    bu.page.get_by_role("button", name="Add the action").click()
    summary = bu.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the due date")
    expect(summary).to_contain_text("Select the owner agency")
    bu.check("action-add-errors")
    bu.page.get_by_label("Owner agency").select_option(label="Northfield Borough Council")
    bu.page.get_by_label("Due date").fill("2027-06-30")
    bu.page.get_by_label("Learning event").check()
    bu.page.get_by_label("A re-audit standard improving").check()
    bu.page.get_by_label("How success will be measured").fill(
        "Standard 2.2 met in more cases at the next neglect deep dive."
    )
    bu.page.get_by_label("Baseline audit").select_option(value=str(baseline.pk))
    bu.page.get_by_label("Standard to re-audit").select_option(value=str(standard.pk))
    bu.page.get_by_role("button", name="Add the action").click()
    expect(bu.page.locator("h1")).to_have_text(PLAN_TITLE)
    expect(bu.page.locator("table")).to_contain_text(TITLE)
    action = Action.unscoped.get(recommendation=plan, title=TITLE)
    bu.assert_clean()

    lead = browse("la-lead")
    lead.sign_in("la-lead@northfield.example")
    lead.goto(f"/p/northfield/actions/{action.pk}/")
    lead.check("action-detail")
    lead.page.get_by_role("link", name="Give a progress update").click()
    lead.page.get_by_label("Amber: some risk to delivery").check()
    lead.page.get_by_label("Progress since the last update").fill("Dates set with the schools.")
    lead.page.get_by_role("button", name="Record the update").click()
    expect(lead.page.locator("#updates")).to_contain_text("Dates set with the schools.")
    lead.page.get_by_role("link", name="Mark it complete").click()
    lead.page.get_by_role("button", name="Mark it complete").click()
    expect(lead.page.locator(".govuk-error-summary")).to_contain_text("Add evidence")
    lead.check("complete-without-evidence")
    lead.goto(f"/p/northfield/actions/{action.pk}/evidence/")
    program = tmp_path / "register.exe"
    program.write_bytes(b"MZ\x90\x00")
    lead.page.get_by_label("What this shows").fill("Attendance register")
    lead.page.get_by_label("Upload a file").set_input_files(str(program))
    lead.page.get_by_role("button", name="Add the evidence").click()
    expect(lead.page.locator(".govuk-error-summary")).to_contain_text("The selected file must")
    lead.check("evidence-errors")
    register = tmp_path / "register.pdf"
    register.write_bytes(b"%PDF-1.4\n%%EOF\n")
    lead.page.get_by_label("Upload a file").set_input_files(str(register))
    lead.page.get_by_role("button", name="Add the evidence").click()
    expect(lead.page.locator("#evidence")).to_contain_text("Attendance register")
    lead.page.get_by_role("link", name="Mark it complete").click()
    # Delivered before the later neglect deep dive (June), which re-audited the standard.
    lead.page.get_by_label("Date it was completed").fill(f"{year}-03-02")
    lead.page.get_by_role("button", name="Mark it complete").click()
    expect(lead.page.locator("h1")).to_have_text(TITLE)
    expect(lead.page.locator("#impact")).to_contain_text("The standard improved")
    expect(lead.page.locator("#impact")).to_contain_text("Fisher's exact test")
    lead.check("thread-just-completed")
    action.refresh_from_db()
    assert action.state == ActionState.COMPLETE
    lead.assert_clean()

    closed = closed_thread_action(Partnership.unscoped.get(slug="northfield"))
    assert closed is not None
    scrutineer = browse("scrutineer")
    scrutineer.sign_in("scrutineer@northfield.example")
    scrutineer.goto(f"/p/northfield/actions/{closed.pk}/thread/")
    thread = scrutineer.page.locator("#thread")
    expect(thread.locator("#learning")).to_contain_text("Neglect deep dive 2025/26")
    expect(thread.locator("#decision")).to_contain_text("Decision of")
    expect(thread.locator("#impact")).to_contain_text("The standard improved")
    scrutineer.check("thread-closed")
    scrutineer.assert_clean()
