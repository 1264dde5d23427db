"""Two people change the same meeting's minutes at once, each in their own browser (ADR 012).

Ben (the analyst) and Amira (the business manager) both open "Change the meeting and its
minutes". Ben saves first. Amira's save is refused: her page names Ben, shows his minutes and
hers, keeps her typing in the form, and saving again keeps hers, knowingly. Each page gets
axe-core and a screenshot; Amira's is checked at 375 px too.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assurance.improvement.meetings.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BENS = "Ben's minutes: the group agreed the neglect audit's action plan."
AMIRAS = "Amira's minutes: the group asked for the neglect plan to come back in March."


def test_two_people_editing_one_meeting(browse) -> None:
    meeting = Meeting.unscoped.filter(partnership__slug="northfield").order_by("pk").first()
    assert meeting is not None
    path = f"/p/northfield/meetings/{meeting.pk}/change/"

    ben = browse("analyst")
    ben.sign_in("analyst@northfield.example")
    amira = browse("business-unit")
    amira.sign_in("business-unit@northfield.example")
    ben.goto(path)
    amira.goto(path)
    amira.check("meeting-change-opened")

    minutes = "Minutes (optional)"
    ben.page.get_by_label(minutes).fill(BENS)
    ben.page.get_by_role("button", name="Save").click()
    expect(ben.page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The meeting has been saved"
    )

    amira.page.get_by_label(minutes).fill(AMIRAS)
    with amira.page.expect_response(lambda r: r.request.method == "POST") as answer:
        amira.page.get_by_role("button", name="Save").click()
    assert answer.value.status == 409
    summary = amira.page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Ben Okafor changed this at")
    assert amira.page.title().startswith("Error: ")
    panel = amira.page.locator("#stale-edit")
    expect(panel).to_contain_text("Ben Okafor changed this after you opened it")
    expect(panel).to_contain_text("Their value (saved): " + BENS)
    expect(panel).to_contain_text("Your value (not saved): " + AMIRAS)
    expect(amira.page.get_by_label(minutes)).to_have_value(AMIRAS)
    meeting.refresh_from_db()
    assert meeting.minutes == BENS, "Ben's minutes were overwritten"
    summary.get_by_role("link").click()
    assert amira.page.evaluate("document.activeElement.id") == "stale-edit"
    amira.check("meeting-change-stale")
    amira.page.set_viewport_size({"width": 375, "height": 800})
    amira.check("meeting-change-stale-375")
    amira.page.set_viewport_size({"width": 1280, "height": 800})

    # Having read Ben's minutes, she saves hers again: now it is a knowing change.
    amira.page.get_by_role("button", name="Save").click()
    expect(amira.page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The meeting has been saved"
    )
    meeting.refresh_from_db()
    assert meeting.minutes == AMIRAS

    ben.assert_clean()
    amira.assert_clean()
