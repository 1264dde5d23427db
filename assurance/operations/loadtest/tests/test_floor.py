"""The load test's app servers answer the floor page (no database query) beside the service."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="assurance.operations.loadtest.urls")
def test_the_floor_page_answers_without_a_query(django_assert_num_queries: object) -> None:
    with django_assert_num_queries(0):  # type: ignore[operator]
        response = Client().get("/__loadtest__/floor/")
    assert response.status_code == 200
    assert response.content.count(b"<li>Item") == 20


@pytest.mark.django_db
def test_the_service_itself_has_no_floor_page() -> None:
    assert Client().get("/__loadtest__/floor/").status_code == 404
