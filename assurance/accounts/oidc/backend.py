"""The authentication backend for sign-in with an organisation's account (OpenID Connect).

Built on mozilla-django-oidc's backend, with what a safeguarding service needs on top:

* endpoints from the provider's discovery document, read only when someone signs in this way
  (a password sign-in or a page load never reaches the provider);
* the ID token checked for its signature (RS256, the provider's published keys), issuer,
  audience, expiry and nonce; a failed check is a refusal, never a sign-in;
* the person found by the *verified* e-mail address, in any case; nobody is created: a person
  the business unit has not added cannot sign in this way;
* the claims read from the ID token itself (where ``amr`` is), not the userinfo endpoint.

A refusal's reason is left on the request (``oidc_refusal``) for the callback page to show.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from assurance.accounts.authentication import signed_in_user
from assurance.accounts.oidc import claims as rules
from assurance.accounts.oidc import provider as op

logger = logging.getLogger("assurance.audit")

UNKNOWN_PERSON = (
    "There is no account for {email} in this service. Ask your partnership's business unit to "
    "add you, using this e-mail address."
)


class OrganisationAccountBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(op.setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The endpoints are read in authenticate(), when someone signs in this way.
        self.UserModel = get_user_model()

    def authenticate(  # type: ignore[override]
        self,
        request: Any,
        nonce: str | None = None,
        code_verifier: str | None = None,
        **credentials: Any,
    ) -> Any:
        """Only the callback page signs in this way: it alone passes the ``nonce``."""
        if request is None or nonce is None or credentials or not op.configured():
            return None
        super().__init__()
        user = super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        if user is not None and not self.user_can_authenticate(user):
            return None
        return user

    def _verify_jws(self, payload: Any, key: Any) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(payload)
            if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
                raise jwt.InvalidAlgorithmError(f"the token is signed with {header.get('alg')!r}")
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=op.provider().issuer,
                leeway=60,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"The ID token was refused: {exc}") from exc

    def get_userinfo(self, access_token: Any, id_token: Any, payload: Any) -> dict[str, Any]:
        """The ID token's claims, already checked: they carry ``amr`` and the e-mail's
        verification."""
        return dict(payload)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        reason = rules.refusal(claims)
        if reason:
            self._refuse(reason, "claims refused")
        self.request.oidc_multi_factor = rules.asserts_multi_factor(
            claims, self.get_settings("OIDC_MFA_AMR_VALUES", ["mfa"])
        )
        return not reason

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = rules.verified_email(claims)
        if not email:
            return self.UserModel.objects.none()
        users = self.UserModel.objects.filter(email__iexact=email, is_active=True)
        if not users:
            self._refuse(UNKNOWN_PERSON.format(email=email), "no such person")
        return users

    def create_user(self, claims: dict[str, Any]) -> Any:
        """Never: only people the business unit has added may sign in (OIDC_CREATE_USER is
        off; this refuses even if it were turned on)."""
        raise SuspiciousOperation("Sign-in with an organisation's account creates no accounts.")

    def get_user(self, user_id: Any) -> Any:
        return signed_in_user(user_id)

    def _refuse(self, reason: str, why: str) -> None:
        self.request.oidc_refusal = reason
        logger.info("Organisation sign-in refused: %s", why)
