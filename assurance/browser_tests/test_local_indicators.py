"""The business unit adds a local indicator, changes its definition (a new version from a date)
and reads its history; the demo's changed local indicator shows its series break, and a national
indicator without a national figure says why; axe on every page, also at 375 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

P = "/p/northfield/data-set/"


def test_add_and_version_a_local_indicator(browse) -> None:
    b = browse("local-indicators")
    b.sign_in("business-unit@northfield.example")
    b.goto(P)
    expect(b.page.locator("#local")).to_be_visible()
    b.check("catalogue-local")
    b.page.get_by_role("button", name="Add a local indicator").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Add a local indicator")
    b.page.get_by_role("button", name="Add the indicator").click()
    expect(b.page.locator(".govuk-error-summary")).to_be_visible()
    b.check("local-add-errors")
    b.page.get_by_label("Code").fill("CME-COUNT")
    b.page.get_by_label("Title").fill("Children missing education")
    b.page.get_by_label("Definition", exact=True).fill(
        "Children of compulsory school age not registered at a school and not receiving "
        "suitable education otherwise, known at the end of the period."
    )
    b.page.get_by_label("Unit").select_option(label="Count")
    b.page.get_by_label("Better when").select_option(label="Neither")
    b.page.get_by_label("How often it is reported").select_option(label="Quarterly")
    b.page.get_by_label("Phase of the data set").select_option("2")
    b.page.get_by_label("Agency that answers for it").select_option(
        label="Northfield Borough Council"
    )
    b.page.get_by_role("button", name="Add the indicator").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Children missing education")
    expect(b.page.locator("#no-benchmark")).to_be_visible()
    b.check("local-indicator-page")

    b.page.get_by_role("link", name="Change this local indicator").click()
    b.page.get_by_label("Definition", exact=True).fill(
        "Children of compulsory school age missing education, including those on part-time "
        "timetables, known at the end of the period."
    )
    b.page.get_by_role("button", name="Save the indicator").click()
    expect(b.page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date the new definition applies from"
    )
    b.check("local-change-errors")
    b.page.get_by_label("The new definition applies from").fill("2026-04-01")
    b.page.get_by_label("Why the definition changed").fill("Part-time timetables now count.")
    b.page.get_by_role("button", name="Save the indicator").click()
    expect(b.page.locator(".govuk-caption-l")).to_contain_text("version 2")
    b.page.get_by_role("link", name="its history and versions").click()
    expect(b.page.locator("#versions")).to_contain_text("Part-time timetables now count.")
    b.check("local-history")

    # the demo's return home interviews changed from "offered" to "completed": a series break
    b.goto(P + "NF-RHI-DONE/")
    expect(b.page.locator("#series-breaks")).to_contain_text(re.compile("Series break at"))
    b.check("local-series-break")

    b.goto(P + "POL-DA-CHILD/")
    expect(b.page.locator("#no-benchmark")).to_contain_text("police force area")
    b.check("no-national-figure")
