"""Who has submitted (issue 11): the business unit opens Northfield's Section 175/157 round,
goes to its completion dashboard, filters it by area (the NF1 postcode district: no
JavaScript needed, a GET form), ticks two schools and chases them (the page says one e-mail
goes to one school, and names the school that has nobody to send to), sees "last chased" on the
school chased, and downloads the filtered table as Excel. Axe on every page; the dashboard and
the chase page fit a phone (375 px) without scrolling sideways."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from openpyxl import load_workbook
from playwright.sync_api import expect

from assurance.browser_tests.browsing import PHONE, assert_fits_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_filter_chase_two_schools_and_download(browse, django_capture_on_commit_callbacks) -> None:
    b = browse("selfassessment-dashboard")
    b.sign_in("business-unit@northfield.example")
    b.goto("/p/northfield/self-assessment/rounds/")
    b.page.get_by_role("link", name="Section 175/157").first.click()
    b.page.get_by_role("link", name="See who has submitted").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Who has submitted")
    expect(b.page.locator("#completion-counts")).to_contain_text("Overdue")
    b.check("completion")
    dashboard = b.page.url.removeprefix(b.base_url).split("?")[0]

    b.page.get_by_label("Area").select_option("NF1")
    b.page.get_by_role("button", name="Apply filters").click()
    rows = b.page.locator("#participants tbody tr")
    expect(rows).to_have_count(8)
    expect(b.page.locator("#participants")).to_contain_text("Northfield Primary School")
    b.check("completion-nf1")

    b.page.get_by_label("Chase Northfield Primary School").check()
    b.page.get_by_label("Chase Stonebridge Church of England Junior School").check()
    b.page.get_by_role("button", name="Chase those ticked").click()
    expect(b.page.get_by_role("heading", level=1)).to_have_text("Chase by e-mail")
    expect(b.page.locator("#chase-plan")).to_contain_text("1 e-mail will be sent to 1 organisation")
    expect(b.page.locator("#chase-nobody")).to_contain_text(
        "Stonebridge Church of England Junior School"
    )
    b.check("chase-confirm")
    chase_page = b.page.url.removeprefix(b.base_url)
    mail.outbox.clear()
    # The server shares the test's database transaction, which never commits: the sending
    # task queued on commit is run here as a commit would run it
    with django_capture_on_commit_callbacks(execute=True) as queued:
        b.page.get_by_role("button", name="Send 1 e-mail").click()
        expect(b.page.locator(".govuk-notification-banner")).to_contain_text(
            "1 chase e-mail is being sent to 1 organisation"
        )
    assert len(queued) == 1
    assert [m.to for m in mail.outbox] == [["school-dsl@northfield.example"]]
    row = b.page.locator("#participants tbody tr", has_text="Northfield Primary School")
    expect(row).not_to_contain_text("Never")
    b.check("completion-chased")

    with b.page.expect_download() as download_info:
        b.page.get_by_role("link", name="as Excel").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    content = download.path().read_bytes()
    sheet = load_workbook(io.BytesIO(content))["Participants"]
    names = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == 8 and "Northfield Primary School" in names
    b.assert_clean()

    phone = browse("selfassessment-dashboard-phone", viewport=PHONE)
    phone.sign_in("business-unit@northfield.example")
    for name, url in (("completion", dashboard + "?area=NF1"), ("chase-confirm", chase_page)):
        phone.goto(url)
        assert_fits_window(phone.page)
        phone.check(name)
    phone.assert_clean()
