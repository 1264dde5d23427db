"""Data-set commentary is published with the figures: commentary that looks like a child's
identifier is refused by the one set of collection rules, so by the web form and the API alike
(the workbook too), and nothing is stored."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from assurance.dataset.collection.models import IndicatorValue
from assurance.dataset.collection.tests.factories import CollectionRoundFactory

pytestmark = pytest.mark.django_db

COMMENTARY = "One child, born 12/03/2015, went missing repeatedly."


@pytest.fixture
def open_round(northfield, catalogue):
    return CollectionRoundFactory(
        partnership=northfield.partnership, due_on=timezone.localdate() + timedelta(days=10)
    )


def test_the_web_form_refuses_it(open_round, helen, client_for) -> None:
    response = client_for(helen).post(
        f"/p/northfield/data-set/collection/{open_round.pk}/values/",
        {"POL-MISSING-numerator": "84", "POL-MISSING-commentary": COMMENTARY},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "POL-MISSING (Missing" in html
    assert "the commentary looks like it contains a date of birth (“12/03/2015”)" in html
    assert 'href="#id_POL-MISSING-commentary"' in html
    assert not IndicatorValue.objects_for(helen.partnership).exists()


def test_the_api_refuses_it(open_round, helen) -> None:
    api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=helen.user).key}")
    response = api.post(
        f"/api/v1/collection/rounds/{open_round.pk}/values",
        {"values": [{"indicator": "POL-MISSING", "numerator": "84", "commentary": COMMENTARY}]},
        content_type="application/json",
    )
    assert response.status_code == 400
    [problem] = response.json()["problems"]
    assert (problem["indicator"], problem["field"]) == ("POL-MISSING", "commentary")
    assert "a date of birth" in problem["message"]
    assert not IndicatorValue.objects_for(helen.partnership).exists()
