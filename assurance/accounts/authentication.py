"""How a request says who it is: the username django-axes counts failed sign-ins against, and
the JSON API's two ways in (the session, or a personal token)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import models, router
from drf_spectacular.authentication import SessionScheme as SpectacularSessionScheme
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from assurance.accounts.models import normalise_email
from assurance.core import compiled
from assurance.partnerships import access


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


def _user_fields() -> list[str]:
    return [field.attname for field in get_user_model()._meta.concrete_fields]


def _user_query(values: Mapping[str, Any]) -> models.QuerySet[Any]:
    return get_user_model()._default_manager.filter(pk=values["user"]).values_list(*_user_fields())


def signed_in_user(user_id: Any) -> Any:
    """The user of a signed-in session, read afresh on every request (a deactivated account or
    a changed password shows on the next page), by one query compiled once per process
    (``core.compiled``, ADR 033) where Django builds and compiles an ORM query each time.
    On a partnership's page, with their person there, in the same query, for the page's actor
    (``access.user_with_requested_person``, ADR 055).
    ``None`` if there is no such user or they may no longer sign in."""
    user_model = get_user_model()
    try:
        pk = int(user_id)
    except (TypeError, ValueError):
        return None
    user = access.user_with_requested_person(pk)
    if user is None:
        using = router.db_for_read(user_model)
        template = compiled.kept(f"{__name__}.user", _user_query, ints=("user",), using=using)
        rows = template.rows({"user": pk}, using=using)
        if not rows:
            return None
        user = user_model.from_db(using, _user_fields(), rows[0])
    return user if getattr(user, "is_active", True) else None


class PasswordBackend(ModelBackend):
    """Sign-in with an e-mail address and password (Django's model backend); the user of each
    signed-in request is read by ``signed_in_user``."""

    def get_user(self, user_id: Any) -> Any:
        return signed_in_user(user_id)


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
