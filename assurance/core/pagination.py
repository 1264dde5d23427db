"""Long lists in pages of 50, shown with GOV.UK pagination (templates/includes/pagination.html)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from assurance.core.links import QueryLinks

PER_PAGE = 50


def paginate(request: HttpRequest, items: Sequence[Any] | Any, per_page: int = PER_PAGE) -> dict:
    """Context for one page of ``items`` (a list or a queryset) chosen by ``?page=``: the page's
    ``rows``, the ``total``, ``page_obj``, and ``pagination`` for the pagination include (the
    links to the previous, next and numbered pages, each keeping the other query parameters,
    such as a list's filters). A page number that is not a number or too high gives the first
    or the last page."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    return {
        "rows": page.object_list,
        "total": page.paginator.count,
        "page_obj": page,
        "pagination": _links(request, page),
    }


def _links(request: HttpRequest, page: Page) -> dict[str, Any] | None:
    """The pagination's links (None: one page only), as ``{% querystring page=… %}`` wrote them."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    links = QueryLinks(request.GET, "page")
    return {
        "previous": links.to(page=page.number - 1) if page.has_previous() else "",
        "next": links.to(page=page.number + 1) if page.has_next() else "",
        "pages": [
            {"ellipsis": True}
            if number == paginator.ELLIPSIS
            else {"number": number, "href": links.to(page=number), "current": number == page.number}
            for number in paginator.get_elided_page_range(page.number, on_each_side=2)
        ],
    }
