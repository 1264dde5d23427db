"""The test provider, configured as this deployment's organisation sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from assurance.accounts.oidc.tests.provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    LoopbackProvider,
    running_provider,
)


@pytest.fixture
def provider(settings: Any) -> Iterator[LoopbackProvider]:
    """An OpenID Connect provider on loopback, set up as Entra ID would be in production."""
    with running_provider() as op:
        settings.OIDC_DISCOVERY_URL = op.discovery_url
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_BUTTON_LABEL = "Sign in with Northfield Council"
        yield op
