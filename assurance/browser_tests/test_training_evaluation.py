"""The training evaluation in a real browser, from Northfield's demo year.

A practitioner answers the questionnaire before their course from their personal link, on a
375 px phone: axe-core on the form, its errors and the thanks; the same link is then refused as
used, and a link past its closing date as expired. A line manager answers their three-month
view. The business unit sees the course's paired change and the annual report, and downloads
its PDF. Every page gets axe-core and a screenshot."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, Browse, assert_fits_window
from assurance.training.evaluation import links
from assurance.training.evaluation.models import Invitation, Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEGLECT = "Recognising and responding to neglect"


def _open(stage: str) -> Invitation:
    now = timezone.now()
    found = (
        Invitation.unscoped.filter(
            partnership__slug="northfield",
            stage=stage,
            answered_at__isnull=True,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        .select_related("booking__session__course")
        .order_by("pk")
        .first()
    )
    assert found is not None, f"the demo has no open {stage} link"
    return found


def _path(invitation: Invitation) -> str:
    token = links.make_token(invitation_pk=invitation.pk, nonce=invitation.nonce)
    return f"/training/questionnaire/{token}/"


def _rate_all(page, score: str) -> None:  # type: ignore[no-untyped-def]
    for group in page.locator(".govuk-radios").all():
        group.get_by_label(score, exact=True).check()


def test_a_practitioner_answers_by_their_link_once(browse) -> None:  # type: ignore[no-untyped-def]
    invitation = _open("before")
    b: Browse = browse("training-practitioner", viewport=PHONE)
    b.goto(_path(invitation))
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "Your questionnaire before the course"
    )
    assert_fits_window(b.page)
    b.check("questionnaire")
    b.page.get_by_role("button", name="Send my answers").click()  # nothing chosen: the errors
    expect(b.page.locator(".govuk-error-summary")).to_contain_text("Choose a rating from 1 to 10")
    assert b.page.title().startswith("Error: ")
    assert_fits_window(b.page)
    b.check("questionnaire-errors")
    _rate_all(b.page, "4")
    b.page.get_by_role("button", name="Send my answers").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your answers have been sent"
    )
    b.check("thanks")
    assert Response.unscoped.filter(
        stage="before", respondent_id=invitation.booking.respondent_id
    ).exists()
    b.goto(_path(invitation), status=410)  # used
    expect(b.page.get_by_text("already been answered with this link")).to_be_visible()
    b.check("used-link")
    b.assert_clean()


def test_an_expired_link_is_refused(browse) -> None:  # type: ignore[no-untyped-def]
    invitation = _open("before")
    Invitation.unscoped.filter(pk=invitation.pk).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    b: Browse = browse("training-expired", viewport=PHONE)
    b.goto(_path(invitation), status=410)
    expect(b.page.get_by_text("This link has expired")).to_be_visible()
    b.check("expired-link")
    b.assert_clean()


def test_a_manager_gives_their_three_month_view(browse) -> None:  # type: ignore[no-untyped-def]
    invitation = _open("manager")
    b: Browse = browse("training-manager")
    b.goto(_path(invitation))
    expect(b.page.get_by_role("heading", level=1)).to_have_text("How has their practice changed?")
    b.check("manager-questionnaire")
    _rate_all(b.page, "6")
    b.page.get_by_label("What change have you seen in their practice since the course?").fill(
        "Their chronologies are clearer and they escalate sooner."
    )
    b.page.get_by_role("button", name="Send my answers").click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    b.assert_clean()


def test_the_business_unit_sees_the_paired_change_and_the_report(browse) -> None:  # type: ignore[no-untyped-def]
    b: Browse = browse("training-business-unit")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/training/")
    b.page.get_by_role("link", name=NEGLECT).click()
    b.page.get_by_role("link", name=f"See the evaluation of {NEGLECT}").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Evaluation")
    expect(b.page.get_by_text("Clear gain").first).to_be_visible()
    b.check("evaluation")
    b.goto("/p/northfield/training/")
    b.page.get_by_role("link", name="Annual evaluation report").click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("training evaluation")
    b.check("annual-report")
    # A year of eight courses' tables and charts: WeasyPrint takes seconds (docs/training.md).
    with b.page.expect_download(timeout=90_000) as download:
        b.page.get_by_role("button", name="Download PDF").click(timeout=90_000)
    assert download.value.suggested_filename.endswith(".pdf")
    b.assert_clean()
