"""How a request says who it is: the username django-axes counts failed sign-ins against."""

from __future__ import annotations

from typing import Any

from assurance.accounts.models import normalise_email


def axes_username(request: Any, credentials: dict[str, Any] | None = None) -> str:
    """The e-mail address a sign-in attempt is for, normalised as accounts are found
    (``AXES_USERNAME_CALLABLE``): without it, ``JO@X.EXAMPLE`` signed in past a lockout of
    ``jo@x.example`` and failures in varying case were never counted together."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = getattr(request, "POST", {}).get("username")
    return normalise_email(raw)
