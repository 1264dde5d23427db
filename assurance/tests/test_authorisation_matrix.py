"""The authorisation matrix: every URL pattern, requested as every demo role and anonymously.

If this fails after adding a URL, the view is wrong or the matrix is incomplete. Each app keeps
its rows in ``assurance/<app>/tests/authorisation.py`` (``EXPECTED``, and ``LOOKUPS`` for the
URL arguments); the vocabulary is in ``assurance/core/tests/matrix.py`` and the walk of the URL
table in ``url_table.py``. A URL name that no app lists fails the test, so nothing new can ship
unprotected; a row for a URL that no longer exists fails it too.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import resolve_url
from django.test import Client

from assurance.core.tests.matrix import (
    ALLOW,
    ANONYMOUS,
    DENY,
    GONE,
    HIDDEN,
    LOGIN,
    NOT_ALLOWED,
    REDIRECT,
    ROLES,
    SOUTHVALE,
    UNAUTHENTICATED,
)
from assurance.tests.url_table import all_patterns, matrix, url_for


def test_every_url_is_in_the_matrix() -> None:
    """If this fails after adding a URL, the view is wrong or the matrix is incomplete:
    add the URL name to ``EXPECTED`` in ``assurance/<app>/tests/authorisation.py``."""
    expected, _lookups, clashes = matrix()
    names = {pattern.name for pattern in all_patterns()}
    missing = sorted(names - set(expected))
    stale = sorted(set(expected) - names)
    assert not clashes, f"Claimed twice in the matrix: {clashes}"
    assert not missing, (
        "URLs missing from the authorisation matrix (give each a name and a row in "
        f"assurance/<app>/tests/authorisation.py): {missing}"
    )
    assert not stale, f"Matrix rows for URLs that no longer exist: {stale}"


def test_every_row_covers_every_role_and_argument() -> None:
    expected, lookups, _ = matrix()
    for pattern in all_patterns():
        row = expected.get(pattern.name)
        if row is None:
            continue  # reported by test_every_url_is_in_the_matrix
        assert set(row.outcomes) == set(ROLES), pattern.name
        for argument in pattern.arguments:
            lookup = row.kwargs.get(argument, argument)
            assert lookup in lookups, (
                f"{pattern.name}: no lookup {lookup!r} for its argument {argument!r}; "
                "add one to LOOKUPS or name one in the row's kwargs"
            )


REFUSED = {DENY, HIDDEN, LOGIN, UNAUTHENTICATED}


def _matches(outcome: str, response: Any) -> bool:
    status = response.status_code
    location = response.headers.get("Location", "")
    sign_in = resolve_url(settings.LOGIN_URL)
    return {
        ALLOW: status == 200,
        DENY: status == 403,
        HIDDEN: status == 404,
        LOGIN: status == 302 and location.startswith(sign_in),
        REDIRECT: status == 302 and not location.startswith(sign_in),
        UNAUTHENTICATED: status in (401, 403),
        NOT_ALLOWED: status == 405,
        GONE: status == 410,
    }[outcome]


def _client(role: str) -> Client:
    users = get_user_model().objects
    client = Client(raise_request_exception=False)
    if role == SOUTHVALE:
        client.force_login(users.get(email="business-unit@southvale.example"))
    elif role != ANONYMOUS:
        client.force_login(users.get(email=f"{role}@northfield.example"))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_every_url_as_every_role(demo: None, role: str) -> None:
    """GET every URL as each role (one test per role, so that the roles share the workers);
    every outcome must be the one the matrix states, and a role refused a page is refused a
    POST to it too.

    If this fails after adding a URL, the view is wrong or the matrix is incomplete.
    """
    expected, lookups, _ = matrix()
    client = _client(role)
    wrong: list[str] = []
    checked = 0
    for pattern in sorted(all_patterns(), key=lambda p: p.name):
        row = expected.get(pattern.name)
        if row is None:
            continue  # reported by test_every_url_is_in_the_matrix
        try:
            url = url_for(pattern, expected, lookups)
        except Exception as exc:
            wrong.append(f"{pattern.name}: cannot build its URL from the demo data: {exc!r}")
            continue
        response = client.get(url)
        checked += 1
        outcome = row.outcomes[role]
        if not _matches(outcome, response):
            where = response.headers.get("Location", "")
            wrong.append(
                f"{pattern.name} {url} as {role}: expected {outcome}, "
                f"got {response.status_code} {where}".rstrip()
            )
        if outcome in REFUSED:
            # Whoever may not read a page may not post to it either (405: the page takes no
            # POST at all, so nothing can be written through it).
            response = client.post(url, {})
            checked += 1
            if not _matches(outcome, response) and response.status_code != 405:
                wrong.append(
                    f"POST {pattern.name} {url} as {role}: expected {outcome}, "
                    f"got {response.status_code}"
                )
    assert checked >= 40, f"only {checked} requests: is the matrix walking?"
    assert not wrong, (
        f"{len(wrong)} of {checked} requests did not match the authorisation matrix "
        "(the view is wrong or the matrix is):\n" + "\n".join(wrong)
    )


def test_api_token_is_scoped_like_the_session(tamsin: Any, northfield: Any) -> None:
    """A personal API token gets exactly what its owner's roles give, no more."""
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=tamsin.user)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/partnerships/southvale/agencies/").status_code == 200
    assert client.get("/api/v1/partnerships/northfield/agencies/").status_code == 404
    slugs = [p["slug"] for p in client.get("/api/v1/partnerships/").json()]
    assert slugs == ["southvale"]


def test_every_partnership_page_declares_a_known_permission() -> None:
    """Each view under /p/<slug>/ goes through PartnershipViewMixin (or the API mixin) with a
    permission from core.permissions, so the role check cannot be forgotten."""
    from assurance.core.permissions import PERMISSIONS
    from assurance.partnerships.api import PartnershipAPIMixin
    from assurance.partnerships.viewmixins import PartnershipViewMixin

    problems = []
    for pattern in all_patterns():
        if "partnership_slug" not in pattern.arguments:
            continue
        cls = getattr(pattern.view, "view_class", None) or getattr(pattern.view, "cls", None)
        if cls is None or not issubclass(cls, PartnershipViewMixin | PartnershipAPIMixin):
            problems.append(f"{pattern.name}: {cls} does not use the partnership mixins")
        elif cls.permission not in PERMISSIONS:
            problems.append(f"{pattern.name}: unknown permission {cls.permission!r}")
    assert not problems, "\n".join(problems)
