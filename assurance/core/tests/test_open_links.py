"""The open-link page base (ADR 045): found by token or 404, a closed link's page to GET and POST
alike answered 410, the form only while the link is open, the full link for the QR code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.http import Http404
from django.test import RequestFactory

from assurance.core.open_links import (
    CLOSED_STATUS,
    OpenLinkFormView,
    open_link_url,
    qr_code_response,
)


@dataclass
class Link:
    token: str
    open: bool
    name: str


LINKS = {"open-one": Link("open-one", True, "Open"), "shut-one": Link("shut-one", False, "Shut")}


class NameForm(forms.Form):
    name = forms.CharField()


class LinkFormView(OpenLinkFormView[Link]):
    template_name = "form.html"
    form_class = NameForm
    closed_template = "closed.html"
    closed_title = "This form is closed"
    received: list[str] = []

    def find(self, token: str) -> Link | None:
        return LINKS.get(token)

    def is_open(self, record: Link) -> bool:
        return record.open

    def page_context(self) -> dict[str, Any]:
        return {"link": self.record}

    def form_valid(self, form: Any) -> Any:
        self.received.append(form.cleaned_data["name"])
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return "/thanks/"


def _call(method: str, token: str, data: dict[str, str] | None = None) -> Any:
    request = getattr(RequestFactory(), method)(f"/say/{token}/", data or {})
    return LinkFormView.as_view()(request, token=token)


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_token_is_not_found(method: str) -> None:
    with pytest.raises(Http404):
        _call(method, "no-such-link", {"name": "A"})


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_closed_link_shows_its_closed_page_gone_and_takes_nothing(method: str) -> None:
    LinkFormView.received = []
    response = _call(method, "shut-one", {"name": "A"})
    assert response.status_code == CLOSED_STATUS == 410
    assert response.template_name == "closed.html"
    assert response.context_data == {"link": LINKS["shut-one"], "page_title": "This form is closed"}
    assert LinkFormView.received == []


def test_an_open_link_takes_its_form() -> None:
    LinkFormView.received = []
    shown = _call("get", "open-one")
    assert shown.status_code == 200
    assert shown.template_name == ["form.html"]
    sent = _call("post", "open-one", {"name": "A"})
    assert (sent.status_code, sent["Location"]) == (302, "/thanks/")
    assert LinkFormView.received == ["A"]


def test_the_full_link_and_its_qr_code(rf: RequestFactory, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["assurance.example"]
    request = rf.get("/", HTTP_HOST="assurance.example", secure=True)
    url = open_link_url(request, "say:feedback_form", "abc")
    assert url == "https://assurance.example/say/abc/"
    response = qr_code_response(url, filename="form-link-1-qr.png")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="form-link-1-qr.png"'
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
