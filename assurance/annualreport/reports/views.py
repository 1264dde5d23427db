"""The business unit's pages of the annual report: the reports, starting a year's, the report
with every section's figures linked to their pages and its words in both versions (with how
easy the young people's words are to read), the forms that write them, the executive's
approval and publishing."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assurance.annualreport.reports import selectors, services
from assurance.annualreport.reports.forms import (
    ApproveForm,
    ContributionForm,
    PublishForm,
    SectionTextForm,
    StartForm,
)
from assurance.annualreport.reports.models import AnnualReport, ReportStatus
from assurance.annualreport.sections.assembly import SECTIONS
from assurance.annualreport.young_people.readability import LONG_SENTENCE, TARGET
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class ReportsMixin(PartnershipViewMixin):
    section = "annual-report"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Annual reports", "href": self.partnership_url("annualreport:list")}]


class OneReportMixin(ReportsMixin):
    @cached_property
    def report(self) -> AnnualReport:
        return selectors.get_report(actor=self.actor, pk=self.kwargs["pk"])

    def report_url(self) -> str:
        return self.partnership_url("annualreport:detail", self.report.pk)

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [*super().get_breadcrumbs(), {"text": str(self.report), "href": self.report_url()}]


class PublishedNoticeView(OneReportMixin, TemplateView):
    """What a page that writes the report shows once the report is published: that it cannot
    change, with the way to the public pages, and no form."""

    permission = "annual_report.manage"
    template_name = "annualreport/published.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        slug, year = self.partnership.slug, self.report.business_year
        context.update(
            report=self.report,
            page_title=f"{self.report} has been published",
            public_url=reverse("annual_public:report", args=[slug, year]),
            young_people_url=reverse("annual_public:young_people", args=[slug, year]),
        )
        return context


class UnchangedOncePublished(OneReportMixin, FormPageView):
    """A page that writes the report: once the report is published it shows no form but says
    why (``PublishedNoticeView``), and a POST stores nothing (409 Conflict)."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.report.status == ReportStatus.PUBLISHED:
            return self.published_notice(request, status=200)
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.report.status == ReportStatus.PUBLISHED:
            return self.published_notice(request, status=409)
        return super().post(request, *args, **kwargs)

    def published_notice(self, request: HttpRequest, *, status: int) -> HttpResponse:
        notice = PublishedNoticeView(request=request, args=self.args, kwargs=self.kwargs)
        notice.actor = self.actor
        notice.__dict__["report"] = self.report  # the cached_property, already read
        response = notice.get(request, *self.args, **self.kwargs)
        response.status_code = status
        return response


class ReportListView(ReportsMixin, TemplateView):
    permission = "annual_report.view"
    template_name = "annualreport/list.html"
    page_title = "Annual reports"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            reports=selectors.report_list(actor=self.actor),
            can_manage=self.actor.can("annual_report.manage"),
            public_home=reverse("annual_public:home", args=[self.partnership.slug]),
        )
        return context


class ReportStartView(ReportsMixin, FormPageView):
    permission = "annual_report.manage"
    form_class = StartForm
    page_title = "Start an annual report"
    lead = (
        "The report is assembled from the partnership's records of the year: you add the words "
        "to each section, the statutory partners approve it at the executive, and you publish it."
    )
    submit_label = "Start the report"

    def get_cancel_url(self) -> str:
        return self.partnership_url("annualreport:list")

    def save(self, form: Any) -> AnnualReport:
        return services.report_start(actor=self.actor, year=form.cleaned_data["year"])

    def success_url_for(self, record: AnnualReport) -> str:
        return self.partnership_url("annualreport:detail", record.pk)


class ReportDetailView(OneReportMixin, TemplateView):
    permission = "annual_report.view"
    template_name = "annualreport/detail.html"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return ReportsMixin.get_breadcrumbs(self)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        report = self.report
        published = report.status == ReportStatus.PUBLISHED
        slug, year = self.partnership.slug, report.business_year
        context.update(
            report=report,
            page_title=str(report),
            sections=selectors.shown_sections(actor=self.actor, report=report),
            can_manage=self.actor.can("annual_report.manage") and not published,
            target=TARGET,
            long_sentence=LONG_SENTENCE,
            public_url=reverse("annual_public:report", args=[slug, year]) if published else "",
            young_people_url=(
                reverse("annual_public:young_people", args=[slug, year]) if published else ""
            ),
        )
        return context


