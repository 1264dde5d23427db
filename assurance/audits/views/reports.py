"""An audit's report: the page, the PDF and the Word document (for viewers once it is closed)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views import View
from django.views.generic import TemplateView

from assurance.audits import selectors
from assurance.audits.models import Audit
from assurance.partnerships.viewmixins import PartnershipViewMixin


class ReportMixin(PartnershipViewMixin):
    permission = "audit_report.view"
    section = "audits"

    def report_audit(self) -> Audit:
        return selectors.get_audit_for_report(actor=self.actor, pk=self.kwargs["audit_pk"])


class ReportView(ReportMixin, TemplateView):
    template_name = "audits/report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from assurance.audits.report import audit_report

        context = super().get_context_data(**kwargs)
        audit = self.report_audit()
        context.update(
            audit=audit,
            report=audit_report(audit=audit),
            page_title=f"Report: {audit.title}",
            breadcrumbs=[{"text": "Audits", "href": self.partnership_url("audits:programme")}],
        )
        return context


class ReportPdfView(ReportMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.report import audit_report
        from assurance.core.documents import render_pdf

        audit = self.report_audit()
        response = HttpResponse(
            render_pdf(audit_report(audit=audit)), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{audit.pk}-report.pdf"'
        return response


class ReportDocxView(ReportMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.audits.report import audit_report
        from assurance.core.documents import render_docx

        audit = self.report_audit()
        response = HttpResponse(
            render_docx(audit_report(audit=audit)),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{audit.pk}-report.docx"'
        return response
