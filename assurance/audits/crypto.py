"""Encryption of agencies' record numbers (the link from a pseudonymised case to the child).

The key comes from the environment (``CASE_LINK_KEY``: one or more comma-separated Fernet keys,
newest first, so keys can be rotated), never from the database or the repository. Outside
production, when the variable is unset, a key is generated once into ``var/case_link.key``
(git-ignored) so that development and tests work without set-up.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=4)
def _cipher(raw_keys: str) -> MultiFernet:
    keys = [key.strip() for key in raw_keys.split(",") if key.strip()]
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            "CASE_LINK_KEY must be one or more Fernet keys separated by commas."
        ) from exc


def _raw_keys() -> str:
    raw = os.environ.get("CASE_LINK_KEY", "")
    if raw:
        return raw
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Set CASE_LINK_KEY to encrypt agencies' record numbers.")
    path = Path(settings.VAR_DIR) / "case_link.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Fernet.generate_key().decode())
        path.chmod(0o600)
    return path.read_text().strip()


def encrypt_record_number(value: str) -> bytes:
    return _cipher(_raw_keys()).encrypt(value.strip().encode())


def decrypt_record_number(token: bytes | memoryview | None) -> str | None:
    if not token:
        return None
    try:
        return _cipher(_raw_keys()).decrypt(bytes(token)).decode()
    except InvalidToken:
        return None
