"""Two-factor devices and API tokens for a user, and the limit on password-reset links."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from assurance.accounts.models import PasswordResetRequest, normalise_email

# At most this many password-reset requests an hour for one e-mail address, and from one client
# (an office behind one address may have several people who forgot theirs).
RESET_WINDOW = timedelta(hours=1)
RESET_LIMITS = {"email": 5, "client": 20}


def totp_device_pending(*, user: Any) -> TOTPDevice:
    """The user's unconfirmed authenticator, created when they start setting one up."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def totp_device_confirmed(*, user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return True


def totp_device_remove(*, user: Any) -> None:
    TOTPDevice.objects.filter(user=user).delete()


def api_token_create(*, user: Any) -> Token:
    """A new personal API token; any earlier token stops working."""
    with transaction.atomic():
        Token.objects.filter(user=user).delete()
        return Token.objects.create(user=user)


def api_token_revoke(*, user: Any) -> None:
    Token.objects.filter(user=user).delete()


def _reset_key(kind: str, value: str) -> str:
    return salted_hmac(f"assurance.password-reset.{kind}", value).hexdigest()


def password_reset_allowed(*, email: str, client: str | None) -> bool:
    """Record a request for a password-reset link; whether one may be sent. Over the limit for
    the address or for the client (``RESET_LIMITS`` an hour), no link is sent, but the page
    answers the same: it never tells whether an account exists, nor whether it was limited."""
    now = timezone.now()
    keys = {
        "email": _reset_key("email", normalise_email(email)),
        "client": _reset_key("client", client or "unknown"),
    }
    with transaction.atomic():
        PasswordResetRequest.objects.filter(requested_at__lt=now - RESET_WINDOW).delete()
        allowed = all(
            PasswordResetRequest.objects.filter(key=key).count() < RESET_LIMITS[kind]
            for kind, key in keys.items()
        )
        PasswordResetRequest.objects.bulk_create(
            PasswordResetRequest(key=key, requested_at=now) for key in keys.values()
        )
    return allowed
