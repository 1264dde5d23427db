"""The report is generated from the records: the same figures on the page, in the PDF and in
the Word document, equal to those counted independently."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from django.template.loader import render_to_string
from docx import Document
from pypdf import PdfReader

from assurance.audits.models import AgencyReturn, AuditStatus, KeyMessage
from assurance.audits.report import PDF_TABLES_NOTE, audit_report
from assurance.audits.tests.factories import KeyMessageFactory, add_case, return_submitted
from assurance.core.chart_images import proportion_chart_png
from assurance.core.documents import DOCX_CONTENT_TYPE, render_docx, render_pdf

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


STRENGTH = "Voice of the child: every agency recorded what the child said."
IMPROVE = "Chronologies: the health records had no chronology."


@pytest.fixture
def with_messages(reported):
    KeyMessageFactory(
        audit=reported,
        kind=KeyMessage.Kind.IMPROVE,
        aspect="Chronologies",
        text="the health records had no chronology.",
    )
    KeyMessageFactory(
        audit=reported,
        kind=KeyMessage.Kind.STRENGTH,
        aspect="Voice of the child",
        text="every agency recorded what the child said.",
    )
    return reported


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(content: bytes) -> str:
    return _words(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def _first(text: str, *phrases: str) -> list[int]:
    found = [text.find(phrase) for phrase in phrases]
    assert -1 not in found, dict(zip(phrases, found, strict=True))
    return found


def test_the_key_messages_come_first_as_on_the_findings_page(
    with_messages, northfield, amira, client_for
):
    """A board member reads the key messages before the method: in the page, the PDF and Word
    they come straight after the title, what works well before what must improve."""
    client = client_for(amira)
    base = northfield.url(f"audits/{with_messages.pk}/report")
    word = Document(io.BytesIO(client.get(base + ".docx").content))
    texts = {
        "page": _words(client.get(base + "/").content.decode()),
        "pdf": _pdf_text(client.get(base + ".pdf").content),
        "word": _words(" ".join(p.text for p in word.paragraphs)),
    }
    for text in texts.values():
        heading, strength, improve, purpose, findings = _first(
            text, "Key messages", STRENGTH, IMPROVE, "Purpose", "Findings"
        )
        assert heading < strength < improve < purpose < findings


def test_without_key_messages_the_report_says_so_first(reported):
    blocks = audit_report(audit=reported).blocks
    assert (blocks[0].text, blocks[1].text) == (
        "Key messages",
        "No key messages have been written yet.",
    )


def test_the_word_document_has_each_standards_chart_as_a_picture(reported):
    """Word cannot show the page's SVG: each standard's chart is there as a PNG drawn from the
    same geometry, with the chart's description as its alternative text."""
    report = audit_report(audit=reported)
    charts = [block.chart for block in report.blocks if block.kind == "chart"]
    assert len(charts) == 4  # one a standard
    document = Document(io.BytesIO(render_docx(report)))
    pictures = document.inline_shapes
    assert len(pictures) == len(charts)
    parts = document.part.related_parts
    blobs = [parts[p._inline.graphic.graphicData.pic.blipFill.blip.embed].blob for p in pictures]
    assert blobs == [proportion_chart_png(chart) for chart in charts]
    assert [p._inline.docPr.get("descr") for p in pictures] == [c.description for c in charts]


def test_the_pdf_prints_each_chart_with_each_agencys_figures(reported):
    """The PDF prints a standard's chart with its labels, and beside each bar the number meeting
    the standard with its interval, then the count of each response from all agencies, and says
    where each agency's table is; the page and Word have the tables."""
    report = audit_report(audit=reported)
    standard_12 = next(
        b.table
        for b in report.blocks
        if b.table and b.table.caption == "Responses to 1.2 by agency"
    )
    text = _pdf_text(render_pdf(report))
    assert "Responses to 1.2 by agency" not in text
    assert _words(PDF_TABLES_NOTE) in text
    for label, *cells in standard_12.rows:
        assert label in text
        assert f"{cells[-2]} {cells[-1]}" in text  # "2 of 4 (50%) 15% to 85%"
    assert "Responses from all agencies: Met 4, Partially met 0, Not met 4" in text
    captions = [p.text for p in Document(io.BytesIO(render_docx(report))).paragraphs]
    assert "Responses to 1.2 by agency" in captions
    assert _words(PDF_TABLES_NOTE) not in captions


def test_a_row_with_nothing_assessed_says_so_in_the_pdf(reported):
    report = audit_report(audit=reported)
    chart = next(b for b in report.blocks if b.kind == "chart")
    assert chart.chart is not None
    row = chart.chart.rows[0]
    chart.chart = replace(
        chart.chart, rows=(row._replace(width=None, value="None assessed"), *chart.chart.rows[1:])
    )
    assert chart.print_values[0] == ""  # nothing beside the missing bar…
    svg = render_to_string("core/document.html", {"report": report, "pdf": True})
    assert "None assessed</text>" in svg  # …the SVG says so where it would be


def test_the_pdf_axis_labels_are_padded_to_one_width(reported):
    """The PDF spreads a chart's axis labels evenly along one line: padded to one width with
    figure spaces, each is centred on its tick."""
    chart = next(b for b in audit_report(audit=reported).blocks if b.kind == "chart")
    labels = chart.print_axis.split(" ")
    assert [label.strip("\u2007") for label in labels] == ["0%", "25%", "50%", "75%", "100%"]
    assert labels[0] == "\u20070%\u2007" and labels[1] == "\u200725%"
    assert {len(label) for label in labels} == {4}
