"""Quarterly collection in a real browser (axe-core on every page): the schools' lead submits
through the web form (an impossible percentage is refused with the indicator named, then
corrected) and signs off; the health board's lead submits through the Excel workbook (a bad
upload is rejected whole with its sheet, row and column, then corrected) and signs off; the
business unit sees completeness and timeliness, and publishes the round; the scorecard and the
indicator page then show the new value, its commentary, the SPC verdicts and the benchmarks."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from assurance.dataset.collection.models import CollectionRound, IndicatorValue

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _open_round() -> CollectionRound:
    return CollectionRound.unscoped.get(partnership__slug="northfield", status="open")


def _fill(source: Path, target: Path, cells: dict[str, object]) -> None:
    workbook = load_workbook(source)
    sheet = workbook["Values"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for key, value in cells.items():
        code, column = key.rsplit(":", 1)
        sheet[f"{column}{rows[code]}"] = value
    out = io.BytesIO()
    workbook.save(out)
    target.write_bytes(out.getvalue())


def test_form_and_workbook_submissions_then_publish(browse, tmp_path: Path) -> None:
    round = _open_round()
    label = round.period.short_label

    # The schools' lead: the to-do on the home page leads to the form.
    school = browse("school-lead")
    school.sign_in("school-lead@northfield.example")
    school.page.get_by_role("link", name=f"data set values for {label}").click()
    school.check("collection-values")
    page = school.page
    expect(page.locator("form legend h2")).to_have_count(2)  # EDU-CIN-PA and EDU-EHE
    pa = page.get_by_role("group", name="Persistent absence of children in need")
    pa.get_by_label("Numerator").fill("1300")
    pa.get_by_label("Denominator").fill("1240")
    page.get_by_role("group", name="Children electively home educated").get_by_label(
        "Value (count)"
    ).fill("251")
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("EDU-CIN-PA")
    expect(summary).to_contain_text("between 0 and 100")
    school.check("collection-values-error")
    pa = page.get_by_role("group", name="Persistent absence of children in need")
    pa.get_by_label("Numerator").fill("402")
    pa.get_by_label("Commentary").fill("Attendance officers now visit every child in need.")
    school.click_through(page.get_by_role("button", name="Save and go to sign-off"))
    school.check("collection-sign-off")
    page.get_by_role("button", name="Sign off and lock").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("signed off")
    school.check("collection-round")
    school.assert_clean()

    # The health board's lead: the workbook, a bad upload (nothing saved), then a good one.
    health = browse("health-lead")
    health.sign_in("health-lead@northfield.example")
    health.goto(f"/p/northfield/data-set/collection/{round.pk}/")
    health.check("collection-round")
    with health.page.expect_download() as download:
        health.page.get_by_role("link", name="Download the workbook").click()
    workbook = tmp_path / "icb.xlsx"
    download.value.save_as(workbook)
    before = IndicatorValue.unscoped.get(round=round, indicator__code="HEALTH-ED-SH").value
    bad = tmp_path / "icb-bad.xlsx"
    _fill(workbook, bad, {"HEALTH-ED-SH:E": "about sixty", "HEALTH-ED-SH:H": "Maybe"})
    health.page.get_by_role("link", name="Upload a completed workbook").click()
    health.page.get_by_label("Completed workbook (.xlsx)").set_input_files(str(bad))
    health.page.get_by_role("button", name="Upload").click()
    summary = health.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Sheet Values, row 2, column E: HEALTH-ED-SH")
    expect(summary).to_contain_text("must be a number")
    expect(summary).to_contain_text("Sheet Values, row 2, column H: HEALTH-ED-SH: enter Yes or No")
    health.check("collection-upload-error")
    assert IndicatorValue.unscoped.get(round=round, indicator__code="HEALTH-ED-SH").value == before
    good = tmp_path / "icb-good.xlsx"
    _fill(workbook, good, {"HEALTH-ED-SH:E": 57})
    health.page.get_by_label("Completed workbook (.xlsx)").set_input_files(str(good))
    health.page.get_by_role("button", name="Upload").click()
    expect(health.page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    assert IndicatorValue.unscoped.get(round=round, indicator__code="HEALTH-ED-SH").value == 57
    health.goto(f"/p/northfield/data-set/collection/{round.pk}/sign-off/")
    health.page.get_by_role("button", name="Sign off and lock").click()
    health.assert_clean()

    # The business unit: completeness and timeliness, then publish.
    bu = browse("business-unit")
    bu.sign_in("business-unit@northfield.example")
    bu.goto(f"/p/northfield/data-set/collection/{round.pk}/")
    expect(bu.page.get_by_text("of expected values reported")).to_be_visible()
    row = bu.page.locator("#round-agencies").get_by_role("row", name="Northfield Learning Trust")
    expect(row).to_contain_text("2 of 2")
    expect(row).to_contain_text("Signed off")
    bu.check("collection-round")
    bu.page.get_by_role("button", name=f"Publish {label}").click()
    expect(bu.page.locator(".govuk-notification-banner--success")).to_contain_text("published")
    bu.check("collection-round-published")
    round.refresh_from_db()
    assert round.is_published

    # What the published round shows: the schools' 402 of 1,240 (32.4%) is the latest value on
    # the Neglect scorecard and on the indicator page, with its commentary, the SPC verdicts
    # and the benchmarks.
    period = round.period.short_label
    bu.goto("/p/northfield/data-set/scorecards/")
    bu.page.get_by_role("link", name="Neglect").click()
    row = bu.page.locator("#row-EDU-CIN-PA")
    expect(row).to_contain_text("32.4%")
    expect(row).to_contain_text(period)
    bu.check("scorecard-after-publish")
    row.get_by_role("link", name=re.compile("^Details")).click()
    card = bu.page.locator("#card-EDU-CIN-PA")
    expect(card).to_contain_text(f"32.4 in {period}")
    expect(card).to_contain_text("Attendance officers now visit every child in need.")
    bu.check("scorecard-cards-after-publish")
    card.get_by_role("link", name="Persistent absence of children in need", exact=True).click()
    own = bu.page.locator("#partnership-series")
    expect(own.get_by_role("row", name=period)).to_contain_text("32.4")
    expect(bu.page.locator("#partnership-variation")).not_to_be_empty()
    expect(bu.page.locator("#commentary ~ dl")).to_contain_text("Attendance officers")
    bu.check("indicator-after-publish")
    # Re-referrals: the partnership's own series (its shift is a special cause) beside the
    # published benchmarks for its local authority.
    bu.goto("/p/northfield/data-set/CSC-REREF/")
    expect(bu.page.locator("#partnership-variation")).to_contain_text("concerning")
    expect(bu.page.locator("#benchmarks")).to_contain_text("England")
    expect(bu.page.locator("#benchmarks")).to_contain_text("Statistical neighbours")
    bu.check("indicator-with-benchmarks")
    bu.assert_clean()
