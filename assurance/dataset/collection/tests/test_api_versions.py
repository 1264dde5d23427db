"""The collection API does not overwrite a change it has not seen (ADR 012).

Helen's police system reads the round's values (GET, with an ETag) and sends its own later with
``If-Match``. If someone changed the police values meanwhile (here on the web form), the API
answers 412 in JSON, names who changed them, and saves nothing; with the new ETag it saves.
A client that sends no If-Match keeps working as before.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from assurance.dataset.collection.models import IndicatorValue
from assurance.dataset.collection.tests.factories import CollectionRoundFactory


@pytest.fixture
def round(northfield, catalogue):
    return CollectionRoundFactory(
        partnership=northfield.partnership,
        start=date(2026, 4, 1),
        due_on=timezone.localdate() + timedelta(days=10),
    )


def _missing(round) -> str | None:
    row = IndicatorValue.unscoped.filter(round=round, indicator__code="POL-MISSING").first()
    return None if row is None else str(int(row.numerator))


def _send(api: Client, url: str, numerator: str, **headers: str):
    return api.post(
        url,
        {"values": [{"indicator": "POL-MISSING", "numerator": numerator}]},
        content_type="application/json",
        headers=headers,
    )


def test_a_stale_if_match_is_refused_with_412_and_saves_nothing(round, helen, client_for):
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    url = f"/api/v1/collection/rounds/{round.pk}/values"
    read = api.get(url)
    assert read.status_code == 200
    etag = read.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')

    web = client_for(helen)  # meanwhile, on the web form
    page = f"/p/northfield/data-set/collection/{round.pk}/values/"
    assert web.post(page, {"POL-MISSING-numerator": "84"}).status_code == 302

    refused = _send(api, url, "91", **{"If-Match": etag})
    assert refused.status_code == 412
    body = refused.json()
    assert body["changed_by"] == "Helen Stroud"
    assert "nothing has been saved" in body["detail"]
    assert _missing(round) == "84"

    fresh = api.get(url).headers["ETag"]
    assert fresh != etag and refused.headers["ETag"] == fresh
    saved = _send(api, url, "91", **{"If-Match": fresh})
    assert saved.status_code == 200
    assert _missing(round) == "91"
    assert saved.headers["ETag"] != fresh  # the next save names this version


def test_without_if_match_or_with_a_star_the_values_are_saved_as_before(round, helen):
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    url = f"/api/v1/collection/rounds/{round.pk}/values"
    assert _send(api, url, "84").status_code == 200
    assert _send(api, url, "85", **{"If-Match": "*"}).status_code == 200
    assert _missing(round) == "85"


def test_more_than_one_etag_is_a_clear_400(round, helen):
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    url = f"/api/v1/collection/rounds/{round.pk}/values"
    response = _send(api, url, "84", **{"If-Match": '"a", "b"'})
    assert response.status_code == 400
    assert "one ETag" in response.json()["detail"]
    assert _missing(round) is None
