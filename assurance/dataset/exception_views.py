"""The exception report for the executive as a page, a PDF and a Word document."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView, View

from assurance.core.business_year import (
    business_year_from,
    business_year_label,
)
from assurance.partnerships.viewmixins import PartnershipViewMixin

from .exceptions import exception_items, exception_report

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ExceptionReportView(PartnershipViewMixin, TemplateView):
    permission = "indicator.view"
    template_name = "dataset/scorecard/exceptions.html"
    section = "scorecards"
    page_title = "Exception report"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = business_year_from(self.request.GET.get("year"))
        items = exception_items(partnership=self.partnership, business_year=year)
        context.update(
            year=year,
            year_label=business_year_label(year),
            items=items,
            margin=self.partnership.exception_margin,
            can_manage=self.actor.can("partnership.manage"),
            breadcrumbs=[
                {"text": "Scorecards", "href": self.partnership_url("dataset:scorecard_list")}
            ],
        )
        return context


class _ExceptionFile(PartnershipViewMixin, View):
    permission = "indicator.view"

    def report(self) -> Any:
        year = business_year_from(self.request.GET.get("year"))
        return year, exception_report(partnership=self.partnership, business_year=year)


class ExceptionReportPdfView(_ExceptionFile):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.reports.documents import render_pdf

        year, report = self.report()
        response = HttpResponse(render_pdf(report), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="exception-report-{year}.pdf"'
        return response


class ExceptionReportDocxView(_ExceptionFile):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from assurance.reports.documents import render_docx

        year, report = self.report()
        response = HttpResponse(render_docx(report), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="exception-report-{year}.docx"'
        return response
