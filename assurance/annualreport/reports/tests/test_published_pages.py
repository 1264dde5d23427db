"""Once published, a report cannot change: every page that writes it (a section's words, a
partner's contribution, the approval, publishing) says so, shows no form, and a POST to it
is refused (409) with nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from assurance.annualreport.reports import services
from assurance.annualreport.reports.models import AnnualReport, PartnerContribution, ReportStatus
from assurance.improvement.meetings.models import Meeting
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(report: AnnualReport, quorate: Meeting, amira: Person) -> AnnualReport:
    actor = actor_for_person(amira)
    services.section_text_set(
        actor=actor, report=report, key="voice", narrative="As approved.", young_people="Yes."
    )
    services.report_approve(actor=actor, report=report, meeting=quorate)
    return services.report_publish(actor=actor, report=report)


def _posts(northfield: Tenant, quorate: Meeting) -> dict[str, dict[str, object]]:
    return {
        "sections/voice/": {"narrative": "Changed afterwards", "young_people": "Changed"},
        "contributions/": {"agency": northfield.police.pk, "amount": "5000", "in_kind": ""},
        "approve/": {"meeting": quorate.pk},
        "publish/": {"confirm": "on"},
    }


@pytest.mark.parametrize("page", ["sections/voice/", "contributions/", "approve/", "publish/"])
def test_a_published_reports_write_page_says_it_cannot_change_and_stores_nothing(
    page: str,
    northfield: Tenant,
    published: AnnualReport,
    quorate: Meeting,
    amira: Person,
    client_for: Callable[[Person], Client],
) -> None:
    client = client_for(amira)
    url = northfield.url(f"annual-reports/{published.pk}/{page}")
    before = AnnualReport.unscoped.get(pk=published.pk)
    versions = published.history.count()

    shown = client.get(url)
    assert shown.status_code == 200
    text = shown.content.decode()
    assert "This report has been published: it cannot be changed" in text
    assert "<form" not in text.split("<main", 1)[1]  # no form in the page (the header's search)
    assert f"/annual-reports/{northfield.slug}/{published.business_year}/" in text

    refused = client.post(url, _posts(northfield, quorate)[page])
    assert refused.status_code == 409
    assert "This report has been published: it cannot be changed" in refused.content.decode()
    after = AnnualReport.unscoped.get(pk=published.pk)
    assert after.status == ReportStatus.PUBLISHED
    assert after.narrative == before.narrative and after.snapshot == before.snapshot
    assert after.published_at == before.published_at
    assert after.history.count() == versions
    assert not PartnerContribution.objects_for(northfield.partnership).exists()


def test_an_approved_report_still_shows_its_forms(
    northfield: Tenant,
    report: AnnualReport,
    quorate: Meeting,
    amira: Person,
    client_for: Callable[[Person], Client],
) -> None:
    services.report_approve(actor=actor_for_person(amira), report=report, meeting=quorate)
    client = client_for(amira)
    for page in ["sections/voice/", "contributions/", "approve/", "publish/"]:
        text = client.get(northfield.url(f"annual-reports/{report.pk}/{page}")).content.decode()
        assert "This report has been published" not in text
        assert 'method="post"' in text, page


def test_the_public_pages_draw_each_published_version_once_and_only_its_own_words(
    northfield: Tenant, published: AnnualReport
) -> None:
    """The public page's blocks are drawn once and kept (a published report never changes,
    ADR 032): read again, each version shows its own words, and a report published again (a
    new publication) is drawn afresh."""
    base = f"/annual-reports/{northfield.slug}/{published.business_year}/"
    for _ in range(2):
        full = Client().get(base).content.decode()
        young = Client().get(base + "young-people/").content.decode()
        assert "As approved." in full and "As approved." not in young
        assert "Yes." in young
    snapshot = dict(published.snapshot or {})
    snapshot["sections"] = [
        {**s, "narrative": "Published again."} if s["key"] == "voice" else s
        for s in snapshot["sections"]
    ]
    AnnualReport.unscoped.filter(pk=published.pk).update(
        snapshot=snapshot, published_at=timezone.now()
    )
    assert "Published again." in Client().get(base).content.decode()


def _reads_snapshot(queries: Any) -> bool:
    return any('"snapshot"' in q["sql"].split(" FROM ")[0] for q in queries)


def test_a_public_page_reads_the_snapshot_only_to_draw_it(
    northfield: Tenant, published: AnnualReport, django_assert_num_queries: Any
) -> None:
    """The snapshot, the page's largest read, is read once, to draw the page (or its young
    people's version); from then on the page reads the partnership and the report's row, and
    the public home never reads a snapshot (ADR 053)."""
    base = f"/annual-reports/{northfield.slug}/{published.business_year}/"
    for url, words in ((base, "As approved."), (base + "young-people/", "Yes.")):
        with django_assert_num_queries(3) as first:
            assert Client().get(url).status_code == 200
        assert _reads_snapshot(first.captured_queries)
        with django_assert_num_queries(2) as again:
            page = Client().get(url)
        assert page.status_code == 200 and words in page.content.decode()
        assert not _reads_snapshot(again.captured_queries)
    with django_assert_num_queries(3) as home:
        assert (
            published.year_label
            in Client().get(f"/annual-reports/{northfield.slug}/").content.decode()
        )
    assert not _reads_snapshot(home.captured_queries)


def test_a_published_report_s_pdf_and_word_are_drawn_from_its_snapshot(
    northfield: Tenant, published: AnnualReport
) -> None:
    base = f"/annual-reports/{northfield.slug}/{published.business_year}/"
    Client().get(base)  # the page drawn and kept first: the documents still read the snapshot
    for suffix, start in (("pdf/", b"%PDF"), ("docx/", b"PK"), ("young-people/docx/", b"PK")):
        response = Client().get(base + suffix)
        assert response.status_code == 200, suffix
        assert response.content.startswith(start)
