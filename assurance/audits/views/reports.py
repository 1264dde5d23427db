"""An audit's report: the page, the PDF and the Word document (for viewers once it is closed)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from assurance.audits import selectors
from assurance.audits.models import Audit
from assurance.core.documents import Report
from assurance.partnerships.viewmixins import DocumentView


class ReportView(DocumentView):
    permission = "audit_report.view"
    section = "audits"

    @cached_property
    def audit(self) -> Audit:
        return selectors.get_audit_for_report(actor=self.actor, pk=self.kwargs["audit_pk"])

    def get_report(self) -> Report:
        from assurance.audits.report import audit_report

        return audit_report(audit=self.audit)

    def get_filename(self) -> str:
        return f"audit-{self.audit.pk}-report"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        audit = self.audit
        context.update(
            audit=audit,
            page_title=f"Report: {audit.title}",
            pdf_url=self.partnership_url("audits:report_pdf", audit.pk),
            docx_url=self.partnership_url("audits:report_docx", audit.pk),
            breadcrumbs=[{"text": "Audits", "href": self.partnership_url("audits:programme")}],
        )
        return context
