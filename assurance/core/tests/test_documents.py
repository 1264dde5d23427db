"""A report's page draws its blocks once per content (``Report.digest``, ADR 032): the digest
changes with anything a block shows, so a kept drawing is never out of date, and the drawing
kept is the one drawn afresh."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string

from assurance.core.charts import Share, proportion_chart
from assurance.core.documents import Report, Table


def _report(organisation: str = "Northfield", cell: str = "3", share: float = 0.5) -> Report:
    report = Report(title="Highlight report", subtitle="Meeting", organisation=organisation)
    report.heading("What needs to improve")
    report.paragraph("Patterns across sources.")
    report.bullets(["Action completed: escalation briefing"])
    report.table(
        Table(caption="Themes", header=["Theme", "Learning items"], rows=[["Neglect", cell]])
    )
    report.chart(
        proportion_chart([Share("Met", share, 0.2, 0.8)], description="Standards met"),
        figures=["2 of 4"],
    )
    return report


def test_the_digest_is_the_same_for_the_same_blocks():
    assert _report().digest == _report().digest


@pytest.mark.parametrize(
    "changed",
    [
        _report(organisation="Southvale"),
        _report(cell="4"),
        _report(share=0.75),
    ],
    ids=["another partnership", "a table cell", "a chart's figure"],
)
def test_anything_a_block_shows_changes_the_digest(changed):
    assert changed.digest != _report().digest


def test_a_moved_block_or_one_left_out_of_the_pdf_changes_the_digest():
    moved = _report()
    moved.blocks[1], moved.blocks[2] = moved.blocks[2], moved.blocks[1]
    assert moved.digest != _report().digest
    page_only = _report()
    page_only.blocks[-2].in_pdf = False
    assert page_only.digest != _report().digest


def test_the_kept_drawing_is_the_one_drawn_afresh(rf):
    context = {"report": _report(), "pdf_url": "/r.pdf", "docx_url": "/r.docx", "page_title": "R"}
    request = rf.get("/")
    fresh = render_to_string("core/report_page.html", context, request=request)
    kept = render_to_string("core/report_page.html", context, request=request)
    assert kept == fresh and "Neglect" in kept
    cache.clear()
    changed = {**context, "report": _report(cell="9")}
    assert render_to_string("core/report_page.html", context, request=request) == fresh
    drawn = render_to_string("core/report_page.html", changed, request=request)
    assert ">9</td>" in drawn and ">3</td>" not in drawn
