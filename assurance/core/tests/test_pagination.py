"""paginate: pages of 50 chosen by ?page=, forgiving of a bad or too high page number."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from assurance.core.pagination import paginate


@pytest.mark.parametrize(
    ("page", "first_row", "number"),
    [(None, 0, 1), ("1", 0, 1), ("2", 50, 2), ("3", 100, 3), ("9", 100, 3), ("x", 0, 1)],
)
def test_pages_of_fifty(page, first_row, number) -> None:
    query = {"page": page} if page else {}
    context = paginate(RequestFactory().get("/", query), list(range(120)))
    assert context["total"] == 120
    assert context["rows"][0] == first_row
    assert context["page_obj"].number == number
    assert len(context["rows"]) == (20 if number == 3 else 50)
    pages = context["pagination"]["pages"]
    assert [p["number"] for p in pages] == [1, 2, 3]
    assert [p["number"] for p in pages if p["current"]] == [number]
    assert context["pagination"]["previous"] == ("" if number == 1 else f"?page={number - 1}")
    assert context["pagination"]["next"] == ("" if number == 3 else f"?page={number + 1}")


def test_the_links_keep_the_other_parameters_as_querystring_writes_them() -> None:
    """Each link is what ``{% querystring page=n %}`` wrote: the list's filters kept (a
    parameter given twice twice), the page last, every value encoded."""
    request = RequestFactory().get("/?status=open&agency=3&agency=4&q=a+b%26c&page=2")
    links = paginate(request, list(range(500)))["pagination"]
    kept = "status=open&agency=3&agency=4&q=a+b%26c"
    assert links["previous"] == f"?{kept}&page=1"
    assert links["next"] == f"?{kept}&page=3"
    assert [p.get("href") for p in links["pages"]][:3] == [f"?{kept}&page={n}" for n in (1, 2, 3)]
    assert {"ellipsis": True} in links["pages"]


def test_one_page_has_no_pagination() -> None:
    assert paginate(RequestFactory().get("/"), list(range(50)))["pagination"] is None


def _compact(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def _numbered(*numbers: int) -> str:
    """Numbered pages that are not the current one, as the include template drew them."""
    return "".join(
        f'<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" '
        f'href="?x=%3C&amp;page={n}" aria-label="Page {n}">{n}</a></li>'
        for n in numbers
    )


# The GOV.UK pagination component as the include template drew it before its markup was written
# in Python (page 7 of 20, a filter kept), whitespace between tags removed.
PAGE_7_OF_20 = (
    '<nav class="govuk-pagination" aria-label="Pages of results">'
    '<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" '
    'href="?x=%3C&amp;page=6" rel="prev"><svg class="govuk-pagination__icon '
    'govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" '
    'aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 '
    "6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
    '"></path></svg><span class="govuk-pagination__link-title">Previous<span '
    'class="govuk-visually-hidden"> page</span></span></a></div>'
    '<ul class="govuk-pagination__list">'
    + _numbered(1, 2)
    + '<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>'
    + _numbered(5, 6)
    + '<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link '
    'govuk-pagination__link" href="?x=%3C&amp;page=7" aria-label="Page 7" aria-current="page">7'
    "</a></li>"
    + _numbered(8, 9)
    + '<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>'
    + _numbered(19, 20)
    + '</ul><div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" '
    'href="?x=%3C&amp;page=8" rel="next"><span class="govuk-pagination__link-title">Next<span '
    'class="govuk-visually-hidden"> page</span></span><svg class="govuk-pagination__icon '
    'govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" '
    'aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 '
    "1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
    '"></path></svg></a></div></nav>'
)


def test_the_include_draws_the_govuk_component_with_every_address_escaped() -> None:
    """The markup written in Python is the GOV.UK component the template drew: previous and
    next, the numbered pages around the current one with ellipses, the addresses escaped."""
    context = paginate(RequestFactory().get("/?page=7&x=%3C"), list(range(1000)))
    drawn = render_to_string("includes/pagination.html", context)
    assert _compact(drawn) == PAGE_7_OF_20


def test_the_first_and_last_pages_have_no_previous_or_next() -> None:
    first = paginate(RequestFactory().get("/"), list(range(120)))["pagination"]["html"]
    last = paginate(RequestFactory().get("/?page=3"), list(range(120)))["pagination"]["html"]
    assert "govuk-pagination__prev" not in first and "govuk-pagination__next" in first
    assert "govuk-pagination__prev" in last and "govuk-pagination__next" not in last
    assert 'aria-current="page">1<' in first and 'aria-current="page">3<' in last


class _Counted(list):
    """A list that notes each time it is counted, as a queryset's ``count()`` queries."""

    counted = 0

    def count(self) -> int:  # type: ignore[override]
        self.counted += 1
        return len(self)


def test_a_count_the_page_knows_is_not_counted_again() -> None:
    """Given ``count``, the items are not counted (for a queryset: no ``COUNT`` query)."""
    request = RequestFactory().get("/")
    items = _Counted(range(120))
    assert paginate(request, items)["total"] == 120
    assert items.counted == 1
    items = _Counted(range(120))
    context = paginate(request, items, count=120)
    assert items.counted == 0
    assert context["total"] == 120 and list(context["rows"]) == list(range(50))
    assert context["pagination"]["next"] == "?page=2"


def test_the_page_asked_for_is_a_number_from_one() -> None:
    from django.test import RequestFactory

    from assurance.core.pagination import asked_page

    for query, number in [("", 1), ("?page=3", 3), ("?page=0", 1), ("?page=-2", 1), ("?page=x", 1)]:
        assert asked_page(RequestFactory().get("/" + query)) == number, query
