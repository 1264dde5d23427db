"""Writes of what the partnership makes public: a published practice review or a closed audit's
summary, frozen as it is now (title, the business unit's summary, and the review's publication
date and link or the audit's key findings), and withdrawing one. Nothing identifying is made
public: text that looks like a child's identifier, a case reference of the audit or the
review's own reference is refused, naming where it is."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assurance.annualreport.publications import selectors
from assurance.annualreport.publications.models import Publication, PublicationKind
from assurance.audits.models import Audit, AuditStatus
from assurance.core.business_year import business_year_label
from assurance.core.history import save_as
from assurance.core.identifiers import find_identifiers
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.reviews.practice_reviews.models import PracticeReview

ALREADY = "It is already on the public pages."


def _identifying(where: str, text: str, references: list[str]) -> str:
    """Why ``text`` cannot be made public ("" if it can)."""
    for reference in references:
        if reference and reference.lower() in text.lower():
            return f"{where} holds the case reference {reference}: take it out first."
    found = find_identifiers(text)
    if found:
        return f"{where}: {found[0].message}. Nothing identifying a child can be made public."
    return ""


def _check(fields: dict[str, tuple[str, str]], references: list[str]) -> None:
    """``fields``: form field ("" for none) → (where, text). Refuses with every problem."""
    errors: dict[str, list[str]] = {}
    for field, (where, text) in fields.items():
        problem = _identifying(where, text, references)
        if problem:
            errors.setdefault(field.split(":")[0] or "__all__", []).append(problem)
    if errors:
        raise ValidationError(errors)


def _save(actor: Actor, publication: Publication) -> Publication:
    try:
        with transaction.atomic():
            save_as(publication, actor)
    except IntegrityError as exc:  # made public by someone else a moment ago
        raise ValidationError(ALREADY) from exc
    return publication


def review_make_public(
    *, actor: Actor, review: PracticeReview, title: str, summary: str
) -> Publication:
    """Put a published practice review on the public home: its title and summary as the
    business unit writes them, the date the partners published it and the link to its report."""
    actor.require("annual_report.manage")
    require_same_partnership(actor, review)
    if not selectors.publishable_reviews(actor=actor).filter(pk=review.pk).exists():
        if review.published_on is None or review.publication != "publish":
            raise ValidationError(
                {
                    "review": "Only a review whose report the partners have published can be "
                    "made public here."
                }
            )
        raise ValidationError({"review": ALREADY})
    title, summary = title.strip(), summary.strip()
    _check(
        {"title": ("The title", title), "summary": ("The summary", summary)},
        [review.incident.reference],
    )
    assert review.published_on is not None  # publishable_reviews: published
    content: dict[str, Any] = {
        "kind": PublicationKind.PRACTICE_REVIEW.label,
        "title": title,
        "summary": summary,
        "published_on": review.published_on.isoformat(),
        "link": review.publication_link,
        "findings": [],
    }
    return _save(
        actor,
        Publication(
            partnership=actor.partnership,
            kind=PublicationKind.PRACTICE_REVIEW,
            practice_review=review,
            title=title,
            content=content,
            made_public_at=timezone.now(),
        ),
    )


def audit_make_public(*, actor: Actor, audit: Audit, title: str, summary: str) -> Publication:
    """Put a closed audit's summary on the public home: its title and summary as the business
    unit writes them, the business year and the audit's key findings as they stand now (no case,
    no case reference, no name of anyone)."""
    actor.require("annual_report.manage")
    require_same_partnership(actor, audit)
    if not selectors.publishable_audits(actor=actor).filter(pk=audit.pk).exists():
        if audit.status != AuditStatus.CLOSED:
            raise ValidationError({"audit": "Only a closed audit's summary can be made public."})
        raise ValidationError({"audit": ALREADY})
    title, summary = title.strip(), summary.strip()
    findings = selectors.audit_findings(audit=audit)
    fields = {"title": ("The title", title), "summary": ("The summary", summary)}
    for n, (_kind, aspect, text) in enumerate(findings, start=1):
        fields[f":{n}"] = (f"The audit's finding about {aspect}", f"{aspect} {text}")
    _check(fields, selectors.audit_case_references(audit=audit))
    content: dict[str, Any] = {
        "kind": PublicationKind.AUDIT.label,
        "title": title,
        "summary": summary,
        "year_label": business_year_label(audit.programme.business_year),
        "findings": [[kind, aspect, text] for kind, aspect, text in findings],
        "link": "",
    }
    return _save(
        actor,
        Publication(
            partnership=actor.partnership,
            kind=PublicationKind.AUDIT,
            audit=audit,
            title=title,
            content=content,
            made_public_at=timezone.now(),
        ),
    )


def publication_withdraw(*, actor: Actor, publication: Publication) -> Publication:
    """Take it off the public pages (kept, with its history)."""
    actor.require("annual_report.manage")
    require_same_partnership(actor, publication)
    if publication.withdrawn_at is not None:
        raise ValidationError("It has already been withdrawn.")
    publication.withdrawn_at = timezone.now()
    save_as(publication, actor)
    return publication
