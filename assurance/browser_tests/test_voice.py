"""The voice of children and families in a real browser.

A child answers the form on a 375 px phone with JavaScript switched off; the same pages, with
JavaScript, pass axe-core and fit the window (its error page too). A message that reads like a
disclosure reaches the business unit's duty inbox, not the list of what children said, and the
duty officer records what was done. The business unit themes a child's answer and links a
"you said, we did" to an action. Every page gets axe-core and a screenshot."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, Browse, assert_fits_window
from assurance.voice.feedback.models import Feedback, FeedbackLink

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

IN_CARE = "Children in care: tell us about your social worker"


def _link() -> FeedbackLink:
    return FeedbackLink.unscoped.get(partnership__slug="northfield", title=IN_CARE)


def _answer(page, *, better: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("What was good? (optional)").fill("My worker came when she said")
    page.get_by_label("What could be better? (optional)").fill(better)
    page.get_by_label("13 to 15").check()
    page.get_by_label("A social worker").check()
    page.get_by_role("button", name="Send").click()


def test_a_child_answers_on_a_phone_without_javascript(browser, demo_server, screenshot_dir):  # type: ignore[no-untyped-def]
    link = _link()
    before = Feedback.objects_for(link.partnership).count()
    context = browser.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{demo_server.url}/say/{link.token}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(IN_CARE)
        expect(page.get_by_text("If you are in danger now, call 999")).to_be_visible()
        # The faces carry their words: each choice is found by its words alone.
        for words in ("Really good", "Good", "OK", "Not good", "Really bad"):
            expect(page.get_by_label(words, exact=True)).to_have_count(1)
        page.screenshot(path=str(screenshot_dir / "child-form-no-js.png"), full_page=True)
        _answer(page, better="Tell me what happens at meetings")
        expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
        page.screenshot(path=str(screenshot_dir / "child-thanks-no-js.png"), full_page=True)
    finally:
        context.close()
    latest = Feedback.objects_for(link.partnership).latest("pk")
    assert Feedback.objects_for(link.partnership).count() == before + 1
    assert (latest.feeling, latest.age_band, latest.service) == (4, "13_15", "social_care")
    assert not latest.flagged


def test_the_child_s_pages_pass_axe_and_fit_a_phone(browse) -> None:  # type: ignore[no-untyped-def]
    b: Browse = browse("child", viewport=PHONE)
    token = _link().token
    b.goto(f"/say/{token}/")
    b.check("form")
    b.page.get_by_role("button", name="Send").click()  # nothing chosen: the errors
    expect(b.page.locator(".govuk-error-summary")).to_contain_text("Choose how old you are")
    assert b.page.title().startswith("Error: ")
    assert_fits_window(b.page)
    b.check("form-errors")
    _answer(b.page, better="More trips out")
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Thank you")
    b.check("thanks")
    b.assert_clean()


def test_a_disclosure_reaches_the_duty_inbox_only(browse) -> None:  # type: ignore[no-untyped-def]
    token = _link().token
    child = browse("child-disclosure", viewport=PHONE)
    child.goto(f"/say/{token}/")
    _answer(child.page, better="my stepdad hit me and I am scared to go home")
    expect(child.page.get_by_role("heading", level=1)).to_have_text("Thank you")

    b: Browse = browse("business-unit-voice")
    b.sign_in("business-unit@northfield.example", settings.DEMO_PASSWORD)
    b.goto("/p/northfield/")
    b.page.get_by_role("link", name="Read the possible disclosures").click()
    b.check("duty-inbox")
    flagged = Feedback.unscoped.filter(partnership__slug="northfield", flagged=True).latest("pk")
    b.page.get_by_role("link", name=flagged.reference, exact=True).click()
    expect(b.page.get_by_text("my stepdad hit me and I am scared to go home")).to_be_visible()
    b.check("duty-detail")
    b.page.get_by_label("What was done").fill("Passed to the front door at 10:40.")
    b.page.get_by_role("button", name="Save what was done").click()
    expect(b.page.locator(".govuk-notification-banner")).to_contain_text("is recorded")

    b.page.get_by_role("link", name="What they told us").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "What children and families told us"
    )
    expect(b.page.get_by_text("scared to go home")).to_have_count(0)
    b.check("feedback-list")
    b.page.get_by_role("link", name="Form links").click()
    b.check("links")
    b.page.get_by_role("link", name=IN_CARE).click()
    expect(b.page.get_by_role("img", name="QR code")).to_be_visible()
    b.check("link-detail")
    b.goto("/p/northfield/voice/duty/settings/")
    b.check("duty-settings")
    b.assert_clean()


def test_the_business_unit_themes_an_answer_and_links_a_we_did_to_an_action(browse) -> None:  # type: ignore[no-untyped-def]
    """A child's answer is tagged with a theme from the page of feedback waiting for one; the
    theme's page then shows it, and a "you said, we did" answer linked to an action of the
    action log, with the action's status; the quarter's summary and the phone width too."""
    token = _link().token
    child = browse("child-themed", viewport=PHONE)
    child.goto(f"/say/{token}/")
    _answer(child.page, better="I never know who my new worker is going to be")
    expect(child.page.get_by_role("heading", level=1)).to_have_text("Thank you")

    b: Browse = browse("business-unit-themes")
    b.sign_in("business-unit@northfield.example", settings.DEMO_PASSWORD)
    b.goto("/p/northfield/voice/")
    b.page.get_by_role("button", name="Tag feedback with themes").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Tag feedback with a theme")
    b.check("tag-feedback")
    b.page.get_by_label("Theme", exact=True).select_option(label="Hearing the child")
    b.page.get_by_label("I never know who my new worker is going to be").check()
    b.page.get_by_role("button", name="Tag the feedback").click()
    expect(b.page.locator(".govuk-notification-banner")).to_contain_text(
        "1 piece of feedback tagged."
    )

    b.goto("/p/northfield/voice/themes/")
    b.check("themes")
    b.page.get_by_role("link", name="Hearing the child").click()
    expect(b.page.get_by_text("I never know who my new worker is going to be")).to_be_visible()
    b.check("theme")
    b.click_through(b.page.get_by_role("button", name="Add a “you said, we did” answer"))
    b.check("answer-add")
    b.page.get_by_label("You said").fill("You never know who your new worker is going to be.")
    b.page.get_by_label("We did").fill("Your new worker now writes to you before you meet.")
    b.page.get_by_label("The action in the action log (optional)").select_option(
        label="Brief police public protection staff on sending conference reports two days "
        "before the conference"
    )
    b.page.get_by_label("Date of the answer").fill(timezone.localdate().isoformat())
    b.page.get_by_role("button", name="Save the answer").click()
    expect(b.page.locator(".govuk-notification-banner")).to_contain_text("The answer is saved.")
    expect(b.page.get_by_text("Your new worker now writes to you before you meet.")).to_be_visible()
    expect(
        b.page.get_by_role("link", name="Brief police public protection staff", exact=False)
    ).to_be_visible()
    b.check("theme-answered")

    b.goto("/p/northfield/voice/summary/")
    b.check("summary")

    phone: Browse = browse("business-unit-themes-phone", viewport=PHONE)
    phone.sign_in("business-unit@northfield.example", settings.DEMO_PASSWORD)
    phone.goto("/p/northfield/voice/themes/tag/")
    phone.check("tag-feedback")
    phone.goto("/p/northfield/voice/summary/")
    phone.check("summary")
    b.assert_clean()
    phone.assert_clean()
