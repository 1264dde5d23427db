"""What staff say, in a real browser, on the demo's 2024/25 Section 11 round (its deadline is
moved to next month for these tests, so that its links are open again; the test's transaction
is rolled back).

A firefighter answers Northshire Fire and Rescue Service's survey on a 375 px phone with
JavaScript switched off: one short page, every standard as "In my organisation …"; a comment
with a phone number is refused, with the answers kept. The same pages, with JavaScript, pass
axe-core and fit the window. The business unit reads the round's surveys and the organisations'
results: the fire service's page says how many more answers are needed until it has 5, then
shows its staff's answers per standard. Every page gets axe-core and a screenshot."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, Browse, assert_fits_window
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.surveys.models import StaffResponse, StaffSurvey

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FIRE = "Northshire Fire and Rescue Service"


def _round() -> Round:
    return Round.unscoped.get(
        partnership__slug="northfield", year=2024, framework__name__startswith="Section 11"
    )


def _open_again() -> Round:
    round = _round()
    Round.unscoped.filter(pk=round.pk).update(deadline=timezone.localdate() + timedelta(days=30))
    return round


def _survey(agency: str) -> StaffSurvey:
    return StaffSurvey.unscoped.get(participant__round=_round(), participant__agency__name=agency)


def _answer_all(page: Any, comment: str = "") -> None:
    radios = page.locator("input[type=radio][value=agree]")
    for i in range(radios.count()):
        radios.nth(i).check()
    page.locator("input[type=radio][value=dont_know]").first.check()
    page.get_by_label("Anything else you want to tell us").fill(comment)
    page.get_by_role("button", name="Send my answers").click()


def test_a_practitioner_answers_on_a_phone_without_javascript(
    browser: Any, demo_server: Any, screenshot_dir: Any
) -> None:
    _open_again()
    fire = _survey(FIRE)
    before = StaffResponse.unscoped.filter(survey=fire).count()
    context = browser.new_context(viewport=PHONE, locale="en-GB", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{demo_server.url}/staff-survey/{fire.token}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Safeguarding in {FIRE}: what staff say"
        )
        expect(page.get_by_text("This survey is anonymous")).to_be_visible()
        expect(page.locator("fieldset")).to_have_count(12)
        expect(
            page.get_by_role("group", name="In my organisation, I know how to blow the whistle")
        ).to_have_count(1)
        page.screenshot(path=str(screenshot_dir / "staff-survey-no-js.png"), full_page=True)
        _answer_all(page, comment="Ring me on 07700 900123 if you want to know more")
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "Your comment looks like it holds a phone number"
        )
        expect(page.locator("input[type=radio][value=dont_know]").first).to_be_checked()
        page.get_by_label("Anything else you want to tell us").fill("Supervision helps.")
        page.get_by_role("button", name="Send my answers").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
        page.screenshot(path=str(screenshot_dir / "staff-survey-thanks-no-js.png"), full_page=True)
    finally:
        context.close()
    stored = StaffResponse.unscoped.filter(survey=fire).order_by("pk")
    assert stored.count() == before + 1
    assert stored.last().comment == "Supervision helps."  # type: ignore[union-attr]


def test_the_survey_pages_pass_axe_and_fit_a_phone(browse: Any) -> None:
    _open_again()
    b: Browse = browse("practitioner", viewport=PHONE)
    token = _survey("Northshire Police").token
    b.goto(f"/staff-survey/{token}/")
    b.check("survey")
    assert_fits_window(b.page)
    b.page.get_by_role("button", name="Send my answers").click()  # nothing chosen
    expect(b.page.locator(".govuk-error-summary")).to_contain_text("Choose an answer for")
    assert b.page.title().startswith("Error: ")
    b.check("survey-errors")
    _answer_all(b.page)
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Thank you")
    b.check("thanks")
    b.assert_clean()


def test_the_business_unit_reads_what_staff_say(browse: Any) -> None:
    round = _open_again()
    fire = _survey(FIRE)
    b: Browse = browse("business-unit-staff-survey")
    b.sign_in("business-unit@northfield.example")
    p = "/p/northfield/self-assessment"
    b.goto(f"{p}/rounds/{round.pk}/")
    b.page.get_by_role("link", name="What staff say: the practitioners' survey").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("What staff say")
    expect(b.page.locator("#surveys")).to_contain_text("2 more responses needed")
    b.check("round-surveys")
    b.page.get_by_role("link", name=FIRE).click()
    expect(b.page.locator("#more-needed")).to_contain_text("2 more responses needed")
    expect(b.page.locator("#results")).to_have_count(0)
    expect(b.page.get_by_label("Link to the survey")).to_have_value(
        b.url(f"/staff-survey/{fire.token}/")
    )
    b.check("fire-survey")
    # Two more of the fire service's staff answer through the link
    staff = browse("firefighter", viewport=PHONE)
    for _ in range(2):
        staff.goto(f"/staff-survey/{fire.token}/")
        _answer_all(staff.page)
        expect(staff.page.get_by_role("heading", level=1)).to_have_text("Thank you")
    b.page.reload()
    expect(b.page.locator("#results")).to_contain_text("In my organisation, I know how to blow")
    expect(b.page.locator("#more-needed")).to_have_count(0)
    b.check("fire-results")
    b.goto(f"{p}/staff-surveys/{_survey('Northshire Police').pk}/")
    expect(b.page.locator("#results")).to_be_visible()
    b.check("police-results")
    b.page.set_viewport_size(PHONE)
    b.check("police-results-phone")
    b.assert_clean()
    staff.assert_clean()
