"""Audit tools in a real browser: the business unit downloads a tool as Excel, uploads a broken
YAML file (error summary naming lines, nothing imported), uploads the Excel workbook back, adapts
it for a theme and makes a new version of a tool in use (axe-core on every page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_business_unit_manages_audit_tools(browse, tmp_path: Path) -> None:
    b = browse("frameworks-journey")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/frameworks/")
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Audit tools")
    b.check("frameworks-list")

    b.page.get_by_role("link", name="Neglect audit tool").first.click()
    expect(b.page.get_by_role("heading", level=2, name=re.compile("KLOE 1"))).to_be_visible()
    b.check("frameworks-detail")
    with b.page.expect_download() as download:
        b.page.get_by_role("button", name="Download as Excel").click()
    workbook = tmp_path / "neglect.xlsx"
    download.value.save_as(workbook)

    # The upload page links the format guide, a page of the service.
    b.goto("/p/northfield/frameworks/upload/")
    b.page.get_by_role("link", name="how to write an audit tool file").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("How to write an audit tool file")
    expect(b.page.get_by_text("version", exact=False).first).to_be_visible()
    b.check("frameworks-format-guide")

    # A broken YAML file: every problem in the summary with its line; nothing imported.
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Broken tool\nsections: none\ncolour: red\n", encoding="utf-8")
    b.goto("/p/northfield/frameworks/upload/")
    b.page.get_by_label("Framework file").set_input_files(str(bad))
    b.page.get_by_role("button", name="Upload").click()
    summary = b.page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("line 2, field sections: this must be a list")
    expect(summary).to_contain_text("line 3, field colour: there is no such field")
    assert b.page.title().startswith("Error: ")
    b.check("frameworks-upload-errors")

    # The downloaded workbook, unchanged, is refused: the tool is already here.
    b.page.get_by_label("Framework file").set_input_files(str(workbook))
    b.page.get_by_role("button", name="Upload").click()
    expect(b.page.locator(".govuk-error-summary")).to_contain_text("nothing was imported")
    b.check("frameworks-upload-identical")

    # Changed in Excel, it goes back in as the tool's next version.
    changed = load_workbook(workbook)
    changed["Items"]["E2"] = str(changed["Items"]["E2"].value) + " (reworded)"
    changed.save(workbook)
    b.page.get_by_label("Framework file").set_input_files(str(workbook))
    b.page.get_by_role("button", name="Upload").click()
    # Still called version 1: the summary says which version to give it.
    expect(b.page.locator(".govuk-error-summary")).to_contain_text("give the file version")
    version_row = next(r for r in changed["Framework"].iter_rows() if r[0].value == "version")
    version_row[1].value = None  # no version: the next one
    changed.save(workbook)
    b.page.get_by_label("Framework file").set_input_files(str(workbook))
    b.page.get_by_role("button", name="Upload").click()
    expect(b.page.locator(".govuk-notification-banner--success")).to_contain_text("imported")
    expect(b.page.get_by_role("heading", level=1)).to_contain_text("version")
    b.check("frameworks-uploaded")

    # Adapt it for a theme.
    b.page.get_by_role("link", name="Adapt for a theme").click()
    b.page.get_by_label("Name of the adapted tool").fill("Neglect of adolescents audit tool")
    b.page.get_by_label("Theme").fill("adolescent neglect")
    b.check("frameworks-copy")
    b.page.get_by_role("button").filter(has_text=re.compile("Save|Continue|Create")).click()
    expect(b.page.get_by_role("heading", level=1)).to_contain_text(
        "Neglect of adolescents audit tool"
    )
    expect(b.page.get_by_text("Adapted from")).to_be_visible()
    b.assert_clean()
