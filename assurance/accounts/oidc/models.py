"""The organisation's own multi-factor check, as a django-otp device.

When the provider asserts multi-factor sign-in (``amr``), the session is marked verified with
this device, so every check of two-factor sign-in (pages, the API, the account page) treats it
as a code entered here. It verifies no codes itself.
"""

from __future__ import annotations

from typing import Any

from django_otp.models import Device


class OrganisationSignInDevice(Device):
    """Stands for the organisation's multi-factor sign-in; one per user, made at their first
    such sign-in."""

    class Meta:
        verbose_name = "organisation multi-factor sign-in"

    def verify_token(self, token: Any) -> bool:
        return False
