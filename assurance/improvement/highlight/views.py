"""The highlight report for each meeting of the executive, as a page, a PDF and a Word document:
what the partnership learned, decided and did since the last one (``report.highlight_report``)."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from assurance.core.documents import Report
from assurance.improvement.highlight.report import highlight_report
from assurance.improvement.meetings.models import Meeting
from assurance.improvement.meetings.views import OneMeetingMixin
from assurance.partnerships.access import get_of_partnership
from assurance.partnerships.viewmixins import DocumentView


class HighlightReportView(OneMeetingMixin, DocumentView):
    permission = "meeting.view"

    @property
    def meeting(self) -> Meeting:
        """The meeting and its group only: the report reads what it needs itself (the meeting
        page's attendance, agenda, papers and decisions are not in it)."""
        if not hasattr(self, "_meeting"):
            self._meeting = get_of_partnership(
                self.actor, Meeting, self.meeting_permission, self.kwargs["pk"], ("group",)
            )
        return self._meeting

    def report_meeting(self) -> Meeting:
        if not self.meeting.group.is_decision_making:
            raise Http404("Highlight reports are for the decision-making group's meetings.")
        return self.meeting

    def get_report(self) -> Report:
        return highlight_report(meeting=self.report_meeting())

    def get_filename(self) -> str:
        return f"highlight-report-{self.report_meeting().held_on:%Y-%m-%d}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = self.report_meeting()
        context.update(
            meeting=meeting,
            page_title=f"Highlight report: {meeting}",
            pdf_url=self.meeting_url("improvement:highlight_pdf"),
            docx_url=self.meeting_url("improvement:highlight_docx"),
        )
        return context
