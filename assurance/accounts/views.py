"""Sign in and out, password reset, two-factor sign-in and personal API tokens.

The form pages use core/form_page.html, with their words in the context (``heading``, ``lead``,
``submit_label``, ``cancel_url``) as on every other form page.
"""

from __future__ import annotations

from base64 import b32encode
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from rest_framework.authtoken.models import Token

from assurance.accounts import services
from assurance.accounts.forms import ResetForm, SignInForm, TokenForm
from assurance.accounts.oidc.provider import configured as organisation_sign_in_configured
from assurance.partnerships.access import two_factor_required


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True
    extra_context = {
        "lead": "Use the e-mail address your partnership's business unit registered for you.",
        "submit_label": "Sign in",
    }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Sign in to {settings.SERVICE_NAME}"
        if organisation_sign_in_configured():
            context["organisation_sign_in"] = settings.OIDC_BUTTON_LABEL
        return context


class SignOutView(auth_views.LogoutView):
    pass


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["has_device"] = services.totp_device_confirmed(user=user) is not None
        context["has_token"] = Token.objects.filter(user=user).exists()  # type: ignore[misc]
        context["new_token"] = self.request.session.pop("new_api_token", None)
        context["people"] = user.people.select_related(  # type: ignore[union-attr]
            "partnership", "agency"
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        action = request.POST.get("action")
        if action == "create_token":
            if two_factor_required(request.user) and not request.user.is_verified():  # type: ignore[union-attr]
                messages.error(request, "Sign in with two-factor first to create an API token.")
                return redirect(
                    f"{reverse('accounts:two_factor')}?next={reverse('accounts:account')}"
                )
            token = services.api_token_create(user=request.user)
            request.session["new_api_token"] = token.key
            messages.success(request, "A new API token has been created. Copy it now.")
        elif action == "revoke_token":
            services.api_token_revoke(user=request.user)
            messages.success(request, "Your API token has been revoked.")
        elif action == "remove_device":
            if not request.user.is_verified():  # type: ignore[union-attr]
                # Otherwise a password alone could remove the device and enrol another.
                messages.error(request, "Enter a code from your authenticator app first.")
                return redirect(
                    f"{reverse('accounts:two_factor')}?next={reverse('accounts:account')}"
                )
            services.totp_device_remove(user=request.user)
            messages.success(request, "Two-factor sign-in has been turned off for your account.")
        return redirect("accounts:account")


def _safe_next(request: HttpRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


class TwoFactorView(LoginRequiredMixin, FormView):
    """Verify a code from the user's authenticator app, or set one up if they have none."""

    form_class = TokenForm
    template_name = "accounts/two_factor.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["next"] = _safe_next(self.request)
        if services.totp_device_confirmed(user=self.request.user):
            context.update(
                heading="Enter your sign-in code",
                lead="Your partnership asks for a second check for your role. Open the "
                "authenticator app on your phone.",
                submit_label="Continue",
            )
        else:
            context.update(
                heading="Set up two-factor sign-in", submit_label="Turn on two-factor sign-in"
            )
            device = services.totp_device_pending(user=self.request.user)
            image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
            buffer = BytesIO()
            image.save(buffer)
            svg = buffer.getvalue().decode().split("?>", 1)[-1]
            context["qr_svg"] = mark_safe(svg)  # noqa: S308 - generated by qrcode, no user input
            secret = b32encode(device.bin_key).decode()
            context["secret"] = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        return context

    def form_valid(self, form: TokenForm) -> HttpResponse:
        user = self.request.user
        token = form.cleaned_data["token"]
        device = services.totp_device_confirmed(user=user)
        if device is None:
            device = services.totp_device_pending(user=user)
            if not services.totp_device_confirm(device=device, token=token):
                form.add_error("token", "The code is not right. Check your app and try again.")
                return self.form_invalid(form)
            messages.success(self.request, "Two-factor sign-in is now set up.")
        elif not device.verify_token(token):
            form.add_error("token", "The code is not right. Check your app and try again.")
            return self.form_invalid(form)
        otp_login(self.request, device)
        return redirect(_safe_next(self.request))


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "core/form_page.html"
    extra_context = {
        "heading": "Reset your password",
        "lead": "Enter your e-mail address. If it belongs to an account, we will send you a link "
        "to choose a new password.",
        "submit_label": "Send the link",
    }
    form_class = ResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = "/accounts/password-reset/sent/"

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        """Send the link unless the address or the client has asked too often; answer the
        same either way."""
        if services.password_reset_allowed(
            email=form.cleaned_data["email"], client=get_client_ip_address(self.request)
        ):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    extra_context = {
        "heading": "Choose a new password",
        "lead": "Use at least 12 characters. A few unrelated words make a good password.",
        "submit_label": "Save the password",
    }
    success_url = "/accounts/password-reset/complete/"


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "core/form_page.html"
    extra_context = {
        "heading": "Change your password",
        "submit_label": "Save the password",
        "cancel_url": reverse_lazy("accounts:account"),
    }
    success_url = "/accounts/"

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "Your password has been changed.")
        return super().form_valid(form)
