"""paginate: pages of 50 chosen by ?page=, forgiving of a bad or too high page number."""

from __future__ import annotations

import pytest
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
