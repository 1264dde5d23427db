"""What the audits pages share: the audit a page is about, and a service's refusal as messages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from assurance.audits import selectors
from assurance.audits.models import Audit
from assurance.partnerships.viewmixins import PartnershipViewMixin


def error_messages(exc: ValidationError | ValueError) -> list[str]:
    """A service's refusal (ValidationError) or a pure rule's (ValueError) as messages to show."""
    return [str(m) for m in exc.messages] if isinstance(exc, ValidationError) else [str(exc)]


class AuditMixin(PartnershipViewMixin):
    """A page about one audit (``audit_pk`` in the URL), fetched through the actor's scope with
    ``audit_permission``."""

    section = "audits"
    audit_permission = "audit.view"

    @property
    def audit(self) -> Audit:
        if not hasattr(self, "_audit"):
            self._audit = selectors.get_audit(
                actor=self.actor, pk=self.kwargs["audit_pk"], permission=self.audit_permission
            )
        return self._audit

    def audit_url(self, name: str = "audits:audit_detail", *args: Any) -> str:
        return self.partnership_url(name, self.audit.pk, *args)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Audits", "href": self.partnership_url("audits:programme")},
            {"text": self.audit.title, "href": self.audit_url()},
        ]
