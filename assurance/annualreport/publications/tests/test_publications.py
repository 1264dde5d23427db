"""What the partnership makes public beside its annual reports: amira (business unit) puts a
published practice review and a closed audit's summary on the public home; each has a public
page and PDF holding only what was chosen, frozen when made public; withdrawing takes it off.
Nothing identifying reaches the public: a case reference, the review's own reference or what
looks like a child's identifier is refused, and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from assurance.annualreport.publications import services
from assurance.annualreport.publications.models import Publication
from assurance.audits.models import Audit, AuditCase, AuditStatus, KeyMessage
from assurance.audits.tests.factories import AuditFactory, KeyMessageFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.reviews.notifications.tests.factories import SeriousIncidentFactory
from assurance.reviews.practice_reviews.models import PracticeReview

pytestmark = pytest.mark.django_db

SUMMARY = "We looked at how agencies shared what they knew.\n\nWe changed how they record it."


@pytest.fixture
def review(northfield: Tenant) -> PracticeReview:
    incident = SeriousIncidentFactory(partnership=northfield.partnership, reference="SI-2025-07")
    return PracticeReview.unscoped.create(
        partnership=northfield.partnership,
        incident=incident,
        publication="publish",
        published_on=date(2025, 11, 3),
        publication_link="https://northfield.example/reviews/child-n",
    )


@pytest.fixture
def audit(northfield: Tenant) -> Audit:
    audit = AuditFactory(
        partnership=northfield.partnership, title="Neglect of babies", status=AuditStatus.CLOSED
    )
    KeyMessageFactory(audit=audit, aspect="Voice of the child", text="Babies' cues were noted.")
    KeyMessageFactory(
        audit=audit,
        kind=KeyMessage.Kind.IMPROVE,
        aspect="Fathers",
        text="Fathers were rarely seen.",
    )
    return audit


def test_a_closed_audits_summary_is_public_as_it_was_made_public_until_withdrawn(
    northfield: Tenant, audit: Audit, amira: Person
) -> None:
    actor = actor_for_person(amira)
    made = services.audit_make_public(
        actor=actor, audit=audit, title="What our neglect audit found", summary=SUMMARY
    )
    anonymous = Client()
    home = anonymous.get(f"/annual-reports/{northfield.slug}/").content.decode()
    assert "What our neglect audit found" in home
    url = f"/annual-reports/{northfield.slug}/made-public/{made.pk}/"
    page = anonymous.get(url).content.decode()
    assert "Fathers were rarely seen." in page and "We changed how they record it." in page
    assert "/p/northfield/" not in page
    # later the audit's finding is reworded: the public page still shows what was made public
    KeyMessage.unscoped.filter(audit=audit, aspect="Fathers").update(text="Reworded later.")
    page = anonymous.get(url).content.decode()
    assert "Fathers were rarely seen." in page and "Reworded later." not in page
    pdf = anonymous.get(url + "pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # made public once while it is public
    with pytest.raises(ValidationError, match="already"):
        services.audit_make_public(actor=actor, audit=audit, title="Again", summary="Again")
    services.publication_withdraw(actor=actor, publication=made)
    assert (
        "What our neglect audit found"
        not in anonymous.get(f"/annual-reports/{northfield.slug}/").content.decode()
    )
    assert anonymous.get(url).status_code == 404
    assert anonymous.get(url + "pdf/").status_code == 404


def test_only_a_closed_audit_and_a_published_review_can_be_made_public(
    northfield: Tenant, review: PracticeReview, amira: Person
) -> None:
    actor = actor_for_person(amira)
    open_audit = AuditFactory(partnership=northfield.partnership, status=AuditStatus.REPORTING)
    with pytest.raises(ValidationError, match="Only a closed audit"):
        services.audit_make_public(actor=actor, audit=open_audit, title="T", summary="S")
    PracticeReview.unscoped.filter(pk=review.pk).update(publication="delay", published_on=None)
    review.refresh_from_db()
    with pytest.raises(ValidationError, match="partners have published"):
        services.review_make_public(actor=actor, review=review, title="T", summary="S")
    assert not Publication.objects_for(northfield.partnership).exists()


def test_nothing_identifying_is_made_public(
    northfield: Tenant, review: PracticeReview, audit: Audit, amira: Person
) -> None:
    actor = actor_for_person(amira)
    with pytest.raises(ValidationError) as refused:
        services.review_make_public(
            actor=actor, review=review, title="Review SI-2025-07", summary=SUMMARY
        )
    assert "case reference SI-2025-07" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        services.review_make_public(
            actor=actor, review=review, title="Child N", summary="Born 12/03/2019 in Northfield."
        )
    assert "a date of birth" in str(refused.value)
    # an audit's finding that names a case of its sample
    case = AuditCase.unscoped.create(
        partnership=northfield.partnership,
        audit=audit,
        reference="NOR-DR72FP",
        age_band="0-4",
        gender="girl",
    )
    KeyMessageFactory(audit=audit, aspect="Drift", text=f"In {case.reference} the plan drifted.")
    with pytest.raises(ValidationError) as refused:
        services.audit_make_public(actor=actor, audit=audit, title="Neglect", summary=SUMMARY)
    assert f"The audit's finding about Drift holds the case reference {case.reference}" in str(
        refused.value
    )
    assert not Publication.objects_for(northfield.partnership).exists()


def test_the_business_unit_makes_a_review_public_through_the_pages(
    northfield: Tenant,
    review: PracticeReview,
    amira: Person,
    corinne: Person,
    client_for: Callable[[Person], Client],
) -> None:
    client = client_for(amira)
    form = client.get(northfield.url("annual-reports/public/practice-review/")).content.decode()
    assert "published 3 November 2025" in form
    response = client.post(
        northfield.url("annual-reports/public/practice-review/"),
        {"review": review.pk, "title": "", "summary": SUMMARY},
    )
    assert "Enter the title the public will read" in response.content.decode()
    response = client.post(
        northfield.url("annual-reports/public/practice-review/"),
        {"review": review.pk, "title": "Child N: practice review", "summary": SUMMARY},
    )
    assert response.status_code == 302
    made = Publication.objects_for(northfield.partnership).get()
    listed = client.get(northfield.url("annual-reports/public/")).content.decode()
    assert "Child N: practice review" in listed and "Withdraw" in listed
    public = Client().get(f"/annual-reports/{northfield.slug}/made-public/{made.pk}/")
    text = public.content.decode()
    assert "https://northfield.example/reviews/child-n" in text
    assert "3 November 2025" in text and "SI-2025-07" not in text
    # the scrutineer reads the list; only the business unit changes it
    scrutineer = client_for(corinne)
    assert scrutineer.get(northfield.url("annual-reports/public/")).status_code == 200
    withdraw = northfield.url(f"annual-reports/public/{made.pk}/withdraw/")
    assert scrutineer.post(withdraw, {"confirm": "on"}).status_code == 403
    assert client.post(withdraw, {"confirm": "on"}).status_code == 302
    assert (
        Client().get(f"/annual-reports/{northfield.slug}/made-public/{made.pk}/").status_code == 404
    )


def test_another_partnerships_public_page_does_not_show_it(
    northfield: Tenant, southvale: Tenant, audit: Audit, amira: Person
) -> None:
    made = services.audit_make_public(
        actor=actor_for_person(amira), audit=audit, title="Ours", summary=SUMMARY
    )
    anonymous = Client()
    assert (
        anonymous.get(f"/annual-reports/{southvale.slug}/made-public/{made.pk}/").status_code == 404
    )
    assert "Ours" not in anonymous.get(f"/annual-reports/{southvale.slug}/").content.decode()
