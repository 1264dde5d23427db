"""What an organisation's sign-in says about the person (pure rules, no database).

An ID token's claims name an e-mail address; it is trusted only when the provider says it has
verified it: ``email_verified`` (OpenID Connect Core) or, for Microsoft Entra ID, which does not
send that claim, ``xms_edov`` (the e-mail's domain is verified by the tenant that owns it). A
sign-in counts as two-factor when the provider's ``amr`` (authentication methods, RFC 8176)
names a multi-factor method: ``mfa`` unless the deployment says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from assurance.accounts.models import normalise_email

VERIFIED_CLAIMS = ("email_verified", "xms_edov")


def _true(value: Any) -> bool:
    """A claim that says yes: ``true``, or the string ``"true"`` some providers send."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def verified_email(claims: Mapping[str, Any]) -> str:
    """The e-mail address the claims name, normalised as accounts are found; "" when there is
    none or the provider has not verified it."""
    email = normalise_email(claims.get("email"))
    if not email or "@" not in email:
        return ""
    if not any(_true(claims.get(name)) for name in VERIFIED_CLAIMS):
        return ""
    return email


def refusal(claims: Mapping[str, Any]) -> str:
    """Why these claims cannot sign anyone in ("" when they can, so far as the claims go)."""
    if not normalise_email(claims.get("email")):
        return (
            "Your organisation's account did not give us your e-mail address, so we cannot tell "
            "who you are. Ask your IT team to release the e-mail claim to this service, or sign "
            "in with your e-mail address and password."
        )
    if not verified_email(claims):
        return (
            "Your organisation's account has not confirmed that the e-mail address is yours, so "
            "we cannot sign you in with it. Sign in with your e-mail address and password, or "
            "ask your IT team to verify the address."
        )
    return ""


def asserts_multi_factor(claims: Mapping[str, Any], accepted: Iterable[str]) -> bool:
    """Whether the provider says the person signed in with more than one factor: one of the
    ``accepted`` values is among the ``amr`` claim's methods."""
    methods = claims.get("amr")
    if isinstance(methods, str):
        methods = [methods]
    if not isinstance(methods, list):
        return False
    wanted = {value.strip().lower() for value in accepted if value.strip()}
    return any(isinstance(m, str) and m.strip().lower() in wanted for m in methods)
