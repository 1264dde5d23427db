"""The base every partnership page is built on: sign-in, partnership, role check, navigation.

A view declares ``permission``; ``dispatch`` resolves the actor (404 outside their partnerships),
enforces two-factor sign-in where the partnership requires it, and checks the permission (403).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from assurance.core import documents
from assurance.core.registry import navigation_items
from assurance.partnerships.access import Actor, actor_for


class PartnershipViewMixin(View):
    permission: str = ""
    actor: Actor
    section: str = ""
    page_title: str = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.permission:
            raise NotImplementedError(f"{type(self).__name__} must declare a permission.")
        self.actor = actor_for(request.user, kwargs["partnership_slug"])
        if self.actor.needs_two_factor and not request.user.is_verified():  # type: ignore[union-attr,attr-defined]
            return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        self.actor.require(self.permission)
        return super().dispatch(request, *args, **kwargs)

    @property
    def partnership(self) -> Any:
        return self.actor.partnership

    def partnership_url(self, name: str, *args: Any) -> str:
        return reverse(name, args=[self.actor.partnership.slug, *args])

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(
            actor=self.actor,
            partnership=self.actor.partnership,
            navigation=self.navigation(),
            breadcrumbs=self.get_breadcrumbs(),
            page_title=self.page_title,
        )
        return context

    def navigation(self) -> list[dict[str, Any]]:
        """The service navigation: one entry per heading, linking to its first page the actor
        may use; each entry lists its pages (``items``) for the sub-navigation."""
        headings: dict[str, dict[str, Any]] = {}
        for item in navigation_items():
            if not self.actor.can(item.permission):
                continue
            page = {
                "text": item.text,
                "href": reverse(item.url_name, args=[self.actor.partnership.slug]),
                "current": bool(item.section) and item.section == self.section,
            }
            heading = headings.setdefault(
                item.heading, {"text": item.heading, "href": page["href"], "items": []}
            )
            heading["items"].append(page)
        for heading in headings.values():
            heading["current"] = any(page["current"] for page in heading["items"])
        return list(headings.values())


class DocumentView(PartnershipViewMixin, TemplateView):
    """A partnership's report (``core.documents.Report``) as a page, a PDF or a Word document.

    A report's view says how to build it (``get_report``) and what its downloads are called
    (``get_filename``, without the extension); each URL picks the form it answers with
    ``as_view(format="pdf")`` or ``as_view(format="docx")`` (the page is the default). The page
    has the report in its context as ``report``; ``core/report_page.html`` draws it with its two
    download buttons (``pdf_url`` and ``docx_url``).
    """

    format = "page"  # "page", "pdf" or "docx"
    template_name = "core/report_page.html"
    _files = {
        "pdf": (documents.render_pdf, documents.PDF_CONTENT_TYPE),
        "docx": (documents.render_docx, documents.DOCX_CONTENT_TYPE),
    }

    def get_report(self) -> documents.Report:
        raise NotImplementedError(f"{type(self).__name__} must build its report.")

    def get_filename(self) -> str:
        raise NotImplementedError(f"{type(self).__name__} must name its downloads.")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.format == "page":
            return super().get(request, *args, **kwargs)
        render, content_type = self._files[self.format]
        response = HttpResponse(render(self.get_report()), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.{self.format}"'
        )
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["report"] = self.get_report()
        return context
