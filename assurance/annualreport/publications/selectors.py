"""Reads of what the partnership makes public: the business unit's list, the published practice
reviews and closed audits it may choose from (each capability's own reads: the serious
incidents the actor may see, the audits of the audit list), and the public pages' reads, which
see only what is public now and only its frozen content."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from assurance.annualreport.publications.models import Publication
from assurance.audits.models import Audit, AuditCase, AuditStatus
from assurance.audits.selectors import audit_list
from assurance.audits.selectors.findings import key_messages
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
from assurance.reviews.notifications.selectors import incident_list
from assurance.reviews.practice_reviews.models import PracticeReview
from assurance.reviews.practice_reviews.models import Publication as ReviewPublication


def publication_list(*, actor: Actor) -> QuerySet[Publication]:
    return scoped(actor, Publication.unscoped.all(), "annual_report.view").order_by(
        "withdrawn_at", "-made_public_at", "-pk"
    )


def get_publication(*, actor: Actor, pk: Any) -> Publication:
    return get_for_actor(actor, Publication.unscoped.all(), "annual_report.view", pk)


def _live(partnership: Partnership) -> QuerySet[Publication]:
    return Publication.objects_for(partnership).filter(withdrawn_at__isnull=True)


def publishable_reviews(*, actor: Actor) -> QuerySet[PracticeReview]:
    """The practice reviews the partners published (their report is public) that are not on
    the public home now."""
    actor.require("annual_report.manage")
    return (
        PracticeReview.objects_for(actor.partnership)
        .filter(
            incident__in=incident_list(actor=actor),
            publication=ReviewPublication.PUBLISH,
            published_on__isnull=False,
        )
        .exclude(pk__in=_live(actor.partnership).values("practice_review_id"))
        .select_related("incident")
        .order_by("-published_on", "-pk")
    )


def publishable_audits(*, actor: Actor) -> QuerySet[Audit]:
    """The closed audits whose summary is not on the public home now."""
    actor.require("annual_report.manage")
    return (
        audit_list(actor=actor)
        .filter(status=AuditStatus.CLOSED)
        .exclude(pk__in=_live(actor.partnership).exclude(audit=None).values("audit_id"))
        .order_by("-programme__business_year", "title")
    )


def audit_findings(*, audit: Audit) -> list[tuple[str, str, str]]:
    """The audit's key findings: (kind, aspect, what was found)."""
    return [(m.get_kind_display(), m.aspect, m.text) for m in key_messages(audit=audit)]


def audit_case_references(*, audit: Audit) -> list[str]:
    return list(
        AuditCase.unscoped.filter(audit=audit)
        .exclude(reference="")
        .values_list("reference", flat=True)
    )


def public_publications(*, partnership: Partnership) -> list[Publication]:
    """What is public now, newest first (only the fields the public home shows)."""
    return list(_live(partnership).only("pk", "kind", "title", "made_public_at"))


def public_publication(*, partnership: Partnership, pk: int) -> Publication | None:
    return _live(partnership).filter(pk=pk).only("pk", "kind", "content", "made_public_at").first()
