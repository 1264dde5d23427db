"""The hourly rate limit of the open forms anyone can send without signing in (the child's
feedback form, the practitioners' survey): the rule (pure) and the keyed digest of the network
a form came from, which is all that is kept of it.

Each form counts what it took in the current clock hour, from one network and through one
link; one more is refused once either count has reached its limit."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def over_hourly_limit(*, from_network: int, by_link: int, per_network: int, per_link: int) -> bool:
    """Whether one more form must be refused (the counts are of the forms taken this hour)."""
    return from_network >= per_network or by_link >= per_link


def client_digest(address: str) -> str:
    """A keyed digest of the address a form came from: enough to count, useless to a reader."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
