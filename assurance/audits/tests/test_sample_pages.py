"""Building the sample through the pages: upload, draw (reproducible), and agency proposals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assurance.audits.models import AuditCase, CaseAgency, SampleDraw

pytestmark = pytest.mark.django_db

CSV = "record_number,age_band,gender,ethnicity,agencies,reason\n" + "".join(
    f"LA{n:04d},{['1-4', '5-9', '10-15'][n % 3]},{['girl', 'boy'][n % 2]},White British,"
    f"{'Northfield Police' if n % 2 else ''},On a plan\n"
    for n in range(40)
)


def test_uploading_cases_adds_every_row_or_none(audit, northfield, amira, client_for):
    client = client_for(amira)
    url = northfield.url(f"audits/{audit.pk}/sample/upload/")
    bad = CSV.replace("LA0004,5-9", "LA0004,teen").replace("LA0007,", ",")
    response = client.post(
        url,
        {
            "cases": SimpleUploadedFile("c.csv", bad.encode()),
            "record_agency": northfield.council.pk,
        },
    )
    text = response.content.decode()
    assert "Row 6, column age_band: “teen” is not one of" in text
    assert "Row 9, column record_number: it is empty." in text
    assert not AuditCase.unscoped.filter(audit=audit).exists()
    response = client.post(
        url,
        {
            "cases": SimpleUploadedFile("c.csv", CSV.encode()),
            "record_agency": northfield.council.pk,
        },
    )
    assert response.status_code == 302
    assert AuditCase.unscoped.filter(audit=audit, source="uploaded").count() == 40
    assert CaseAgency.unscoped.filter(case__audit=audit, agency=northfield.police).count() == 20


def test_a_draw_is_reproducible_from_its_seed(audit, northfield, amira, client_for):
    client = client_for(amira)
    url = northfield.url(f"audits/{audit.pk}/sample/draw/")
    form = {
        "record_agency": northfield.council.pk,
        "method": "stratified",
        "size": 12,
        "stratify_by": "age_band",
        "seed": 424242,
    }
    response = client.post(url, {**form, "candidates": SimpleUploadedFile("c.csv", CSV.encode())})
    assert response.status_code == 302
    draw = SampleDraw.unscoped.get(audit=audit)
    assert (draw.seed, draw.sample_size, draw.candidate_count) == (424242, 12, 40)
    bands = list(AuditCase.unscoped.filter(audit=audit).values_list("age_band", flat=True))
    assert sorted(bands) == sorted(["1-4"] * 4 + ["5-9"] * 4 + ["10-15"] * 4)
    from assurance.audits.crypto import decrypt_record_number

    first = sorted(
        decrypt_record_number(i.record_number_encrypted)
        for i in CaseAgency.unscoped.filter(case__audit=audit, agency=northfield.council)
    )
    AuditCase.unscoped.filter(audit=audit).delete()
    client.post(url, {**form, "candidates": SimpleUploadedFile("c.csv", CSV.encode())})
    again = sorted(
        decrypt_record_number(i.record_number_encrypted)
        for i in CaseAgency.unscoped.filter(case__audit=audit, agency=northfield.council)
    )
    assert first == again


def test_an_agency_lead_proposes_a_case_involving_their_agency(
    audit, northfield, helen, client_for
):
    url = northfield.url(f"audits/{audit.pk}/sample/add/")
    base = {
        "age_band": "5-9",
        "gender": "boy",
        "ethnicity": "",
        "selection_reason": "",
        f"record_{northfield.police.pk}": "CRIME/1",
        f"record_{northfield.council.pk}": "X",
    }
    response = client_for(helen).post(url, {**base, "agencies": [northfield.health.pk]})
    assert "must involve your own agency" in response.content.decode()
    response = client_for(helen).post(
        url, {**base, "agencies": [northfield.police.pk, northfield.council.pk]}
    )
    assert response.status_code == 302
    case = AuditCase.unscoped.get(audit=audit)
    assert case.source == "proposed" and case.proposed_by == northfield.police
    council = case.involvements.get(agency=northfield.council)
    assert not council.has_record_number  # an agency records only its own number


@pytest.mark.parametrize("page", ["sample/upload/", "sample/draw/"])
def test_the_file_pages_show_the_names_a_file_may_use_for_each_agency(
    page, audit, northfield, amira, client_for
):
    text = client_for(amira).get(northfield.url(f"audits/{audit.pk}/{page}")).content.decode()
    for agency in audit.agencies.all():
        assert f"<code>{agency.short_name}</code>" in text
        assert agency.name in text


def test_a_file_may_name_an_agency_by_its_short_or_full_name(audit, northfield, amira, client_for):
    police, health = northfield.police, northfield.health
    rows = (
        f"R1,5-9,girl,,{police.short_name};{health.name},On a plan\n"
        f"R2,1-4,boy,,{health.short_name},x\n"
    )
    response = client_for(amira).post(
        northfield.url(f"audits/{audit.pk}/sample/upload/"),
        {
            "cases": SimpleUploadedFile(
                "c.csv",
                ("record_number,age_band,gender,ethnicity,agencies,reason\n" + rows).encode(),
            ),
            "record_agency": northfield.council.pk,  # the council's record numbers
        },
    )
    assert response.status_code == 302
    assert CaseAgency.unscoped.filter(case__audit=audit, agency=health).count() == 2
    assert CaseAgency.unscoped.filter(case__audit=audit, agency=police).count() == 1
