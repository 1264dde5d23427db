"""The highlight report for each meeting of the executive, as a page, a PDF and a Word document:
what the partnership learned, decided and did since the last one (``report.highlight_report``)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.views import View
from django.views.generic import TemplateView

from assurance.core.documents import render_docx, render_pdf
from assurance.improvement.highlight.report import highlight_report
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.views import OneMeetingMixin

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class HighlightMixin(OneMeetingMixin):
    permission = "meeting.view"

    def report_meeting(self) -> Meeting:
        if not self.meeting.group.is_decision_making:
            raise Http404("Highlight reports are for the decision-making group's meetings.")
        return self.meeting


class HighlightReportView(HighlightMixin, TemplateView):
    template_name = "improvement/meetings/highlight.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = self.report_meeting()
        context.update(
            meeting=meeting,
            report=highlight_report(meeting=meeting),
            page_title=f"Highlight report: {meeting}",
        )
        return context


class HighlightPdfView(HighlightMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.report_meeting()
        response = HttpResponse(
            render_pdf(highlight_report(meeting=meeting)), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="highlight-report-{meeting.held_on:%Y-%m-%d}.pdf"'
        )
        return response


class HighlightDocxView(HighlightMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        meeting = self.report_meeting()
        response = HttpResponse(render_docx(highlight_report(meeting=meeting)), content_type=DOCX)
        response["Content-Disposition"] = (
            f'attachment; filename="highlight-report-{meeting.held_on:%Y-%m-%d}.docx"'
        )
        return response