class SectionEditView(UnchangedOncePublished):
    permission = "annual_report.manage"
    form_class = SectionTextForm
    submit_label = "Save the words"
    success_message = "Saved."

    @property
    def key(self) -> str:
        if self.kwargs["key"] not in SECTIONS:
            raise Http404("No such section")
        return str(self.kwargs["key"])

    def get_heading(self) -> str:
        return SECTIONS[self.key]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"{SECTIONS[self.key]}: the words"
        return context

    def get_caption(self) -> str:
        return str(self.report)

    def get_lead(self) -> str:
        if self.report.status == ReportStatus.APPROVED:
            return (
                "The partners have approved this report. If you change its words, it goes back "
                "to draft and must be approved again."
            )
        return ""

    def get_initial(self) -> dict[str, Any]:
        return {
            "narrative": self.report.narrative.get(self.key, ""),
            "young_people": self.report.young_people.get(self.key, ""),
        }

    def get_object(self) -> AnnualReport:
        return self.report

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_cancel_url(self) -> str:
        return f"{self.report_url()}#section-{self.key}"

    def get_history_url(self) -> str:
        return self.partnership_url("annualreport:history", self.report.pk)

    def save(self, form: Any) -> AnnualReport:
        return services.section_text_set(
            actor=self.actor,
            report=self.report,
            key=self.key,
            narrative=form.cleaned_data["narrative"],
            young_people=form.cleaned_data["young_people"],
        )


class ContributionView(UnchangedOncePublished):
    permission = "annual_report.manage"
    form_class = ContributionForm
    page_title = "Enter a partner's contribution"
    lead = "What the partner gave the partnership in the year. Entering it again corrects it."
    submit_label = "Save the contribution"
    success_message = "Saved: {record}."

    def get_caption(self) -> str:
        return str(self.report)

    def get_cancel_url(self) -> str:
        return f"{self.report_url()}#section-contributions"

    def save(self, form: Any) -> Any:
        return services.contribution_set(
            actor=self.actor,
            report=self.report,
            agency=form.cleaned_data["agency"],
            amount=form.cleaned_data["amount"],
            in_kind=form.cleaned_data["in_kind"],
        )


class ApproveView(UnchangedOncePublished):
    permission = "annual_report.manage"
    form_class = ApproveForm
    page_title = "Record the partners' approval"
    lead = (
        "The statutory partners approve the annual report as a decision of the executive. The "
        "meeting must have been quorate under its terms of reference, from the attendance "
        "recorded. Approving freezes every figure and word as they stand now."
    )
    submit_label = "Record the approval"
    success_message = "Approved: the report's figures and words are frozen."

    def get_caption(self) -> str:
        return str(self.report)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["meetings"] = selectors.approval_meetings(actor=self.actor)
        return kwargs

    def get_cancel_url(self) -> str:
        return self.report_url()

    def save(self, form: Any) -> AnnualReport:
        return services.report_approve(
            actor=self.actor, report=self.report, meeting=form.cleaned_data["meeting"]
        )


class PublishView(UnchangedOncePublished):
    permission = "annual_report.manage"
    form_class = PublishForm
    page_title = "Publish the annual report"
    lead = (
        "Publishing puts the approved report and its young people's version on public pages "
        "that anyone can read without signing in, as page, PDF and Word document."
    )
    submit_label = "Publish"
    success_message = "Published."

    def get_caption(self) -> str:
        return str(self.report)

    def get_cancel_url(self) -> str:
        return self.report_url()

    def save(self, form: Any) -> AnnualReport:
        return services.report_publish(actor=self.actor, report=self.report)


class ReportHistoryView(OneReportMixin, HistoryView):
    permission = "annual_report.view"

    def get_object(self) -> AnnualReport:
        return self.report

    def back_url(self, record: AnnualReport) -> str:
        return self.report_url()
