"""The deployment's OpenID Connect provider, from its discovery document.

A deployment names its provider by the discovery URL (``OIDC_DISCOVERY_URL``); the endpoints and
the issuer come from the document, fetched when first needed and kept for an hour. The issuer it
states must be the one the URL belongs to (OpenID Connect Discovery, section 4.3), or
``OIDC_ISSUER`` when a deployment sets it: a document that names another issuer is refused.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings

DISCOVERY_SUFFIX = "/.well-known/openid-configuration"
KEEP_SECONDS = 3600
_cache: dict[str, tuple[float, Provider]] = {}


class ProviderError(Exception):
    """The provider's discovery document could not be read or is not usable."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str = ""


def configured() -> bool:
    """Whether this deployment offers sign-in with an organisation's account."""
    return bool(settings.OIDC_DISCOVERY_URL and settings.OIDC_RP_CLIENT_ID)


def expected_issuer() -> str:
    url: str = settings.OIDC_DISCOVERY_URL
    if settings.OIDC_ISSUER:
        return str(settings.OIDC_ISSUER)
    return url[: -len(DISCOVERY_SUFFIX)] if url.endswith(DISCOVERY_SUFFIX) else url


def parse(document: Any, issuer: str) -> Provider:
    """The provider a discovery document describes, checked against the expected issuer."""
    if not isinstance(document, dict):
        raise ProviderError("The discovery document is not a JSON object.")
    missing = [
        key
        for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not isinstance(document.get(key), str) or not document[key]
    ]
    if missing:
        raise ProviderError(f"The discovery document has no {', '.join(missing)}.")
    if document["issuer"].rstrip("/") != issuer.rstrip("/"):
        raise ProviderError(
            f"The discovery document names the issuer {document['issuer']!r}, not {issuer!r}."
        )
    return Provider(
        issuer=document["issuer"],
        authorization_endpoint=document["authorization_endpoint"],
        token_endpoint=document["token_endpoint"],
        jwks_uri=document["jwks_uri"],
        userinfo_endpoint=str(document.get("userinfo_endpoint") or ""),
    )


def provider() -> Provider:
    """The configured provider (its discovery document read at most once an hour)."""
    url: str = settings.OIDC_DISCOVERY_URL
    kept = _cache.get(url)
    if kept and kept[0] > time.monotonic():
        return kept[1]
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderError(f"The discovery document could not be read: {exc}") from exc
    found = parse(document, expected_issuer())
    _cache[url] = (time.monotonic() + KEEP_SECONDS, found)
    return found


ENDPOINT_SETTINGS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def setting(name: str, *default: Any) -> Any:
    """A mozilla-django-oidc setting: the provider's endpoints from its discovery document,
    everything else from the settings."""
    if name in ENDPOINT_SETTINGS:
        return getattr(provider(), ENDPOINT_SETTINGS[name])
    if default:
        return getattr(settings, name, default[0])
    return getattr(settings, name)
