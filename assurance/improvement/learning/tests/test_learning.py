"""Learning: amira records what an audit taught the partnership (linked to the audit and one of
its standards, with a document), groups it with a data set exception into a theme, and the ARG
recommends work to the executive. Documents are checked and served through the permission
layer; other partnerships see nothing."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assurance.core.registry import todos_for
from assurance.dataset.catalogue.tests.factories import IndicatorFactory
from assurance.frameworks.models import Item
from assurance.improvement.learning import services
from assurance.improvement.learning.models import (
    LearningDocument,
    LearningItem,
    Recommendation,
)
from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def indicator(db):
    return IndicatorFactory(
        code="CSC-CPP-2Y",
        title="Child protection plans lasting two years or more",
        definition="Share of plans ending that lasted two years or more.",
    )


def test_the_findings_and_indicator_pages_offer_to_record_learning(
    audit, indicator, northfield, amira, farah, client_for
):
    client = client_for(amira)
    findings = client.get(northfield.url(f"audits/{audit.pk}/findings/")).content.decode()
    assert f"learning/new/?audit={audit.pk}" in findings
    page = client.get(northfield.url(f"data-set/{indicator.code}/")).content.decode()
    assert f"learning/new/?indicator={indicator.code}" in page
    # Pre-filled: the audit (or indicator) and the source are chosen already
    form = client.get(northfield.url(f"learning/new/?audit={audit.pk}")).content.decode()
    assert f'<option value="{audit.pk}" selected>' in form
    assert 'value="audit" checked' in form
    form = client.get(northfield.url(f"learning/new/?indicator={indicator.code}")).content.decode()
    assert f'<option value="{indicator.pk}" selected>' in form
    # Only those who manage learning are offered the button
    lead = client_for(farah).get(northfield.url(f"audits/{audit.pk}/findings/")).content
    assert b"learning/new/" not in lead


def test_learning_from_an_audit_with_a_document(audit, northfield, amira, helen, client_for):
    standard = Item.objects.get(section__framework=audit.framework, code="2.1")
    client = client_for(amira)
    response = client.post(
        northfield.url("learning/new/"),
        {
            "title": "Neglect tool not used at the start",
            "what_was_learned": "Most cases had no neglect assessment at the start.",
            "source": "audit",
            "learned_on": "2026-07-20",
            "audit": audit.pk,
            "standard": standard.pk,
            "document_title": "Audit briefing",
            "document": SimpleUploadedFile("briefing.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item = LearningItem.unscoped.get()
    assert item.audit == audit and item.standard == standard
    assert item.history.count() == 1
    document = LearningDocument.unscoped.get()
    page = client.get(response["Location"]).content.decode()
    assert "Audit briefing" in page and "Neglect deep dive: findings" in page
    # Any practitioner may download it through the permission layer
    download = client_for(helen).get(northfield.url(f"learning/documents/{document.pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]


def test_a_renamed_file_and_a_missing_audit_are_refused(northfield, amira, client_for):
    client = client_for(amira)
    response = client.post(
        northfield.url("learning/new/"),
        {
            "title": "Escalation",
            "what_was_learned": "x",
            "source": "audit",
            "learned_on": "2026-07-20",
            "document_title": "Photo",
            "document": SimpleUploadedFile(
                "photo.pdf", b"\xff\xd8\xff\xe0 JFIF", "application/pdf"
            ),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select the audit the learning comes from." in page
    assert not LearningItem.unscoped.exists()
    item = services.learning_item_create(
        actor=actor_for_person(amira),
        title="Review",
        what_was_learned="x",
        source="review",
        learned_on=date(2026, 5, 1),
    )
    response = client.post(
        northfield.url(f"learning/{item.pk}/documents/new/"),
        {"title": "Photo", "upload": SimpleUploadedFile("photo.pdf", b"\xff\xd8\xff\xe0 JFIF")},
    )
    assert "not a real PDF" in response.content.decode()
    assert not LearningDocument.unscoped.exists()


def test_a_theme_across_sources_and_a_recommendation(
    audit, indicator, northfield, amira, tamsin, client_for
):
    actor = actor_for_person(amira)
    theme = LearningThemeFactory(partnership=northfield.partnership, title="Drift")
    from_audit = services.learning_item_create(
        actor=actor,
        title="Drift in neglect cases",
        what_was_learned="Plans drift.",
        source="audit",
        learned_on=date(2026, 7, 1),
        audit=audit,
        themes=[theme],
    )
    from_data = services.learning_item_create(
        actor=actor,
        title="Long plans above neighbours",
        what_was_learned="More plans last two years.",
        source="dataset",
        learned_on=date(2026, 8, 1),
        indicator=indicator,
        themes=[theme],
    )
    client = client_for(amira)
    page = client.get(northfield.url(f"learning/themes/{theme.pk}/")).content.decode()
    assert "Seen in 2 kinds of source" in page
    assert from_audit.title in page and from_data.title in page
    response = client.post(
        northfield.url("recommendations/new/"),
        {
            "title": "Review drift in supervision",
            "text": "Because plans drift.",
            "themes": [theme.pk],
        },
    )
    assert response.status_code == 302
    rec = Recommendation.unscoped.get(title="Review drift in supervision")
    assert rec.status == Recommendation.Status.PROPOSED
    assert set(rec.learning_items.all()) == {from_audit, from_data}
    assert rec.source == Recommendation.Source.OTHER  # two kinds of source
    assert list(rec.themes.all()) == [theme]
    todo = next(t for t in todos_for(actor) if "awaiting decision" in t.text)
    assert todo.count == 1 and todo.href.endswith("recommendations/?status=awaiting")
    detail = client.get(northfield.url(f"learning/{from_data.pk}/")).content.decode()
    assert "Review drift in supervision" in detail and "awaiting decision" in detail
    older = services.learning_item_create(
        actor=actor,
        title="Section 11 gaps",
        what_was_learned="Policies out of date.",
        source="single_agency",
        learned_on=date(2025, 5, 1),
    )
    listing = client.get(northfield.url("learning/?year=2025")).content.decode()
    assert older.title in listing and from_data.title not in listing
    assert '<option value="2026">2026/27</option>' in listing
    # Southvale's business unit sees none of it
    other = client_for(tamsin)
    assert other.get(northfield.url(f"learning/{from_data.pk}/")).status_code == 404
    assert other.get(f"/p/southvale/learning/{from_data.pk}/").status_code == 404


def test_only_the_business_unit_records_learning(northfield, farah, dev, client_for):
    assert client_for(farah).get(northfield.url("learning/new/")).status_code == 403
    assert client_for(farah).get(northfield.url("learning/")).status_code == 200
    assert client_for(dev).get(northfield.url("learning/")).status_code == 403
