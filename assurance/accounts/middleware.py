"""Sign-out after inactivity, without writing the session on every request."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

RENEW_AFTER_SECONDS = 60  # at most; less when the idle time is short
RENEW_FRACTION = 10  # renew after a tenth of the idle time


def renew_after(idle_seconds: int) -> int:
    """How long after its last renewal an active session is renewed: a tenth of the idle time,
    and at most a minute. An active user is then never signed out (the session, renewed at
    most that long ago, has at least nine tenths of the idle time left), however short the idle
    time; with a minute's renewal and a one-minute idle time, they were."""
    return max(0, min(RENEW_AFTER_SECONDS, idle_seconds // RENEW_FRACTION))


class IdleSessionMiddleware:
    """Renew a signed-in session's expiry while the user is active, at most once a minute.

    The session lasts SESSION_COOKIE_AGE seconds from its last save; marking it modified every
    ``renew_after(SESSION_COOKIE_AGE)`` seconds while the user is active keeps it alive, so it
    ends after about that long without activity. Saving on every request
    (SESSION_SAVE_EVERY_REQUEST) would do the same at the cost of a database write per page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get("_seen", 0)
            if now - int(last) >= renew_after(settings.SESSION_COOKIE_AGE):
                request.session["_seen"] = now
        return self.get_response(request)
