"""A serious incident from notification to a published practice review, in a real browser,
through the pages only (issue 10's "done means"):

1. the business unit records the incident (a form with no name, date of birth or address; its
   errors first), naming the council's lead on its panel, and the Panel's notification;
2. it asks the council and the ICB for their information; the ICB's lead, who is not named on
   the review, answers the ICB's request (its errors first) and submits it;
3. it adds the review meeting (the executive's, through the meetings' pages), records its
   attendance without health and links it: the safeguarding partners' decision is refused
   (not quorate); with health's representative recorded present, the decision is recorded;
   with the rapid review and its recommendation, a local practice review;
4. the independent scrutineer reviews the decision;
5. the business unit records the practice review, adds its finding to the learning cycle and
   records its publication;
6. the council's lead, named on it, reads it and follows the finding to its golden thread; the
   ICB's lead, on the panel of other reviews but not this one, gets 404 for it; the board
   lists only hers.
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
from assurance.frameworks.models import Item
from assurance.improvement.learning.models import LearningItem
from assurance.improvement.meetings.models import Meeting
from assurance.reviews.information_requests.models import InformationRequest
from assurance.reviews.notifications.models import SeriousIncident

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FINDING = "Nobody asked who else cared for the baby"
EXECUTIVE = "Northfield Safeguarding Children Partnership Executive"


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

    # The agencies' information: the council (ticked, as involved) and the ICB
    bu.page.get_by_role("button", name="Ask agencies for information").click()
    bu.page.get_by_label("Northfield and Dale Integrated Care Board").check()
    bu.check("information-send")
    bu.page.get_by_role("button", name="Send the requests").click()
    expect(bu.page.locator("#information")).to_contain_text("Not started")
    request = InformationRequest.unscoped.get(incident=incident, agency__short_name="ICB")
    joanna = browse("health-lead")
    joanna.sign_in("health-lead@northfield.example")
    # Her home page's to-do list asks for the ICB's information, with its due date
    joanna.goto("/p/northfield/")
    todo = joanna.page.get_by_role(
        "link", name=f"rapid review of serious incident {incident.reference} by"
    )
    expect(todo).to_be_visible()
    joanna.check("home-information-todo")
    todo.click()
    expect(joanna.page).to_have_url(joanna.url(f"/p/northfield/reviews/information/{request.pk}/"))
    joanna.check("information-request")
    joanna.page.get_by_role("button", name="Answer the request").click()
    joanna.page.get_by_role("button", name="Submit to the review").click()
    expect(joanna.page.locator(".govuk-error-summary")).to_contain_text(
        "Answer every question before you submit"
    )
    joanna.check("information-answer-errors")
    for question in Item.objects.filter(section__framework=request.assessment.framework):
        field = joanna.page.locator(f"[name=item_{question.pk}]")
        if question.response_type == "date":
            field.fill(day(60))
        elif question.is_graded:
            joanna.page.get_by_role("group", name=question.text).get_by_label("Yes").check()
        else:
            field.fill("The health visitor saw the baby twice; the father was not seen.")
    joanna.page.get_by_role("button", name="Submit to the review").click()
    expect(joanna.page.locator("body")).to_contain_text("submitted to the rapid review")
    joanna.check("information-submitted")
    joanna.goto("/p/northfield/")  # submitted: off her to-do list
    expect(joanna.page.locator("body")).not_to_contain_text(
        f"rapid review of serious incident {incident.reference} by"
    )
    bu.goto(f"/p/northfield/reviews/{incident.pk}/")
    expect(bu.page.locator("#information")).to_contain_text("Submitted")

    # The review meeting: the executive's, first recorded without health
    met = today - timedelta(days=15)
    bu.goto("/p/northfield/meetings/new/")
    bu.page.get_by_label("Group").select_option(label=EXECUTIVE)
    bu.page.get_by_label("Date").fill(met.isoformat())
    bu.click_through(bu.page.get_by_role("button", name="Save"))
    meeting = Meeting.unscoped.filter(partnership__slug="northfield").latest("pk")
    attendance = f"/p/northfield/meetings/{meeting.pk}/attendance/"
    bu.goto(attendance)
    present = bu.page.get_by_role("group", name="Who attended")
    present.get_by_label("Elin Rowntree").check()
    present.get_by_label("Ian Caskey").check()
    bu.click_through(bu.page.get_by_role("button", name="Save"))
    bu.goto(f"/p/northfield/reviews/{incident.pk}/")
    bu.page.get_by_role("link", name="Link the review meeting").click()
    bu.page.get_by_label(f"{EXECUTIVE}, {met:%A %-d %B %Y}").check()
    bu.check("review-meeting-form")
    bu.page.get_by_role("button", name="Link the meeting").click()
    expect(bu.page.locator("body")).to_contain_text("Not quorate")
    bu.check("incident-meeting-not-quorate")

    def record_rapid_review(*, decided: bool) -> None:
        bu.goto(f"/p/northfield/reviews/{incident.pk}/rapid-review/")
        bu.page.get_by_label("Date the rapid review was sent to the Panel").fill(day(20))
        recommends = bu.page.get_by_role("group", name="What the rapid review recommends")
        recommends.get_by_label("A local child safeguarding practice review").check()
        bu.page.get_by_label("Why").fill("Agencies did not share what they knew.")
        decision = bu.page.get_by_role("group", name="What the safeguarding partners decided")
        decision.get_by_label("A local child safeguarding practice review").check()
        if decided:
            bu.page.get_by_label("Date of the decision").fill(met.isoformat())
            bu.page.get_by_label("The reasons for the decision").fill("The criteria are met.")
        bu.click_through(bu.page.get_by_role("button", name="Save"))

    record_rapid_review(decided=False)
    expect(bu.page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date of the decision"
    )
    bu.check("rapid-review-form")
    record_rapid_review(decided=True)
    expect(bu.page.locator(".govuk-error-summary")).to_contain_text(
        "no representative of health is present"
    )
    bu.check("rapid-review-not-quorate")
    bu.goto(attendance)
    bu.page.get_by_role("group", name="Who attended").get_by_label("Joanna Feld").check()
    bu.click_through(bu.page.get_by_role("button", name="Save"))
    record_rapid_review(decided=True)
    expect(bu.page.locator("h1")).to_have_text(incident.reference)
    expect(bu.page.locator("#deadlines")).to_contain_text("Publish the practice review")
    expect(bu.page.locator("body")).to_contain_text("Quorate: all three safeguarding partners")
    bu.check("incident-decided")

    scrutineer = browse("scrutineer")
    scrutineer.sign_in("scrutineer@northfield.example")
    scrutineer.goto(f"/p/northfield/reviews/{incident.pk}/")
    scrutineer.click_through(scrutineer.page.get_by_role("button", name="Review the decision"))
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

    # joanna is on the panel of other reviews (the demo's), not this one's: 404 for it, while
    # the board lists those she is named on
    theirs = SeriousIncident.unscoped.filter(
        partnership__slug="northfield", panel__user__email="health-lead@northfield.example"
    ).exclude(pk=incident.pk)
    assert theirs.exists()
    joanna.goto(f"/p/northfield/reviews/{incident.pk}/", status=404)
    joanna.goto("/p/northfield/reviews/?show=all")
    expect(joanna.page.locator("#board")).to_contain_text(theirs.first().reference)  # type: ignore[union-attr]
    expect(joanna.page.locator("body")).not_to_contain_text(incident.reference)
    joanna.check("board-her-reviews-only")
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
