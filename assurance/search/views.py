"""The search page: what the header's search box finds in the partnership, a page at a time."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.core.links import QueryLinks
from assurance.core.pagination import asked_page, paginate
from assurance.partnerships.viewmixins import PartnershipViewMixin
from assurance.search import display, selectors
from assurance.search.query import parse_query

PER_PAGE = 20


def _window(number: int) -> tuple[int, int]:
    """The results of the page asked for (``?page=``), read with the counts in one query. A
    page the paginator will not show (past the last) reads its page on its own."""
    return (number - 1) * PER_PAGE, number * PER_PAGE


class SearchView(PartnershipViewMixin, TemplateView):
    """Everyone in the partnership may search; each kind of record is read through its own
    capability's scoped selector, so the results hold only what the user may see."""

    permission = "partnership.view"
    template_name = "search/results.html"
    page_title = "Search"
    section = "search"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("q")
        kind = self.request.GET.get("kind", "")
        context.update(searched=raw is not None, kind=kind)
        if raw is None:
            context["query"] = None
            return context
        query = parse_query(raw)
        context["query"] = query
        if not query.ok:
            return context
        results = selectors.search(
            actor=self.actor, query=query, kind=kind, window=_window(asked_page(self.request))
        )
        if kind not in {c.kind for c in results.counts}:
            context["kind"] = ""
        links = QueryLinks(self.request.GET, "kind", "page")
        context["every_kind_href"] = links.to()
        context["counts"] = [
            {"kind": c.kind, "label": c.label, "count": c.count, "href": links.to(kind=c.kind)}
            for c in results.counts
        ]
        context["everything"] = sum(c.count for c in results.counts)
        context["kinds"] = display.kinds_html(
            context["counts"],
            kind=context["kind"],
            everything=context["everything"],
            every_kind_href=context["every_kind_href"],
        )
        context["chosen"] = next((c for c in results.counts if c.kind == kind), None)
        context.update(paginate(self.request, results, per_page=PER_PAGE))
        context["hits"] = display.hits_html(context["rows"])
        return context
