"""The round's report for the executive and the education group: a page, its PDF and its Word
document, from the same ``core.documents.Report``."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.views.generic import TemplateView

from assurance.core import documents
from assurance.partnerships.viewmixins import DocumentView, PartnershipViewMixin
from assurance.selfassessment.challenges.selectors import round_agreed_ratings
from assurance.selfassessment.reports import report, selectors
from assurance.selfassessment.rounds.models import Round
from assurance.selfassessment.standards import selectors as standards
from assurance.selfassessment.surveys.selectors import round_staff_results


class RoundReportView(DocumentView):
    permission = selectors.PERMISSION
    section = "self-assessment-rounds"

    def get_round(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = selectors.get_report_round(actor=self.actor, pk=self.kwargs["pk"])
        return self._round

    def get_report(self) -> documents.Report:
        round = self.get_round()
        tool = standards.tool_standards(framework=round.framework)
        groupings = standards.groupings(round=round)
        grouping = next(iter(groupings), "")
        return report.round_report(
            round=round,
            partnership_name=self.actor.partnership.name,
            counts=selectors.report_counts(
                actor=self.actor, round=round, today=timezone.localdate()
            ),
            figures=standards.round_standards(actor=self.actor, round=round, standards=tool),
            grouping=groupings.get(grouping, ""),
            groups=standards.heat_map_groups(
                actor=self.actor, round=round, standards=tool, by=grouping
            )
            if grouping
            else [],
            organisations=standards.organisation_ratings(
                actor=self.actor, round=round, standards=tool
            ),
            staff=round_staff_results(actor=self.actor, round=round),
            agreed=round_agreed_ratings(actor=self.actor, round=round),
        )

    def get_filename(self) -> str:
        round = self.get_round()
        return slugify(f"{round.framework.name} {round.year_label} report")

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        if not self.actor.can("self_assessment.view"):
            return []
        round = self.get_round()
        return [
            {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")},
            {
                "text": str(round),
                "href": self.partnership_url("selfassessment:round_detail", round.pk),
            },
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pk = self.get_round().pk
        context.update(
            page_title=f"The round's report – {self.get_round()}",
            pdf_url=self.partnership_url("selfassessment:round_report_pdf", pk),
            docx_url=self.partnership_url("selfassessment:round_report_docx", pk),
        )
        return context


class RoundReportListView(PartnershipViewMixin, TemplateView):
    """The rounds whose report the reader may open: the way in for the executive's and the
    education group's members, who do not see the rounds' pages."""

    permission = selectors.PERMISSION
    section = "self-assessment-reports"
    template_name = "selfassessment/reports/round_report_list.html"
    page_title = "Self-assessment round reports"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rounds"] = selectors.report_rounds(actor=self.actor)
        return context
