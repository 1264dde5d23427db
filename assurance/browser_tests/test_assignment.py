"""An agency lead assigns auditors to all of their agency's returns in an audit on one page, on
a phone-sized screen (375 px wide): the business unit sees on the audit's page which agencies
still have to assign; the police lead follows the link, gives every case one auditor and one
case another, and the audit's page then lists the police no more. axe-core checks every page
and no page scrolls sideways (see browsing.py)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from assurance.audits.models import AgencyReturn, Audit, ReturnStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 375, "height": 812}
POLICE = "Northshire Police"


def test_a_lead_assigns_all_their_agencys_returns_on_one_page(browse) -> None:
    audit = Audit.unscoped.get(partnership__slug="northfield", title="Domestic abuse dip sample")
    police_returns = AgencyReturn.unscoped.filter(case__audit=audit, agency__name=POLICE).exclude(
        status__in=[ReturnStatus.SUBMITTED, ReturnStatus.SIGNED_OFF]
    )
    references = sorted(police_returns.values_list("case__reference", flat=True))
    assert len(references) >= 2, "the demo's open audit needs police returns to assign"
    for agency_return in police_returns:
        agency_return.auditors.clear()
    audit_url = f"/p/northfield/audits/{audit.pk}/"

    bu = browse("assignment-business-unit", viewport=PHONE)
    bu.sign_in("business-unit@northfield.example")
    bu.goto(audit_url)
    still = bu.page.locator("#still-to-assign")
    expect(still).to_contain_text(f"{POLICE}: {len(references)} of")
    bu.check("audit-still-to-assign")

    lead = browse("assignment-police-lead", viewport=PHONE)
    lead.sign_in("police-lead@northfield.example")
    lead.goto(audit_url)
    lead.page.get_by_role("link", name=f"assign {POLICE}'s auditors").click()
    expect(lead.page.get_by_role("heading", level=1)).to_have_text(f"Assign {POLICE}'s auditors")
    lead.check("assign-returns")

    # Submitting nothing says what to do, linked to the field.
    lead.page.get_by_role("button", name="Assign auditors").click()
    summary = lead.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose one auditor for every case without one")
    assert lead.page.title().startswith("Error: ") and not lead.page.title().startswith(
        "Error: Error:"
    )
    lead.check("assign-returns-error")

    everyone = lead.page.get_by_label("One auditor for every case without one")
    auditors = [
        o for o in everyone.locator("option").all_inner_texts() if o != "Choose per case below"
    ]
    assert len(auditors) >= 1
    everyone.select_option(label=auditors[0])
    if len(auditors) > 1:
        lead.page.get_by_label(f"Case {references[-1]}").select_option(label=auditors[1])
    mail.outbox.clear()
    lead.page.get_by_role("button", name="Assign auditors").click()
    expect(lead.page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Auditors have been assigned to {len(references)} cases"
    )
    lead.check("assigned")
    expect(lead.page.locator("#still-to-assign", has_text=POLICE)).to_have_count(0)
    assert {tuple(m.to) for m in mail.outbox}, "the auditors were e-mailed"
    for agency_return in police_returns:
        assert agency_return.auditors.exists(), agency_return

    bu.goto(audit_url)
    expect(bu.page.get_by_text(re.compile(f"{POLICE}: \\d+ of"))).to_have_count(0)
    bu.check("audit-police-assigned")
    bu.assert_clean()
    lead.assert_clean()
