"""How a request says who it is: the username django-axes counts failed sign-ins against, and
the JSON API's two ways in (the session, or a personal token)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.authentication import SessionScheme as SpectacularSessionScheme
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from assurance.accounts.models import normalise_email


def axes_username(request: Any, credentials: dict[str, Any] | None = None) -> str:
    """The e-mail address a sign-in attempt is for, normalised as accounts are found
    (``AXES_USERNAME_CALLABLE``): without it, ``JO@X.EXAMPLE`` signed in past a lockout of
    ``jo@x.example`` and failures in varying case were never counted together."""
    raw = (credentials or {}).get("username")
    if raw is None and request is not None:
        raw = getattr(request, "POST", {}).get("username")
    return normalise_email(raw)


def axes_never_counted(request: Any, credentials: dict[str, Any] | None = None) -> bool:
    """Whether a sign-in attempt is outside django-axes' count (``AXES_WHITELIST_CALLABLE``):
    sign-in with an organisation's account, which passes a ``nonce`` and no password. No
    password can be guessed through it (the provider counts its own failures, and each code
    works once, in the browser that asked for it), and counting its refusals locked out every
    colleague behind one office address once a few who had not been added had tried it."""
    return "nonce" in (credentials or {}) and "password" not in (credentials or {})


class TokenAuthentication(authentication.TokenAuthentication):
    """A personal API token (``Authorization: Token <key>``), refused once the password has been
    changed since it was made, as a password change ends the other sessions.

    Whether a token may stand in for two-factor sign-in is the partnership's question: see
    ``partnerships.api.partnership_actor``.
    """

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        user, token = super().authenticate_credentials(key)
        changed = getattr(user, "password_changed_at", None)
        if changed is not None and token.created < changed:
            raise exceptions.AuthenticationFailed(
                "This token was made before your password was changed. Make a new one on "
                "your account page."
            )
        return user, token


class SessionAuthentication(authentication.SessionAuthentication):
    """The signed-in session, as DRF's. A request with neither a session nor a token is answered
    401 with ``WWW-Authenticate: Token`` (DRF answers 403 when the first way in, the session, has
    no challenge to give)."""

    def authenticate_header(self, request: Request) -> str:
        return TokenAuthentication.keyword


class SessionScheme(SpectacularSessionScheme):
    """The OpenAPI description of the session (cookieAuth), for our subclass too."""

    target_class = "assurance.accounts.authentication.SessionAuthentication"
