"""Pages reached by an open link: no sign-in, the link's token the only key (ADR 045).

A child's feedback form and a practitioners' staff survey are both shared as an open link, on
paper as its QR code. Their pages follow one rule, kept here so that every open-link form keeps
it the same way:

* an unknown token is "not found" (404), whatever was sent;
* a link that exists but no longer takes answers shows a page that says so, to GET and POST
  alike, answered **410 Gone**: the link was right once and takes nothing any more, and a POST
  answered 410 cannot be mistaken for an answer received (nothing is stored);
* the link's full address (for the business unit's pages and the QR code) is built from the
  request, so it names the host people actually reach the service on.

Each capability says how to find its record by token, whether it is open and what its pages
show; nothing here knows of any app.
"""

from __future__ import annotations

import io
from typing import Any, Generic, TypeVar

import qrcode
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView

T = TypeVar("T")

# A closed link's page: gone, not an error of the visitor's (see the module's docstring)
CLOSED_STATUS = 410


def open_link_url(request: HttpRequest, url_name: str, token: str) -> str:
    """The open link's full address, as the business unit's pages and the QR code give it."""
    return request.build_absolute_uri(reverse(url_name, args=[token]))


def qr_code_response(url: str, *, filename: str) -> HttpResponse:
    """The QR code of ``url`` as a PNG, to print on a poster or a leaflet or show on a screen."""
    image = qrcode.make(url, box_size=10, border=4)
    buffer = io.BytesIO()
    image.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class OpenLinkPage(View, Generic[T]):
    """A page reached by an open link's token (``token`` in the URL), without signing in."""

    request: HttpRequest
    # Said by the 404 (never shown to the visitor as such: the service's own 404 page is)
    not_found = "No such link."

    def find(self, token: str) -> T | None:
        """The record the token names, open or closed, or None."""
        raise NotImplementedError

    def is_open(self, record: T) -> bool:
        """Whether the record's link still takes answers."""
        raise NotImplementedError

    def page_context(self) -> dict[str, Any]:
        """What every page of the link shows (the partnership's help, the organisation…)."""
        return {}

    @cached_property
    def record(self) -> T:
        record = self.find(str(self.kwargs["token"]))
        if record is None:
            raise Http404(self.not_found)
        return record


class OpenLinkFormView(OpenLinkPage[T], FormView):
    """The form behind an open link; once the link is closed, its closed page instead."""

    closed_template: str
    closed_title: str

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not self.is_open(self.record):
            return self.closed_response(request)
        return super().dispatch(request, *args, **kwargs)

    def closed_response(self, request: HttpRequest) -> HttpResponse:
        context = {**self.page_context(), "page_title": self.closed_title}
        return self.response_class(
            request=request,
            template=self.closed_template,
            context=context,
            status=CLOSED_STATUS,
        )
