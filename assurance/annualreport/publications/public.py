"""The public home of the partnership's published reports (``/annual-reports/<partnership>/``):
its annual reports and the practice reviews and audit summaries it made public; and the page
(and PDF) of each of those, read only from what was frozen when it was made public, and only
while it is public."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property

from assurance.annualreport.publications import selectors
from assurance.annualreport.publications.document import public_document
from assurance.annualreport.publications.models import Publication
from assurance.annualreport.reports import selectors as reports
from assurance.annualreport.reports.public import PublicMixin
from assurance.core import documents


class PublicHomeView(PublicMixin):
    """What the partnership has published: its annual reports, newest first, and the practice
    reviews and audit summaries it chose to make public."""

    template_name = "annualreport/public/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        slug = self.public_partnership.slug
        context.update(
            public_partnership=self.public_partnership,
            reports=[
                {
                    "report": r,
                    "url": reverse("annual_public:report", args=[slug, r.business_year]),
                    "young_people_url": reverse(
                        "annual_public:young_people", args=[slug, r.business_year]
                    ),
                }
                for r in reports.published_reports(partnership=self.public_partnership)
            ],
            publications=[
                {"publication": p, "url": reverse("annual_public:publication", args=[slug, p.pk])}
                for p in selectors.public_publications(partnership=self.public_partnership)
            ],
        )
        return context


class PublicPublicationView(PublicMixin):
    """A practice review or audit summary made public, as a page or a PDF."""

    template_name = "annualreport/public/publication.html"
    format = "page"

    @cached_property
    def publication(self) -> Publication:
        found = selectors.public_publication(
            partnership=self.public_partnership, pk=self.kwargs["pk"]
        )
        if found is None:
            raise Http404("Not public")
        return found

    def get_report(self) -> documents.Report:
        return public_document(self.publication.content, partnership=self.public_partnership.name)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.format == "page":
            return super().get(request, *args, **kwargs)
        response = HttpResponse(
            documents.render_pdf(self.get_report()), content_type=documents.PDF_CONTENT_TYPE
        )
        name = f"{self.public_partnership.slug}-{self.publication.kind}-{self.publication.pk}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name.replace("_", "-")}"'
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        args = [self.public_partnership.slug, self.publication.pk]
        context.update(
            public_partnership=self.public_partnership,
            report=self.get_report(),
            publication=self.publication,
            link=self.publication.content.get("link", ""),
            pdf_url=reverse("annual_public:publication_pdf", args=args),
            home_url=self.home_url(),
        )
        return context
