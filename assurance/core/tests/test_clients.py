"""The keyed digest of a request's address (``core.clients.client_digest``)."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from django.test import override_settings

from assurance.core.clients import client_digest


@pytest.mark.parametrize(
    ("address", "other"),
    [("192.0.2.10", "192.0.2.11"), ("2001:db8::1", "2001:db8::2")],
)
def test_the_same_address_gives_the_same_digest_and_never_the_address(address, other):
    digest = client_digest(address)
    assert digest == client_digest(address) != client_digest(other)
    assert address not in digest and len(digest) == 64


@override_settings(SECRET_KEY="k" * 50)
def test_it_is_keyed_with_the_secret_key():
    expected = hmac.new(b"k" * 50, b"192.0.2.10", hashlib.sha256).hexdigest()
    assert client_digest("192.0.2.10") == expected
    assert client_digest("192.0.2.10") != hashlib.sha256(b"192.0.2.10").hexdigest()


def test_no_address_gives_no_digest():
    assert client_digest("") == ""
