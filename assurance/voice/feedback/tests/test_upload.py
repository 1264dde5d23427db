"""An agency uploads a spreadsheet of the feedback it gathered: all of it is stored, or none,
and each bad cell is named; a row that reads like a disclosure goes to the duty inbox."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assurance.core.spreadsheets import add_sheet, append_row, new_workbook, workbook_bytes
from assurance.partnerships.models import Person
from assurance.voice.feedback import upload
from assurance.voice.feedback.models import Feedback, FeedbackUpload

pytestmark = pytest.mark.django_db


def workbook(*rows: tuple[Any, ...]) -> SimpleUploadedFile:
    book = new_workbook(upload.INSTRUCTIONS)
    sheet = add_sheet(book, upload.SHEET, upload.HEADINGS)
    for row in rows:
        append_row(sheet, row)
    return SimpleUploadedFile("feedback.xlsx", workbook_bytes(book))


def day(offset: int) -> Any:
    return timezone.localdate() - timedelta(days=offset)


ROW = (None, "13 to 15", "A doctor or nurse", 4, "The nurse explained", "")


def post(person: Person, agency: Any, file: SimpleUploadedFile) -> Any:
    client = Client()
    client.force_login(person.user)
    return client.post(
        reverse("voice:feedback_upload", args=["northfield"]),
        {"agency": agency.pk, "file": file},
    )


def test_the_whole_sheet_is_loaded(amira: Person, northfield: Any, mailoutbox: list) -> None:
    response = post(
        amira,
        northfield.health,
        workbook((day(3), *ROW[1:]), (day(2), "8 to 12", "school or college", None, "", "More")),
    )
    assert response.status_code == 302
    stored = Feedback.objects_for(northfield.partnership).order_by("received_on")
    assert [(f.age_band, f.service, f.source, f.agency) for f in stored] == [
        ("13_15", "health", "agency", northfield.health),
        ("8_12", "school", "agency", northfield.health),
    ]
    assert FeedbackUpload.objects_for(northfield.partnership).get().rows == 2
    assert mailoutbox == []


def test_a_bad_row_is_named_and_nothing_is_stored(amira: Person, northfield: Any) -> None:
    response = post(
        amira,
        northfield.health,
        workbook((day(3), *ROW[1:]), (day(2), "teenager", *ROW[2:])),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sheet Feedback, row 3, column B (Age band): “teenager” is not an age band" in page
    assert not Feedback.objects_for(northfield.partnership).exists()
    assert not FeedbackUpload.objects_for(northfield.partnership).exists()


def test_a_file_that_is_not_a_workbook_is_refused(amira: Person, northfield: Any) -> None:
    bad = SimpleUploadedFile("feedback.xlsx", b"not a workbook")
    response = post(amira, northfield.health, bad)
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not Feedback.objects_for(northfield.partnership).exists()


def test_a_disclosure_in_a_row_goes_to_the_duty_inbox(
    amira: Person, northfield: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        post(
            amira,
            northfield.health,
            workbook((day(3), *ROW[1:5], "He hit me at home"), (day(2), *ROW[1:])),
        )
    flagged = Feedback.objects_for(northfield.partnership).get(flagged=True)
    assert "hit me" in flagged.flag_reasons
    assert len(mailoutbox) == 1 and "uploaded by" in mailoutbox[0].body


def test_a_lead_uploads_for_their_own_agency_only(helen: Person, northfield: Any) -> None:
    response = post(helen, northfield.health, workbook((day(3), *ROW[1:])))
    assert response.status_code == 200
    assert not Feedback.objects_for(northfield.partnership).exists()
    response = post(helen, northfield.police, workbook((day(3), *ROW[1:])))
    assert response.status_code == 302
    assert Feedback.objects_for(northfield.partnership).get().agency == northfield.police


def test_the_template_is_the_sheet_the_upload_reads(amira: Person) -> None:
    client = Client()
    client.force_login(amira.user)
    response = client.get(reverse("voice:upload_template", args=["northfield"]))
    from assurance.core.spreadsheets import open_upload, read_sheet

    headings, rows = read_sheet(open_upload(response.content), upload.SHEET, upload.HEADINGS)
    assert tuple(headings[: len(upload.HEADINGS)]) == upload.HEADINGS and rows == []
