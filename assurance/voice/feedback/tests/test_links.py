"""The business unit makes an open link, prints its QR code, and closes it."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from assurance.partnerships.models import Person
from assurance.voice.feedback.models import FeedbackLink

pytestmark = pytest.mark.django_db


def test_the_business_unit_makes_a_link_and_gets_its_qr_code(amira: Person) -> None:
    client = Client()
    client.force_login(amira.user)
    response = client.post(
        reverse("voice:link_create", args=["northfield"]),
        {"title": "Youth forum: what should change?", "service": ""},
    )
    link = FeedbackLink.objects_for(amira.partnership).get()
    assert response["Location"] == reverse("voice:link_detail", args=["northfield", link.pk])
    assert len(link.token) >= 20 and link.is_open
    page = client.get(response["Location"]).content.decode()
    form_url = "http://testserver" + reverse("say:feedback_form", args=[link.token])
    assert form_url in page
    qr = client.get(reverse("voice:link_qr", args=["northfield", link.pk]))
    assert qr["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(qr.content))
    assert image.size[0] == image.size[1] > 200


def test_closing_a_link_is_recorded(amira: Person, link: FeedbackLink) -> None:
    client = Client()
    client.force_login(amira.user)
    response = client.post(
        reverse("voice:link_update", args=["northfield", link.pk]),
        {"title": link.title, "service": "", "is_open": ""},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert not link.is_open
    assert link.history.count() == 2


def test_a_link_needs_what_it_is_for(amira: Person) -> None:
    client = Client()
    client.force_login(amira.user)
    response = client.post(reverse("voice:link_create", args=["northfield"]), {"title": ""})
    assert "Enter what the link is for" in response.content.decode()
