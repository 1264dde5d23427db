"""The signed-in user of a partnership's page is read with their person there, in one query,
for the page's actor to take once (ADR 055)."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from assurance.accounts.authentication import signed_in_user
from assurance.partnerships.access import actor_for, requested_partnership
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db


def _user_read_on(slug: str | None, person: Person) -> Any:
    """The user as a request whose address names ``slug`` reads them (ADR 055)."""
    token = requested_partnership.set(slug)
    try:
        return signed_in_user(person.user_id)
    finally:
        requested_partnership.reset(token)


def test_the_actor_of_the_partnership_the_address_names_is_read_with_the_user(
    amira: Person, django_assert_num_queries: Any
) -> None:
    user = _user_read_on("northfield", amira)
    with django_assert_num_queries(0):  # read with the user
        actor = actor_for(user, "northfield")
    assert actor.person == amira and actor.roles == amira.roles
    assert actor.partnership.slug == "northfield" and actor.agency == amira.agency
    with django_assert_num_queries(1):  # taken once: asked again, read again
        assert actor_for(user, "northfield").person == amira


def test_an_actor_the_address_did_not_name_is_read_on_its_own(
    amira: Person, southvale: Tenant, django_assert_num_queries: Any
) -> None:
    for slug in ("southvale", None):
        user = _user_read_on(slug, amira)
        with django_assert_num_queries(1):
            assert actor_for(user, "northfield").person == amira
    # a user who is nobody in the partnership the address names is still refused there
    user = _user_read_on("southvale", amira)
    with pytest.raises(Http404):
        actor_for(user, "southvale")
