"""The JSON API answers every error in JSON, and hostile request bodies are 4xx, never a 500.

An API client parses what it gets: an HTML error page under /api/v1/ (a 404 for a mistyped URL,
the 500 page) breaks it, and JSON nested 100,000 levels deep used to stop Python's decoder with
a RecursionError, a server error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from assurance.core.json_api import MAX_JSON_DEPTH, json_depth
from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.collection.models import IndicatorValue
from assurance.dataset.collection.tests.factories import CollectionRoundFactory
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.tests.test_security import INTERNALS


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("", 0),
        ("3", 0),
        ("[]", 1),
        ('{"values": [{"indicator": "A", "numerator": "1"}]}', 3),
        ('["[[[[", "{{{{"]', 1),  # brackets inside strings do not count
        ('["a \\" [[[[ b"]', 1),  # nor after an escaped quote
        ('"[[[[', 0),  # a string never closed runs to the end
        ("[" * 100_000 + "]" * 100_000, MAX_JSON_DEPTH + 1),  # counting stops past the limit
        ("[[]][[[]]]", 3),
    ],
)
def test_json_depth(text: str, depth: int) -> None:
    assert json_depth(text) == depth


def _json(response: Any) -> dict[str, Any]:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body: dict[str, Any] = response.json()
    text = response.content.decode()
    for secret in INTERNALS:
        assert secret not in text
    return body


@pytest.fixture
def values_url(northfield: Tenant, helen: Person) -> tuple[Client, str]:
    """Helen's token client and the values of an open round (POSTing parses the body)."""
    catalogue_load()
    round = CollectionRoundFactory(partnership=northfield.partnership, status="open")
    token = Token.objects.create(user=helen.user)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}", raise_request_exception=False)
    return client, f"/api/v1/collection/rounds/{round.pk}/values"


def test_json_nested_100000_levels_deep_is_a_400(values_url: tuple[Client, str]) -> None:
    client, url = values_url
    body = '{"values": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert _json(response) == {
        "detail": f"JSON parse error - the JSON is nested more than {MAX_JSON_DEPTH} levels deep."
    }
    assert not IndicatorValue.unscoped.exists()


def test_a_body_larger_than_the_upload_limit_is_a_413(
    values_url: tuple[Client, str], settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client, url = values_url
    response = client.post(url, '{"values": ["' + "x" * 2000 + '"]}', "application/json")
    assert response.status_code == 413
    assert _json(response) == {"detail": "The request body is larger than 1,000 bytes."}


def test_json_that_is_not_json_is_still_a_400(values_url: tuple[Client, str]) -> None:
    client, url = values_url
    response = client.post(url, '{"values": [', content_type="application/json")
    assert response.status_code == 400
    assert _json(response)["detail"].startswith("JSON parse error - ")


def test_a_well_formed_submission_still_saves(values_url: tuple[Client, str]) -> None:
    client, url = values_url
    values = {"values": [{"indicator": "POL-MISSING", "numerator": "84"}]}
    response = client.post(url, values, content_type="application/json")
    assert response.status_code == 200, response.content
    assert IndicatorValue.unscoped.count() == 1


@pytest.mark.parametrize("path", ["/api/v1/no-such-endpoint/", "/api/v1/audits/x/findings"])
def test_an_unknown_api_url_is_a_json_404(
    path: str, settings: Any, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    settings.DEBUG = False
    response = client_for(amira).get(path)
    assert response.status_code == 404
    assert _json(response) == {"detail": "Not found."}


def test_a_page_404_is_still_a_page(settings: Any, db: None) -> None:
    settings.DEBUG = False
    response = Client().get("/no/such/page/")
    assert response.status_code == 404 and "govuk-template" in response.content.decode()


def test_api_403s_are_json(
    settings: Any, southvale: Tenant, dev: Person, client_for: Callable[[Any], Client]
) -> None:
    settings.DEBUG = False
    anonymous = Client().get("/api/v1/partnerships/")
    assert anonymous.status_code in (401, 403) and "detail" in _json(anonymous)
    other = client_for(dev).get("/api/v1/partnerships/southvale/agencies/")
    assert other.status_code == 404 and "detail" in _json(other)


@pytest.mark.urls("assurance.tests.urls_raising")
@pytest.mark.parametrize("path", ["/api/v1/__fail__/", "/api/v1/__fail_plain__/"])
def test_an_api_500_is_json_without_internals(path: str, settings: Any, db: None) -> None:
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 500
    assert _json(response) == {"detail": "A server error occurred."}
