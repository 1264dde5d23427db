"""Which partnership a request's address names, before the signed-in user is read."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from assurance.partnerships.access import requested_partnership

# The partnership pages' prefix, as ``assurance.urls.PARTNERSHIP`` (``p/<slug:…>/``) reads it
PARTNERSHIP_PAGE = re.compile(r"/p/([-a-zA-Z0-9_]+)/")


class RequestedPartnershipMiddleware:
    """Names the partnership of a partnership page's address (``/p/<slug>/…``) for the rest of
    the request, so that the signed-in user's read brings their person in it along
    (``access.requested_person_read``, ADR 055). Only a hint: the view still reads its actor
    by the slug the URL resolves to (``actor_for``), and one the hint did not bring is read
    on its own. Put it before the authentication middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        page = PARTNERSHIP_PAGE.match(request.path_info)
        token = requested_partnership.set(page.group(1) if page else None)
        try:
            return self.get_response(request)
        finally:
            requested_partnership.reset(token)
