"""Long lists in pages of 50, shown with GOV.UK pagination (templates/includes/pagination.html)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest

PER_PAGE = 50


def paginate(request: HttpRequest, items: Sequence[Any] | Any, per_page: int = PER_PAGE) -> dict:
    """Context for one page of ``items`` (a list or a queryset) chosen by ``?page=``: the page's
    ``rows``, the ``total``, and ``page_obj``/``page_range`` for the pagination include. A page
    number that is not a number or too high gives the first or the last page."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    return {
        "rows": page.object_list,
        "total": page.paginator.count,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }
