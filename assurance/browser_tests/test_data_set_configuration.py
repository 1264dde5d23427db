"""The partnership configures its own data set, end to end in a browser (axe-core on every
page): the business unit adds a local indicator, assigns it to two agencies and marks it as
collected by the partnership's four localities, adopts phase 2 from a date (a later phase 3
date is refused first), opens a round in which each agency is asked exactly what it owes, the
two agencies enter their figures by locality (figures that do not add up are refused first:
the police on the values page, the council in the workbook's Localities sheet),
the business unit publishes and sees the indicator on the Exploitation scorecard (with the
locality that stands out), its combined figure on its page and its breakdown by locality (at
375 px too); then the demo's referrals by locality as small multiples."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from assurance.core.business_year import current_business_year
from assurance.dataset.collection.models import CollectionRound, IndicatorValue
from assurance.dataset.collection.rules import period_containing

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

P = "/p/northfield/data-set/"
LOCALITIES = ("North Northfield", "East Northfield", "Central Northfield", "South Northfield")
CODE = "CSE-RISK"


def _fill(source: Path, target: Path, total: int, figures: tuple[str, ...]) -> None:
    """The downloaded workbook with CSE-RISK's total on the Values sheet and each locality's
    figure on the Localities sheet, in the order of ``LOCALITIES``."""
    workbook = load_workbook(source)
    sheet = workbook["Values"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == CODE)
    sheet[f"E{row}"] = total
    sheet = workbook["Localities"]
    rows = {
        (sheet.cell(row=r, column=1).value, sheet.cell(row=r, column=3).value): r
        for r in range(2, sheet.max_row + 1)
    }
    for name, figure in zip(LOCALITIES, figures, strict=True):
        sheet[f"D{rows[(CODE, name)]}"] = int(figure)
    out = io.BytesIO()
    workbook.save(out)
    target.write_bytes(out.getvalue())


def test_local_indicator_assigned_adopted_collected_and_published(browse, tmp_path: Path) -> None:
    period = period_containing("quarterly", timezone.localdate())  # no round for it yet
    starts = period.start.isoformat()
    quarter = (period.start.month - 4) % 12 // 3 + 1

    bu = browse("data-set-configuration")
    bu.sign_in("business-unit@northfield.example")
    # 1. a local indicator, in phase 2
    bu.goto(P)
    bu.page.get_by_role("button", name="Add a local indicator").click()
    bu.page.get_by_label("Code").fill("CSE-RISK")
    bu.page.get_by_label("Title").fill("Children assessed at risk of sexual exploitation")
    bu.page.get_by_label("Definition", exact=True).fill(
        "Children whose exploitation risk assessment in the period found a significant risk of "
        "child sexual exploitation."
    )
    bu.page.get_by_label("Unit").select_option(label="Count")
    bu.page.get_by_label("Better when").select_option(label="Neither")
    bu.page.get_by_label("How often it is reported").select_option(label="Quarterly")
    bu.page.get_by_label("Phase of the data set").select_option("2")
    bu.page.get_by_label("Agency that answers for it").select_option(
        label="Northfield Borough Council"
    )
    bu.page.get_by_role("button", name="Add the indicator").click()
    expect(bu.page.get_by_role("heading", level=1)).to_have_text(
        "Children assessed at risk of sexual exploitation"
    )

    # 2. assigned to the council and the police (proposed: the council alone)
    bu.goto(P)
    bu.page.get_by_role("link", name="Who reports each indicator").click()
    row = bu.page.locator("#assignment-CSE-RISK")
    expect(row).to_contain_text("Proposed")
    # the training registers count WF-MA-TRAINING: no agency is asked for it
    expect(bu.page.locator("#assignment-WF-MA-TRAINING")).to_have_count(0)
    bu.check("assignment-list")
    row.get_by_role("link", name=re.compile("Confirm or change")).click()
    bu.check("assignment-edit")
    expect(bu.page.get_by_label("Independent Scrutiny for Northfield")).to_have_count(0)
    bu.page.get_by_label("Northshire Police").check()
    bu.page.get_by_label("Collected by locality").check()
    bu.page.get_by_role("button", name="Confirm").click()
    expect(bu.page.locator(".govuk-notification-banner--success")).to_contain_text(
        "reported by Council, Police, by locality"
    )
    expect(bu.page.locator("#assignment-CSE-RISK")).to_contain_text("Confirmed")
    bu.goto(P + "localities/")
    expect(bu.page.locator("#localities tbody tr")).to_have_count(4)
    bu.check("localities")

    # 3. phase 2 adopted from the start of this quarter: phase 3 cannot come before it
    bu.goto(P + "phases/")
    bu.check("phases")
    bu.page.set_viewport_size({"width": 375, "height": 800})  # a phone: no sideways scroll
    bu.check("phases-375")
    bu.goto(P + "assignments/")
    bu.check("assignment-list-375")
    bu.page.set_viewport_size({"width": 1280, "height": 800})
    bu.goto(P + "phases/")
    bu.page.get_by_label("Phase 2 adopted from").fill(starts)
    bu.page.get_by_role("button", name="Save the phases").click()
    expect(bu.page.locator(".govuk-error-summary")).to_contain_text("on or after phase 2")
    bu.check("phases-error")
    bu.page.get_by_label("Phase 3 adopted from").fill(starts)
    bu.page.get_by_role("button", name="Save the phases").click()
    expect(bu.page.locator(".govuk-notification-banner--success")).to_contain_text("Phase 2 from")
    bu.goto(P + "phases/")
    expect(bu.page.locator("#phase-history ~ table")).to_contain_text("Phase 2 now adopted from")

    # 4. a round for this quarter: each agency owes exactly what it is assigned
    bu.goto(P + "collection/")
    bu.page.get_by_role("link", name="Open a collection round").click()
    bu.page.get_by_label("Business year").fill(str(current_business_year()))
    bu.page.get_by_label("Quarter or month").fill(str(quarter))
    bu.page.get_by_label("Opens on").fill(timezone.localdate().isoformat())
    bu.page.get_by_label("Due date").fill((period.end).isoformat())
    bu.click_through(bu.page.get_by_role("button", name="Open the round"))
    round = CollectionRound.unscoped.get(
        partnership__slug="northfield", period_start=period.start, frequency="quarterly"
    )
    bu.check("round-opened")
    # (the fire service's people attend training: the registers' counted values name it below)
    owing = bu.page.locator("#round-agencies")
    expect(owing.get_by_role("row", name=re.compile("Northshire Fire"))).to_have_count(0)
    expect(owing.get_by_role("row", name=re.compile("Independent Scrutiny"))).to_have_count(0)
    bu.assert_clean()

    values = f"{P}collection/{round.pk}/values/"
    police = browse("police-lead")
    police.sign_in("police-lead@northfield.example")
    police.goto(values)
    groups = police.page.locator("form legend h2")
    expect(groups).to_contain_text(["Children assessed at risk of sexual exploitation"])
    expect(police.page.locator("form[novalidate]")).not_to_contain_text("electively home educated")
    police.check("police-values")
    cse = police.page.get_by_role(
        "group", name="Children assessed at risk of sexual exploitation", exact=True
    )
    cse.get_by_label("Value (count)").fill("7")
    for name, figure in zip(LOCALITIES, ("2", "2", "2", "2"), strict=True):
        cse.get_by_label(f"{name}: figure").fill(figure)
    police.page.get_by_role("button", name="Save", exact=True).click()
    expect(police.page.locator(".govuk-error-summary")).to_contain_text(
        "add up to 8, 1 more than the total of 7"
    )
    police.check("police-values-do-not-add-up")
    cse.get_by_label("South Northfield: figure").fill("1")
    police.page.get_by_role("button", name="Save", exact=True).click()
    expect(police.page.locator(".govuk-notification-banner--success")).to_be_visible()
    police.assert_clean()

    # the council sends its figures in the workbook: the total on the Values sheet, each
    # locality's figure on the Localities sheet (a wrong sum refused whole first)
    council = browse("la-lead")
    council.sign_in("la-lead@northfield.example")
    council.goto(values)
    expect(council.page.locator("form[novalidate]")).to_contain_text("electively home educated")
    with council.page.expect_download() as download:
        council.page.get_by_role("link", name="download the workbook").click()
    downloaded = tmp_path / "council.xlsx"
    download.value.save_as(downloaded)
    book = load_workbook(downloaded)
    # a row per locality of each indicator the council gives by locality (referrals too)
    assert [
        r[2].value for r in book["Localities"].iter_rows(min_row=2) if r[0].value == CODE
    ] == list(LOCALITIES)
    wrong = tmp_path / "council-wrong.xlsx"
    _fill(downloaded, wrong, 12, ("3", "5", "3", "2"))
    council.page.get_by_role("link", name="upload it").click()
    council.check("council-upload")
    council.page.get_by_label("Completed workbook (.xlsx)").set_input_files(str(wrong))
    council.page.get_by_role("button", name="Upload").click()
    summary = council.page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Sheet Localities")
    expect(summary).to_contain_text("add up to 13, 1 more than the total of 12")
    council.check("council-upload-do-not-add-up")
    assert not IndicatorValue.unscoped.filter(
        round=round, indicator__code=CODE, agency__name="Northfield Borough Council"
    ).exists()
    right = tmp_path / "council-right.xlsx"
    _fill(downloaded, right, 12, ("3", "5", "3", "1"))
    council.page.get_by_label("Completed workbook (.xlsx)").set_input_files(str(right))
    council.page.get_by_role("button", name="Upload").click()
    expect(council.page.locator(".govuk-notification-banner--success")).to_contain_text("saved")
    council.goto(values)
    cse = council.page.get_by_role(
        "group", name="Children assessed at risk of sexual exploitation", exact=True
    )
    expect(cse.get_by_label("Value (count)")).to_have_value("12")
    expect(cse.get_by_label("East Northfield: figure")).to_have_value("5")
    council.check("council-values")
    council.assert_clean()

    school = browse("school-lead")
    school.sign_in("school-lead@northfield.example")
    school.goto(values)
    expect(school.page.locator("form[novalidate]")).not_to_contain_text("sexual exploitation")
    expect(school.page.locator("form[novalidate]")).to_contain_text("electively home educated")
    school.assert_clean()

    # 5. published, on the Exploitation scorecard and on its page: 12 + 7 = 19
    bu.goto(f"{P}collection/{round.pk}/")
    bu.page.get_by_role("button", name=re.compile("^Publish")).click()
    expect(bu.page.locator(".govuk-notification-banner--success")).to_contain_text("published")
    bu.goto(f"{P}targets/CSE-RISK/{current_business_year()}/")
    bu.page.get_by_label("Exploitation").check()
    bu.click_through(bu.page.get_by_role("button", name=re.compile("^Save")))
    bu.goto(P + "scorecards/")
    bu.page.get_by_role("link", name="Exploitation").click()
    row = bu.page.locator("#row-CSE-RISK")
    expect(row).to_contain_text("19")
    expect(row).to_contain_text(period.short_label)
    # collected by locality: where a locality stands out, linking to the breakdown
    expect(row).to_contain_text(
        re.compile(r"By locality in .*: highest: \S.* \(7\); lowest: \S.* \(2\)")
    )
    expect(row.get_by_role("link", name=re.compile("See every locality"))).to_have_attribute(
        "href", re.compile("CSE-RISK/localities/$")
    )
    bu.check("scorecard-with-local-indicator")
    bu.goto(P + "CSE-RISK/")
    expect(bu.page.locator("#partnership-series")).to_contain_text("19")
    bu.check("local-indicator-published")

    # 6. the breakdown by locality: 2 + 3, 2 + 5, 2 + 3, 1 + 1
    bu.page.get_by_role("link", name=re.compile("by locality")).click()
    table = bu.page.locator("#breakdown")
    expect(table.locator("thead")).to_contain_text("East Northfield")
    expect(table.locator("tbody tr")).to_have_text(
        re.compile(rf"{re.escape(period.short_label)}\s*5\s*7\s*5\s*2\s*19")
    )
    bu.check("local-indicator-by-locality")
    bu.page.set_viewport_size({"width": 375, "height": 800})
    bu.check("local-indicator-by-locality-375")
    # the demo's referrals, published for twelve quarters: a small chart per locality
    bu.page.set_viewport_size({"width": 1280, "height": 800})
    bu.goto(P + "CSC-REF/localities/")
    expect(bu.page.locator("#small-multiples svg[role=img]")).to_have_count(4)
    bu.check("referrals-by-locality")
    bu.page.set_viewport_size({"width": 375, "height": 800})
    bu.check("referrals-by-locality-375")
    bu.assert_clean()
