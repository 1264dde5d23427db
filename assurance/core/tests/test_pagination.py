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
    assert list(context["page_range"]) == [1, 2, 3]
