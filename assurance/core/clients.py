"""Who a request came from, kept without keeping it: the public forms (training's booking form,
voice's feedback forms) count requests per network to limit them, and store only a keyed digest
of the address."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def client_digest(address: str) -> str:
    """A keyed digest (HMAC-SHA256 with the secret key) of the address a request came from:
    the same address always gives the same digest, so requests can be counted, and no one who
    reads the table can tell the address. No address gives an empty digest."""
    if not address:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()
