"""Work kept in the cache under everything it comes from (ADR 032): a key made of all its
inputs is never out of date, so nothing needs invalidating; a change of any input is a new key,
and what the old one held expires unused."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")

DAY = 24 * 60 * 60


def digest(*parts: object) -> str:
    """A short key of ``parts`` (their ``repr``: every value they hold, in order)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def kept(kind: str, parts: object, work: Callable[[], T], seconds: int = DAY) -> T:
    """What ``work()`` gives, kept under ``kind`` and the digest of ``parts`` (everything it
    comes from): worked out only when the cache does not hold it. ``work`` never gives None."""
    key = f"{kind}:{digest(parts)}"
    found: T | None = cache.get(key)
    if found is None:
        found = work()
        cache.set(key, found, seconds)
    return found
