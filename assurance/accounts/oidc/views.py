"""Sign-in with an organisation's account: the start (off to the provider) and the callback.

Both answer 404 where the deployment has not configured a provider. A refused sign-in goes back
to the sign-in page with a message that says why and what to do, never a bare error page.
"""

from __future__ import annotations

import logging
from typing import Any

import requests
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_otp import login as otp_login
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from assurance.accounts.oidc import provider as op
from assurance.accounts.oidc import services

logger = logging.getLogger("assurance.audit")

UNREACHABLE = (
    "We could not reach your organisation's sign-in service. Try again in a few minutes, or "
    "sign in with your e-mail address and password."
)
NOT_CONFIRMED = (
    "Your organisation's sign-in could not be confirmed, so you have not been signed in. Try "
    "again from this page."
)
CANCELLED = "You did not finish signing in with your organisation's account."


def _back_to_sign_in(request: HttpRequest, message: str) -> HttpResponse:
    messages.error(request, message)
    return redirect("accounts:login")


class OrganisationSignInStartView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(op.setting)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The endpoints are read in get(), not when the URL table is loaded.
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not op.configured():
            raise Http404("Sign-in with an organisation's account is not set up here.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = op.provider().authorization_endpoint
        except op.ProviderError as exc:
            logger.warning("Organisation sign-in unavailable: %s", exc)
            return _back_to_sign_in(request, UNREACHABLE)
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        response: HttpResponse = super().get(request)
        return response


class OrganisationSignInCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(op.setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not op.configured():
            raise Http404("Sign-in with an organisation's account is not set up here.")
        try:
            response: HttpResponse = super().get(request)
        except SuspiciousOperation as exc:
            logger.info("Organisation sign-in refused: %s", exc)
            return _back_to_sign_in(request, NOT_CONFIRMED)
        except (op.ProviderError, requests.RequestException) as exc:
            logger.warning("Organisation sign-in failed: %s", exc)
            return _back_to_sign_in(request, UNREACHABLE)
        return response

    def login_failure(self) -> HttpResponse:
        if self.request.GET.get("error"):
            return _back_to_sign_in(self.request, CANCELLED)
        reason = getattr(self.request, "oidc_refusal", "") or NOT_CONFIRMED
        return _back_to_sign_in(self.request, reason)

    def login_success(self) -> HttpResponse:
        response: HttpResponse = super().login_success()
        if getattr(self.request, "oidc_multi_factor", False):
            otp_login(self.request, services.organisation_device_for(user=self.user))
        return response
