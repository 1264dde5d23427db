"""Writes of sign-in with an organisation's account."""

from __future__ import annotations

from typing import Any

from assurance.accounts.oidc.models import OrganisationSignInDevice


def organisation_device_for(*, user: Any) -> OrganisationSignInDevice:
    """The device that marks a session verified by the organisation's multi-factor sign-in."""
    device, _ = OrganisationSignInDevice.objects.get_or_create(
        user=user, defaults={"name": "Organisation's multi-factor sign-in", "confirmed": True}
    )
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return device
