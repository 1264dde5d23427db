"""The report is generated from the records: the same figures on the page, in the PDF and in
the Word document, equal to those counted independently."""

from __future__ import annotations

import io

import pytest
from docx import Document

from assurance.audits.models import AgencyReturn, AuditStatus
from assurance.audits.report import audit_report
from assurance.audits.tests.factories import add_case, return_submitted
from assurance.core.documents import DOCX_CONTENT_TYPE

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(audit, northfield, amira, priya, kwame):
    cases = [add_case(audit, northfield, amira) for _ in range(4)]
    audit.status = AuditStatus.AUDITING
    audit.save()
    for n, case in enumerate(cases):
        for agency, person in ((northfield.police, priya), (northfield.health, kwame)):
            return_submitted(
                AgencyReturn.unscoped.get(case=case, agency=agency),
                auditor=person,
                labels=["Met", "Met" if n % 2 else "Not met", "Partially met", "Met"],
                narrative={"child_views": "I like my new school."},
            )
    return audit


def test_the_report_states_the_figures_counted_independently(reported):
    report = audit_report(audit=reported)
    tables = [b.table for b in report.blocks if b.kind == "table"]
    standard_12 = next(t for t in tables if t.caption == "Responses to 1.2 by agency")
    overall = standard_12.rows[-1]
    # 1.2: Met in cases 1 and 3, Not met in 0 and 2, for both agencies: 4 of 8.
    assert overall[0] == "All agencies"
    assert overall[-2] == "4 of 8 (50%)"
    assert "8 in all" in " ".join(" ".join(b.items) for b in report.blocks if b.kind == "bullets")
    quotes = [b.text for b in report.blocks if b.kind == "quote"]
    assert "Child (" in quotes[0] and "I like my new school." in quotes[0]


def test_report_page_pdf_and_word(reported, northfield, amira, client_for):
    client = client_for(amira)
    base = northfield.url(f"audits/{reported.pk}/report")
    page = client.get(base + "/")
    assert page.status_code == 200
    assert "4 of 8 (50%)" in page.content.decode()
    pdf = client.get(base + ".pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == f'attachment; filename="audit-{reported.pk}-report.pdf"'
    word = client.get(base + ".docx")
    assert word.status_code == 200
    assert word["Content-Type"] == DOCX_CONTENT_TYPE
    assert word["Content-Disposition"] == (
        f'attachment; filename="audit-{reported.pk}-report.docx"'
    )
    document = Document(io.BytesIO(word.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "4 of 8 (50%)" in cells


def test_a_viewer_reads_only_closed_reports(reported, northfield, dev, client_for):
    url = northfield.url(f"audits/{reported.pk}/report/")
    assert client_for(dev).get(url).status_code == 404
    reported.status = AuditStatus.CLOSED
    reported.save()
    assert client_for(dev).get(url).status_code == 200
