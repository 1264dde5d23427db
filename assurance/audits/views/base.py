"""What the audits pages share: the audit a page is about."""

from __future__ import annotations

from typing import Any

from assurance.audits import selectors
from assurance.audits.models import Audit
from assurance.partnerships.viewmixins import PartnershipViewMixin


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

    # As a form page: about the audit, back to its page.

    def get_caption(self) -> str:
        return self.audit.title

    def get_cancel_url(self) -> str:
        return self.audit_url()

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Audits", "href": self.partnership_url("audits:programme")},
            {"text": self.audit.title, "href": self.audit_url()},
        ]
