"""Self-assessments, as far as they go (issue 11): the business unit finds the schools and
colleges loaded from the GIAS sample through the service navigation, filters them, opens one and
its history, and finds the shipped self-assessment tools among the frameworks; it opens a round
and invites a school's lead, who accepts and sees her school only. Axe on every page, and the
list and a school's page fit a phone (375 px) without scrolling sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, assert_fits_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_schools_and_colleges_and_the_shipped_tools(browse) -> None:
    b = browse("selfassessment-journey")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/")
    b.page.get_by_role("link", name="Self-assessment").first.click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Schools and colleges")
    expect(b.page.locator("#status-counts")).to_contain_text("open")
    b.check("setting-list")

    b.page.get_by_label("Phase").select_option("Secondary")
    b.page.get_by_role("button", name="Filter").click()
    rows = b.page.locator("#settings tbody tr")
    expect(rows.first).to_contain_text("Secondary")
    b.check("setting-list-secondary")
    b.page.locator("#settings tbody tr a").first.click()
    expect(b.page.locator(".govuk-summary-list")).to_contain_text("Secondary")
    expect(b.page.locator(".govuk-summary-list")).to_contain_text(re.compile(r"\b99\d{4}\b"))
    b.check("setting-detail")
    detail = b.page.url
    b.page.get_by_role("link", name="View the history of this setting").click()
    expect(b.page.locator("main")).to_contain_text("Imported from gias_sample.csv")
    b.check("setting-history")

    b.goto("/p/northfield/frameworks/")
    expect(b.page.locator("main")).to_contain_text("Section 11 self-assessment")
    expect(b.page.locator("main")).to_contain_text(
        "Section 175/157 safeguarding self-assessment for schools and colleges"
    )
    b.check("frameworks-with-tools")

    b.assert_clean()

    phone = browse("selfassessment-phone", viewport=PHONE)
    phone.sign_in("business-unit@northfield.example")
    for name, url in (("setting-list", "/p/northfield/self-assessment/settings/"),
                      ("setting-detail", detail.removeprefix(b.base_url))):  # fmt: skip
        phone.goto(url)
        assert_fits_window(phone.page)
        phone.check(name)
    phone.assert_clean()


def test_a_round_and_a_schools_lead_who_accepts_her_invitation(browse) -> None:
    """The business unit opens a round of the exploitation self-assessment for the secondary
    schools and invites a school's safeguarding lead; she chooses her password through the
    e-mailed link, lands on her school's page with the round on it, and finds no other school
    (404) and nothing else of the partnership (403); axe on every page, her page fits a phone."""
    from django.core import mail

    b = browse("selfassessment-rounds")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/self-assessment/rounds/")
    expect(b.page.locator("#rounds")).to_contain_text("Section 175/157")
    b.check("round-list")
    b.page.get_by_role("link", name="Open a round").click()
    b.check("round-open")
    b.page.get_by_label("Exploitation self-assessment").check()
    b.page.get_by_role("radio", name="Schools and colleges", exact=True).check()
    b.page.get_by_label("Secondary").check()
    b.page.get_by_label("Deadline").fill("2099-03-31")
    b.page.get_by_role("button", name="Open the round").click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("Exploitation self-assessment")
    expect(b.page.locator("#participants")).to_contain_text("Ashby Vale Free School")
    b.check("round-detail")

    b.click_through(b.page.get_by_role("link", name="Ashby Vale Free School", exact=True))
    school = b.page.url.removeprefix(b.base_url)
    b.page.get_by_role("link", name="Invite a user").click()
    b.check("member-invite")
    b.page.get_by_label("Full name").fill("Morag Ellison")
    b.page.get_by_label("E-mail address").fill("m.ellison@ashbyvale.example")
    b.page.get_by_label("Deputy designated safeguarding lead").check()
    mail.outbox.clear()
    b.page.get_by_role("button", name="Send the invitation").click()
    expect(b.page.locator("main")).to_contain_text("Morag Ellison")
    expect(b.page.locator("main")).to_contain_text("Invited")
    b.check("setting-with-users")
    b.assert_clean()

    (message,) = mail.outbox
    found = re.search(r"https?://\S+/accounts/password-reset/\S+", str(message.body))
    assert found, message.body
    link = found.group(0)
    dsl = browse("selfassessment-school-user")
    dsl.page.goto(link)
    dsl.page.get_by_label("New password", exact=True).fill("ashby vale safeguarding 2099")
    dsl.page.get_by_label("New password confirmation").fill("ashby vale safeguarding 2099")
    dsl.check("choose-password")
    dsl.click_through(dsl.page.get_by_role("button", name="Save the password"))
    dsl.sign_in("m.ellison@ashbyvale.example", "ashby vale safeguarding 2099")
    dsl.goto("/p/northfield/")
    expect(dsl.page.get_by_role("heading", level=1)).to_have_text("Ashby Vale Free School")
    assert dsl.page.url.endswith(school)
    expect(dsl.page.locator("main")).to_contain_text("Exploitation self-assessment")
    expect(dsl.page.locator("main")).to_contain_text("Your school or college")
    dsl.check("own-school")
    dsl.goto("/p/northfield/self-assessment/settings/", status=403)
    dsl.goto("/p/northfield/agencies/", status=403)
    # Northfield Primary School, another school of the partnership: not there for her
    b.goto("/p/northfield/self-assessment/settings/?name=Northfield+Primary")
    other = b.page.locator("#settings tbody tr a").first.get_attribute("href")
    assert other and other != school
    dsl.goto(other, status=404)
    dsl.assert_clean()

    phone = browse("selfassessment-school-user-phone", viewport=PHONE)
    phone.sign_in("m.ellison@ashbyvale.example", "ashby vale safeguarding 2099")
    phone.goto(school)
    assert_fits_window(phone.page)
    phone.check("own-school")
    phone.assert_clean()


def test_a_schools_return_from_first_save_to_sign_off_and_unlock(browse) -> None:
    """Northfield Primary's lead continues the return she began (section 1 saved; last year's
    answers carried forward), confirms a carried answer and changes another, attaches a link,
    comes back to it, confirms the rest and prints it; the head checks and signs it off, which
    locks it; the panel challenges 2.2 (a missing reason is refused first) and raises an action,
    which appears in the action log naming the challenge; the school reads the challenge and
    another school's lead gets 404 on the return and the challenge; the business unit unlocks it
    with a reason. Axe on every page; the return's pages
    fit a phone."""
    dsl = browse("selfassessment-return-lead")
    dsl.sign_in("school-dsl@northfield.example")
    dsl.goto("/p/northfield/")
    dsl.page.get_by_role("link", name=re.compile("Continue the return")).click()
    expect(dsl.page.locator("#progress")).to_have_text("1 of 5 sections completed")
    expect(dsl.page.locator("main")).to_contain_text("11 answers were carried forward")
    dsl.check("return-tasks")
    return_url = dsl.page.url.removeprefix(dsl.base_url)

    dsl.page.get_by_role("link", name="2: Staff knowledge and training").click()
    expect(dsl.page.locator("main")).to_contain_text("Carried forward from your last return")
    dsl.check("return-section-carried")
    dsl.page.get_by_label(
        "The answer to 2.1 carried forward from the last round is still true"
    ).check()
    dsl.page.get_by_role("group", name=re.compile(r"^2\.2 ")).get_by_label("Not met").check()
    dsl.page.get_by_role("button", name="Save and add a file or link for 2.3").click()
    expect(dsl.page.get_by_role("heading", level=1)).to_have_text("Add a file or link for 2.3")
    dsl.check("return-evidence-add")
    dsl.page.get_by_label("What this shows").fill("Training log of every member of staff, 2025/26")
    dsl.page.get_by_label("Or give a link to a web page").fill(
        "https://northfield-primary.example/staff/training-log"
    )
    dsl.page.get_by_role("button", name="Add the evidence").click()
    expect(dsl.page.locator("main")).to_contain_text("Training log of every member of staff")
    dsl.page.get_by_role("button", name="Save and return to the return's page").click()
    expect(dsl.page.locator(".govuk-notification-banner")).to_contain_text("saved")

    # She comes back later: the change is kept; she confirms every other carried answer
    dsl.goto(return_url)
    expect(dsl.page.locator("main")).to_contain_text("9 answers were carried forward")
    for number in range(2, 6):
        dsl.goto(f"{return_url}sections/{number}/")
        for box in dsl.page.get_by_label(
            re.compile("carried forward from the last round is still true")
        ).all():
            box.check()
        dsl.click_through(dsl.page.get_by_role("button", name="Save and continue"))
    expect(dsl.page.get_by_role("heading", level=1)).to_have_text(
        "Check the answers before the return is signed off"
    )
    expect(dsl.page.locator("main")).not_to_contain_text("Still needed")
    expect(dsl.page.locator("main")).to_contain_text("Not met")
    dsl.check("return-check-lead")
    dsl.goto(return_url)
    expect(dsl.page.locator("#progress")).to_have_text("5 of 5 sections completed")
    dsl.page.get_by_role("link", name="The return to print").click()
    expect(dsl.page.locator("main")).to_contain_text("Training log of every member of staff")
    dsl.check("return-print")
    pdf = dsl.page.request.get(dsl.url(f"{return_url}return.pdf"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    dsl.assert_clean()

    head = browse("selfassessment-return-head")
    head.sign_in("school-head@northfield.example")
    head.goto(return_url)
    head.click_through(head.page.get_by_role("button", name="Check and sign off"))
    head.check("return-check-head")
    head.page.get_by_label(re.compile("I have read this return")).check()
    head.page.get_by_role("button", name="Sign off and submit the return").click()
    expect(head.page.locator("main")).to_contain_text(
        "signed off and submitted, so it cannot be changed"
    )
    expect(head.page.locator("main")).to_contain_text("Submitted")
    head.check("return-submitted")
    head.assert_clean()
    dsl.goto(f"{return_url}sections/1/")
    assert dsl.page.url.endswith(return_url)

    # The challenge panel (here the business unit) finds the return awaiting challenge, agrees a
    # different rating for 2.2 with its reason, and raises an action into the action log
    panel = browse("selfassessment-challenge")
    panel.sign_in("business-unit@northfield.example")
    panel.goto("/p/northfield/self-assessment/challenges/")
    expect(panel.page.locator("#awaiting-returns")).to_contain_text("Northfield Primary School")
    panel.check("challenge-list")
    panel.goto(return_url)
    panel.click_through(
        panel.page.get_by_role("link", name="The challenge panel's review of this return")
    )
    challenge_url = panel.page.url.removeprefix(panel.base_url)
    expect(panel.page.locator("main")).to_contain_text("This return awaits the panel's challenge")
    panel.check("challenge-detail-awaiting")
    panel.page.get_by_role("button", name="Challenge the return").click()
    expect(panel.page.locator("main")).to_contain_text("Self-rating: Not met")
    panel.check("challenge-record")
    panel.page.get_by_label("Rating the panel agreed for 2.2").select_option(label="Partly met")
    panel.page.get_by_role("radio", name=re.compile("^Confirmed with changes")).check()
    panel.page.get_by_label("The panel's conclusion").fill(
        "Training is under way for most staff: 2.2 is partly met rather than not met."
    )
    panel.page.get_by_role("button", name="Save the challenge").click()
    expect(panel.page.locator(".govuk-error-summary")).to_contain_text(
        "Give the panel's reason for rating 2.2"
    )
    panel.check("challenge-record-error")
    panel.page.get_by_label("Why the panel rated 2.2 differently").fill(
        "The training log shows two thirds of staff trained this term."
    )
    panel.page.get_by_role("button", name="Save the challenge").click()
    expect(panel.page.locator("main")).to_contain_text("Confirmed with changes")
    expect(panel.page.locator("[id='standard-2.2']")).to_contain_text("two thirds of staff trained")
    # the return's evidence is read beside its answers
    expect(panel.page.locator("[id='standard-2.3']")).to_contain_text(
        "Training log of every member of staff"
    )
    panel.check("challenge-detail")
    panel.page.get_by_role("link", name="Raise an action about 2.2").click()
    panel.check("challenge-action-add")
    panel.page.get_by_label("What the organisation will do").fill(
        "train the remaining staff before the spring term"
    )
    panel.page.get_by_label("Due date").fill("2099-03-31")
    panel.page.get_by_label("How success will be measured").fill(
        "The training log shows every member of staff trained."
    )
    panel.page.get_by_role("button", name="Add it to the action log").click()
    action_title = (
        "Northfield Primary School, 2.2: train the remaining staff before the spring term"
    )
    expect(panel.page.locator(".govuk-notification-banner")).to_contain_text(action_title)
    panel.page.get_by_role("link", name=action_title).click()
    expect(panel.page.locator("#origin")).to_contain_text(
        "The challenge of Northfield Primary School's self-assessment"
    )
    panel.check("challenge-action-in-the-log")
    panel.goto("/p/northfield/actions/")
    expect(panel.page.locator("main")).to_contain_text(action_title)
    panel.assert_clean()

    # The school reads its challenge; another school's lead finds neither its return nor the
    # challenge
    dsl.goto(challenge_url)
    expect(dsl.page.locator("main")).to_contain_text("two thirds of staff trained")
    dsl.check("challenge-detail-school")
    other = browse("selfassessment-challenge-other-school")
    other.sign_in("other-school-dsl@northfield.example")
    other.goto(return_url, status=404)
    other.goto(challenge_url, status=404)

    bu = browse("selfassessment-return-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto(return_url)
    bu.click_through(bu.page.get_by_role("button", name="Unlock the return"))
    bu.check("return-unlock")
    bu.page.get_by_label("Why the return is being unlocked").fill(
        "Standard 2.2 is rated not met: please add the plan to train the new staff."
    )
    bu.click_through(bu.page.get_by_role("button", name="Unlock the return"))
    expect(bu.page.locator("main")).to_contain_text("In progress")
    expect(bu.page.locator("main")).to_contain_text("please add the plan to train the new staff")
    bu.check("return-unlocked")
    # the challenge is about the submission the panel read, not the return being changed
    bu.goto(challenge_url)
    expect(bu.page.locator("#earlier-submission")).to_contain_text(
        "The return has been unlocked since"
    )
    bu.check("challenge-detail-unlocked")
    bu.goto("/p/northfield/self-assessment/challenges/?list=challenged")
    expect(bu.page.locator("#challenged-returns")).to_contain_text("About an earlier submission")
    bu.check("challenge-list-challenged")
    bu.assert_clean()

    phone = browse("selfassessment-return-phone", viewport=PHONE)
    phone.sign_in("school-dsl@northfield.example")
    for name, url in (("return-tasks", return_url), ("return-section", f"{return_url}sections/2/")):
        phone.goto(url)
        assert_fits_window(phone.page)
        phone.check(name)
    phone.assert_clean()
