"""Each platform page runs a bounded number of queries that does not grow with the data.

The same page is requested as the business unit of a small synthetic partnership and of one with
5× more agencies, people and groups (built by the bench's own loader); the counts must be equal
and under a fixed ceiling (``django_assert_max_num_queries``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from assurance.bench import data
from assurance.partnerships.models import Group, Partnership

pytestmark = pytest.mark.django_db

# Ceilings per page (measured: home 12 with every capability's to-do list, lists 4, group 5):
# room for a capability to add a look-up, small enough that a loop over rows (N+1) breaks them.


def _group(partnership: Partnership) -> str:
    group = Group.objects_for(partnership).order_by("pk").first()
    assert group is not None
    return f"groups/{group.pk}/"


PAGES: list[tuple[str, Callable[[Partnership], str], int]] = [
    # each capability's to-dos, a fixed few each (22: the self-assessments' returns to fill in,
    # sign off or challenge are read in one query)
    ("partnership home", lambda p: "", 22),
    ("agency list", lambda p: "agencies/", 8),
    ("group list", lambda p: "groups/", 8),
    ("group detail", _group, 8),
    ("people list", lambda p: "people/", 8),
]


@pytest.fixture
def deployment() -> dict[str, Any]:
    small = data.build_platform(partnerships=1, agencies=3, people=10, groups=1, start=0)[0]
    large = data.build_platform(partnerships=1, agencies=15, people=50, groups=5, start=1)[0]
    clients = {}
    for index, partnership in ((0, small), (1, large)):
        client = Client()
        client.force_login(
            get_user_model().objects.get(email=data.business_unit_email(index)),
            backend="assurance.accounts.authentication.PasswordBackend",
        )
        clients[partnership.slug] = client
    return {"small": small, "large": large, "clients": clients}


def _count(client: Client, url: str) -> int:
    client.get(url)  # warm: the session, caches and lazy imports are not what is counted
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


@pytest.mark.parametrize(("label", "path", "ceiling"), PAGES, ids=[row[0] for row in PAGES])
def test_queries_bounded_and_constant(
    deployment: dict[str, Any],
    django_assert_max_num_queries: Any,
    label: str,
    path: Callable[[Partnership], str],
    ceiling: int,
) -> None:
    counts = {}
    for size in ("small", "large"):
        partnership = deployment[size]
        client = deployment["clients"][partnership.slug]
        url = f"/p/{partnership.slug}/{path(partnership)}"
        counts[size] = _count(client, url)
        with django_assert_max_num_queries(ceiling):
            client.get(url)
    assert counts["small"] == counts["large"], f"{label}: {counts} queries (small vs 5× larger)"


def test_front_page_bounded(deployment: dict[str, Any], django_assert_max_num_queries: Any) -> None:
    """The service's front page (a one-partnership user is sent on to the partnership)."""
    client = deployment["clients"][deployment["large"].slug]
    client.get("/")
    with django_assert_max_num_queries(10):
        response = client.get("/")
    assert response.status_code == 302


def test_floor_view_is_not_a_service_url(client: Client) -> None:
    """The floor exists only in the bench's URLconf, never in the service's."""
    from django.urls import Resolver404, resolve

    with pytest.raises(Resolver404):
        resolve("/__bench__/floor/")


def test_front_page_for_many_partnerships_constant(django_assert_max_num_queries: Any) -> None:
    """A user of several partnerships gets the list of them: same queries for 2 as for 10."""
    from assurance.partnerships.models import Agency, Person

    partnerships = data.build_platform(partnerships=10, agencies=3, people=2, groups=1, start=10)
    user = get_user_model().objects.create_user("several@bench.example", "x", full_name="Sev")
    client = Client()
    client.force_login(user, backend="assurance.accounts.authentication.PasswordBackend")
    counts = []
    for joined in (partnerships[:2], partnerships[2:]):
        for p in joined:
            Person.unscoped.create(
                partnership=p,
                agency=Agency.objects_for(p).first(),
                user=user,
                full_name="Sev",
                email=user.email,
                is_viewer=True,
            )
        counts.append(_count(client, "/"))
        with django_assert_max_num_queries(6):
            client.get("/")
    assert counts[0] == counts[1], counts
