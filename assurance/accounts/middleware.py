"""Sign-out after inactivity, without writing the session on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

RENEW_AFTER_SECONDS = 60


class IdleSessionMiddleware:
    """Renew a signed-in session's expiry at most once a minute.

    The session lasts SESSION_COOKIE_AGE seconds from its last save; marking it modified once
    a minute while the user is active keeps it alive, so it ends after that long without
    activity (to within a minute). Saving on every request (SESSION_SAVE_EVERY_REQUEST) would
    do the same at the cost of a database write per page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get("_seen", 0)
            if now - int(last) >= RENEW_AFTER_SECONDS:
                request.session["_seen"] = now
        return self.get_response(request)
