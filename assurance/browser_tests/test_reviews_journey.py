"""A serious incident from notification to a published practice review, in a real browser,
through the pages only (issue 10's "done means"):

1. the business unit records the incident (a form with no name, date of birth or address; its
   errors first), naming the council's lead on its panel, and the Panel's notification;
2. it records the rapid review, its recommendation and the safeguarding partners' decision to
   undertake a local practice review;
3. the independent scrutineer reviews the decision;
4. the business unit records the practice review, adds its finding to the learning cycle and
   records its publication;
5. the council's lead, named on it, reads it and follows the finding to its golden thread; the
   ICB's lead, who is not named on it, gets 404; the board gives her counts only.
axe-core on every page; the board and the review's page fit a 375 px window (no sideways
scroll). At that width axe-core finds the shared header's search box and account link too close
together (target-size), on every page: that is the header's, left to its own fix.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, assert_fits_window
from assurance.improvement.learning.models import LearningItem
from assurance.reviews.notifications.models import SeriousIncident

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FINDING = "Nobody asked who else cared for the baby"


def test_a_serious_incident_to_a_published_practice_review(browse) -> None:
    today = timezone.localdate()
    day = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    bu = browse("business-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto("/p/northfield/reviews/")
    bu.check("board")
    bu.page.get_by_role("button", name="Record a serious incident").click()
    bu.page.get_by_role("button", name="Record the incident").click()
    summary = bu.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select what happened to the child")
    expect(summary).to_contain_text("Enter the date the local authority became aware")
    bu.check("incident-new-errors")
    bu.page.get_by_label("A child was seriously harmed").check()
    bu.page.get_by_label("Under 1").check()
    bu.page.get_by_label("What happened").fill(
        "A baby was admitted with fractures of different ages."
    )
    bu.page.get_by_label("Date the local authority became aware").fill(day(40))
    bu.page.get_by_label("Area where it happened").fill("Dale East")
    bu.page.get_by_label("Northfield Borough Council").check()
    bu.page.get_by_label("Farah Quinlan").check()
    bu.page.get_by_label("Date the Panel was notified").fill(day(38))
    bu.page.get_by_role("button", name="Record the incident").click()
    expect(bu.page.locator("h1")).to_contain_text("SI-")
    incident = SeriousIncident.unscoped.filter(partnership__slug="northfield").latest("pk")
    expect(bu.page.locator("#deadlines")).to_contain_text("Done in time")
    bu.check("incident-detail")

    bu.page.get_by_role("button", name="Record the rapid review").click()
    bu.page.get_by_label("Date the rapid review was sent to the Panel").fill(day(20))
    recommends = bu.page.get_by_role("group", name="What the rapid review recommends")
    recommends.get_by_label("A local child safeguarding practice review").check()
    bu.page.get_by_label("Why").fill("Agencies did not share what they knew.")
    decided = bu.page.get_by_role("group", name="What the safeguarding partners decided")
    decided.get_by_label("A local child safeguarding practice review").check()
    bu.check("rapid-review-form")
    bu.page.get_by_role("button", name="Save").click()
    expect(bu.page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date of the decision"
    )
    bu.page.get_by_label("Date of the decision").fill(day(15))
    bu.page.get_by_label("The reasons for the decision").fill("The criteria are met.")
    bu.page.get_by_role("button", name="Save").click()
    expect(bu.page.locator("h1")).to_have_text(incident.reference)
    expect(bu.page.locator("#deadlines")).to_contain_text("Publish the practice review")
    bu.check("incident-decided")

    scrutineer = browse("scrutineer")
    scrutineer.sign_in("scrutineer@northfield.example")
    scrutineer.goto(f"/p/northfield/reviews/{incident.pk}/")
    scrutineer.page.get_by_role("button", name="Review the decision").click()
    scrutineer.check("scrutineer-review")
    scrutineer.page.get_by_label("Your review of the decision").fill(
        "The decision follows from the rapid review."
    )
    scrutineer.page.get_by_role("button", name="Record your review").click()
    expect(scrutineer.page.locator("body")).to_contain_text("The decision follows from the rapid")
    scrutineer.check("incident-scrutinised")

    bu.goto(f"/p/northfield/reviews/{incident.pk}/")
    bu.page.get_by_role("button", name="Add a finding to the learning cycle").click()
    bu.page.get_by_label("The finding").fill(FINDING)
    bu.page.get_by_label("What was learned").fill("Health visiting saw the mother only.")
    bu.check("finding-new")
    bu.page.get_by_role("button", name="Add the finding").click()
    bu.page.get_by_role("button", name="Record the practice review").click()
    bu.page.get_by_label("Terms of reference").fill("How agencies shared what they knew.")
    bu.page.get_by_label("Date the final report went to the Panel").fill(day(10))
    bu.page.get_by_label("Publish the report").check()
    bu.page.get_by_label("Date published").fill(day(1))
    bu.page.get_by_label("Link to the published report").fill("https://northfield.example/r/1")
    bu.check("practice-review-form")
    bu.page.get_by_role("button", name="Save").click()
    expect(bu.page.locator("body")).to_contain_text("Published")
    bu.check("incident-published")

    farah = browse("la-lead")
    farah.sign_in("la-lead@northfield.example")
    farah.goto(f"/p/northfield/reviews/{incident.pk}/")
    farah.check("incident-as-panel-member")
    item = LearningItem.unscoped.get(partnership__slug="northfield", title=FINDING)
    farah.page.get_by_role("link", name=FINDING).click()
    expect(farah.page).to_have_url(farah.url(f"/p/northfield/actions/from-learning/{item.pk}/"))
    farah.check("finding-thread")

    joanna = browse("health-lead")
    joanna.sign_in("health-lead@northfield.example")
    joanna.goto(f"/p/northfield/reviews/{incident.pk}/", status=404)
    joanna.goto("/p/northfield/reviews/")
    expect(joanna.page.locator("body")).not_to_contain_text(incident.reference)
    joanna.check("board-counts-only")
    joanna.goto("/p/northfield/reviews/annual-summary/")
    joanna.check("annual-summary")

    phone = browse("business-unit-phone", viewport=PHONE)
    phone.sign_in("business-unit@northfield.example")
    phone.goto("/p/northfield/reviews/")
    assert_fits_window(phone.page)
    phone.goto(f"/p/northfield/reviews/{incident.pk}/")
    assert_fits_window(phone.page)

    for b in (bu, scrutineer, farah, joanna, phone):
        b.assert_clean()
