"""Northfield's demo: the published 2025/26 annual report, every figure of it matching the page
it links to, and its public pages read by anyone."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

from assurance.annualreport.reports import selectors
from assurance.annualreport.reports.models import AnnualReport, ReportStatus
from assurance.annualreport.sections.assembly import SECTIONS
from assurance.core.business_year import current_business_year
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person

pytestmark = pytest.mark.django_db

YEAR = current_business_year() - 1


@pytest.fixture
def loaded(demo: None) -> AnnualReport:
    return AnnualReport.unscoped.get(partnership__slug="northfield", business_year=YEAR)


def test_the_demo_publishes_northfields_report_with_its_young_peoples_version(
    loaded: AnnualReport,
) -> None:
    assert loaded.status == ReportStatus.PUBLISHED
    assert (
        loaded.approved_at_meeting is not None
        and loaded.approved_at_meeting.group.is_decision_making
    )
    assert loaded.quorum_explanation.startswith("Quorate")
    keys = [s["key"] for s in loaded.snapshot["sections"]]
    assert keys == list(SECTIONS)
    anonymous = Client()
    home = anonymous.get("/annual-reports/northfield/")
    assert home.status_code == 200 and str(loaded) in home.content.decode()
    # beside it, the published practice review and an audit's summary made public
    assert "Child N: local child safeguarding practice review" in home.content.decode()
    assert ": what we found" in home.content.decode()
    page = anonymous.get(f"/annual-reports/northfield/{YEAR}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Our safeguarding arrangements" in text and "/p/northfield/" not in text
    young = anonymous.get(f"/annual-reports/northfield/{YEAR}/young-people/")
    assert young.status_code == 200 and "Lots of you told us" in young.content.decode()
    pdf = anonymous.get(f"/annual-reports/northfield/{YEAR}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # (one test: the demo takes minutes to load) every figure matches the page it links to
    every_linked_figure_matches_its_page(loaded)


def _text(page: str) -> str:
    """What a reader sees: the page without its markup (a figure must not match a link's id)."""
    body = page.split("<main", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def every_linked_figure_matches_its_page(loaded: AnnualReport) -> None:
    """Each figure and table cell the report links shows the same text on its source page,
    read as the business unit; a figure without a page is compared with its API or selector
    in the sections' own tests."""
    bu = Person.unscoped.get(email="business-unit@northfield.example")
    actor = actor_for_person(bu)
    client = Client()
    client.force_login(bu.user)
    pages: dict[str, str] = {}
    checked = 0
    tables_checked: set[str] = set()
    # the records as they stand, read beside their pages at the same moment (the published
    # snapshot is these sections as they stood when approved: another test of the worker may
    # have changed a record of the shared demo since)
    for section in selectors.live_sections(
        actor=actor, report=AnnualReport.unscoped.get(pk=loaded.pk)
    ):
        linked = [(f.label, f.value, f.href) for f in section.figures if f.href]
        linked += [
            (t.caption, c.text, c.href) for t in section.tables for r in t.rows for c in r if c.href
        ]
        tables_checked |= {label for label, _value, _href in linked}
        for label, value, href in linked:
            if href not in pages:
                response = client.get(href)
                assert response.status_code == 200, href
                pages[href] = _text(response.content.decode())
            shown = re.search(rf"(?<![\w.]){re.escape(value)}(?![\w])", pages[href])
            assert shown, f"{label}: {value!r} is not on {href}"
            checked += 1
    assert checked > 20
    # the training evaluation's measured change (each figure on the evaluation's report of
    # the year)
    assert "Measured change three months after the course" in tables_checked
