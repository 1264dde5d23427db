"""The public pages of published annual reports: no sign-in, no partnership prefix
(``/annual-reports/<partnership>/…``, namespace ``annual_public``). Each reads only a
published report's frozen snapshot, so nothing unpublished — no draft, no record, no link into
the partnership's own pages — can be reached through them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
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


# A drawn report is kept a day after its last use (ADR 032's rule: the default cache, per process)
DRAWN_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class DrawnReport:
    """A published report's page as its snapshot draws it: the title, the subtitle and the
    blocks' HTML."""

    title: str
    subtitle: str
    body: SafeString


def drawn_report(published: AnnualReport, *, young_people: bool) -> DrawnReport:
    """The page of a published report (or its young people's version), drawn once per process
    and kept under the report, when it was published and which version: a published snapshot
    never changes, so a hit reads neither the snapshot nor the sections (ADR 053)."""
    assert published.published_at is not None
    key = (
        f"annual-report-public:{published.partnership_id}:{published.pk}:"
        f"{published.published_at.isoformat()}:{'young' if young_people else 'full'}"
    )
    drawn: DrawnReport | None = cache.get(key)
    if drawn is None:
        report = public_report(published, young_people=young_people)
        body = render_to_string("core/report_blocks.html", {"report": report})
        drawn = DrawnReport(report.title, report.subtitle, SafeString(body))
        cache.set(key, drawn, DRAWN_SECONDS)
    return drawn


def public_report(published: AnnualReport, *, young_people: bool) -> documents.Report:
    """The report (or its young people's version) built from the published snapshot."""
    snapshot = selectors.published_snapshot(report=published)
    return young_peoples_report(snapshot) if young_people else full_report(snapshot)


class PublicReportView(PublicMixin):
    """A published report (``young_people``: its young people's version) as a page, a PDF or a
    Word document, from its snapshot; the same files ``core.documents`` makes for every
    report."""

    template_name = "annualreport/public/report.html"
    format = "page"
    young_people = False

    @cached_property
    def published(self) -> AnnualReport:
        found = selectors.published_report(
            partnership=self.public_partnership, year=self.kwargs["year"]
        )
        if found is None:
            raise Http404("No published report for that year")
        return found

    def url_name(self, young_people: bool) -> str:
        return "annual_public:young_people" if young_people else "annual_public:report"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.format == "page":
            return super().get(request, *args, **kwargs)
        report = public_report(self.published, young_people=self.young_people)
        if self.format == "pdf":
            body, content_type = documents.render_pdf(report), documents.PDF_CONTENT_TYPE
        else:
            body, content_type = documents.render_docx(report), documents.DOCX_CONTENT_TYPE
        response = HttpResponse(body, content_type=content_type)
        version = "young-peoples-version-" if self.young_people else ""
        label = self.published.year_label.replace("/", "-")
        name = f"{self.public_partnership.slug}-annual-report-{version}{label}.{self.format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        args = [self.public_partnership.slug, self.kwargs["year"]]
        own = self.url_name(self.young_people)
        context.update(
            public_partnership=self.public_partnership,
            drawn=drawn_report(self.published, young_people=self.young_people),
            published=self.published,
            young_people=self.young_people,
            pdf_url=reverse(f"{own}_pdf", args=args),
            docx_url=reverse(f"{own}_docx", args=args),
            other_url=reverse(self.url_name(not self.young_people), args=args),
            home_url=self.home_url(),
        )
        return context
