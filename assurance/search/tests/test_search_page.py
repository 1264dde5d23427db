"""The search page and the header's search box, as the people who use them."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.improvement.learning.tests.factories import LearningItemFactory
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.search.tests.conftest import Records


def test_every_partnership_page_has_the_search_box(
    records: Records, amira: Person, client_for: Any
) -> None:
    page = client_for(amira).get("/p/northfield/actions/").content.decode()
    assert 'action="/p/northfield/search/"' in page
    assert 'role="search"' in page and 'name="q"' in page
    assert '<label class="govuk-visually-hidden" for="app-header-search-q">' in page


def test_pages_outside_a_partnership_have_no_search_box(amira: Person, client_for: Any) -> None:
    page = client_for(amira).get("/accounts/account/").content.decode()
    assert "app-header-search" not in page


def test_results_are_counted_labelled_and_linked(
    records: Records, amira: Person, client_for: Any
) -> None:
    response = client_for(amira).get("/p/northfield/search/", {"q": "neglect toolkit"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "3 results for ‘neglect toolkit’" in page
    assert f'href="/p/northfield/actions/{records.action.pk}/"' in page
    assert "Recommendation" in page and "Action" in page
    assert "Actions (2)" in page and "Audits (0)" in page
    assert "<title>Search: neglect toolkit – Northfield" in page


def test_one_kind_can_be_chosen(records: Records, amira: Person, client_for: Any) -> None:
    page = (
        client_for(amira)
        .get("/p/northfield/search/", {"q": "neglect toolkit", "kind": "action"})
        .content.decode()
    )
    assert "2 results for ‘neglect toolkit’ in actions" in page
    assert "Use the neglect toolkit" not in page
    assert 'href="?q=neglect+toolkit"' in page  # back to every kind


def test_a_kind_the_user_may_not_see_is_ignored(
    records: Records, dev: Person, client_for: Any
) -> None:
    page = (
        client_for(dev)
        .get("/p/northfield/search/", {"q": records.case.reference, "kind": "case"})
        .content.decode()
    )
    assert "0 results for" in page and "/audits/cases/" not in page
    assert "Case references (" not in page  # the viewer is not offered the kind


def test_no_results_says_so_and_how_to_search_better(
    records: Records, amira: Person, client_for: Any
) -> None:
    page = client_for(amira).get("/p/northfield/search/", {"q": "hovercraft"}).content.decode()
    assert "0 results for ‘hovercraft’" in page
    assert "There are no matching results." in page
    assert "checking your spelling" in page


def test_an_empty_search_is_an_error_on_the_box(amira: Person, client_for: Any) -> None:
    page = client_for(amira).get("/p/northfield/search/", {"q": "  "}).content.decode()
    assert "There is a problem" in page
    assert "Enter a word or a case reference to search for" in page
    assert "govuk-input--error" in page
    assert "<title>Error: Search" in page


def test_a_child_s_nhs_number_is_refused_and_not_echoed_as_a_search(
    records: Records, amira: Person, client_for: Any
) -> None:
    page = client_for(amira).get("/p/northfield/search/", {"q": "943 476 5919"}).content.decode()
    assert "Your search looks like an NHS number" in page
    assert "results for" not in page
    assert "943 476 5919" not in page  # not shown again, in the box or the title


def test_the_page_without_a_search_shows_the_box_only(amira: Person, client_for: Any) -> None:
    page = client_for(amira).get("/p/northfield/search/").content.decode()
    assert 'id="search-q"' in page
    assert "There is a problem" not in page and "results for" not in page


def test_results_come_in_pages_of_twenty(
    northfield: Tenant, amira: Person, client_for: Any
) -> None:
    for n in range(25):
        LearningItemFactory(partnership=northfield.partnership, title=f"Lesson {n:02d}")
    client = client_for(amira)
    first = client.get("/p/northfield/search/", {"q": "lesson"}).content.decode()
    assert "25 results for ‘lesson’" in first
    assert first.count('class="app-search-results__item"') == 20
    assert 'href="?q=lesson&amp;page=2"' in first
    second = client.get("/p/northfield/search/", {"q": "lesson", "page": "2"}).content.decode()
    assert second.count('class="app-search-results__item"') == 5
    assert 'start="21"' in second


def test_the_page_s_queries_do_not_grow_with_the_results(
    records: Records, northfield: Tenant, amira: Person, client_for: Any
) -> None:
    client = client_for(amira)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/p/northfield/search/", {"q": "neglect"}).status_code == 200
        return len(captured)

    queries()  # the first request of a session settles it
    few = queries()
    for n in range(40):
        LearningItemFactory(partnership=northfield.partnership, title=f"Neglect lesson {n}")
    assert queries() == few


def test_a_search_adds_one_query_to_the_page(
    records: Records, northfield: Tenant, amira: Person, client_for: Any
) -> None:
    """The counts of each kind and the page of results shown are read together: one query
    beyond the page shell's, whichever page is shown (a page past the last reads the last)."""
    client = client_for(amira)

    def queries(params: dict[str, str]) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/p/northfield/search/", params).status_code == 200
        return len(captured)

    queries({})  # the first request of a session settles it
    shell = queries({})
    for n in range(25):
        LearningItemFactory(partnership=northfield.partnership, title=f"Neglect lesson {n}")
    assert queries({"q": "neglect"}) == shell + 1
    assert queries({"q": "neglect", "page": "2"}) == shell + 1
    assert queries({"q": "neglect", "kind": "learning", "page": "2"}) == shell + 1
    assert queries({"q": "hovercraft"}) == shell + 1
    assert queries({"q": "neglect", "page": "9"}) == shell + 2  # the last page, read again
