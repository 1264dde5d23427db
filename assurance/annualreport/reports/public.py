"""The public pages of published annual reports: no sign-in, no partnership prefix
(``/annual-reports/<partnership>/…``, namespace ``annual_public``). Each reads only a
published report's frozen snapshot, so nothing unpublished — no draft, no record, no link into
the partnership's own pages — can be reached through them."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assurance.annualreport.reports import selectors
from assurance.annualreport.reports.document import full_report, young_peoples_report
from assurance.annualreport.reports.models import AnnualReport
from assurance.core import documents
from assurance.partnerships.models import Partnership


class PublicMixin(TemplateView):
    public_partnership: Partnership

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        found = selectors.public_partnership(slug=kwargs["slug"])
        if found is None:
            raise Http404("No such partnership")
        self.public_partnership = found
        return super().dispatch(request, *args, **kwargs)

    def home_url(self) -> str:
        return reverse("annual_public:home", args=[self.public_partnership.slug])


class PublicReportView(PublicMixin):
    """A published report (``young_people``: its young people's version) as a page, a PDF or a
    Word document, from its snapshot; the same files ``core.documents`` makes for every
    report."""

    template_name = "annualreport/public/report.html"
    format = "page"
    young_people = False

    def get_published(self) -> AnnualReport:
        return self.published

    @cached_property
    def published(self) -> AnnualReport:
        # read once a request: the snapshot is the largest value the page reads
        found = selectors.published_report(
            partnership=self.public_partnership, year=self.kwargs["year"]
        )
        if found is None or found.snapshot is None:
            raise Http404("No published report for that year")
        return found

    def get_report(self) -> documents.Report:
        snapshot = self.get_published().snapshot
        assert snapshot is not None
        return young_peoples_report(snapshot) if self.young_people else full_report(snapshot)

    def url_name(self, young_people: bool) -> str:
        return "annual_public:young_people" if young_people else "annual_public:report"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.format == "page":
            return super().get(request, *args, **kwargs)
        report = self.get_report()
        if self.format == "pdf":
            body, content_type = documents.render_pdf(report), documents.PDF_CONTENT_TYPE
        else:
            body, content_type = documents.render_docx(report), documents.DOCX_CONTENT_TYPE
        response = HttpResponse(body, content_type=content_type)
        version = "young-peoples-version-" if self.young_people else ""
        label = self.get_published().year_label.replace("/", "-")
        name = f"{self.public_partnership.slug}-annual-report-{version}{label}.{self.format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        args = [self.public_partnership.slug, self.kwargs["year"]]
        own = self.url_name(self.young_people)
        context.update(
            public_partnership=self.public_partnership,
            report=self.get_report(),
            published=self.get_published(),
            young_people=self.young_people,
            pdf_url=reverse(f"{own}_pdf", args=args),
            docx_url=reverse(f"{own}_docx", args=args),
            other_url=reverse(self.url_name(not self.young_people), args=args),
            home_url=self.home_url(),
        )
        return context
