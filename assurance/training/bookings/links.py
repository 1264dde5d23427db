"""The personal links e-mailed to a practitioner about their booking: signed (they cannot be
made up or altered), and each bound to the booking's current nonce, so a link stops working
once the booking moves on (a cancelled booking's links are dead)."""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

SALT = "assurance.training.booking"
PURPOSES = ("confirm", "cancel")


class LinkRefused(Exception):
    """A link that is not ours, was altered, has expired or is for something else."""


def make_token(*, booking_pk: int, nonce: str, purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"Unknown purpose {purpose!r}.")
    return signing.dumps({"b": booking_pk, "n": nonce, "p": purpose}, salt=SALT, compress=True)


def read_token(token: str, *, purpose: str, max_age: timedelta | None) -> tuple[int, str]:
    """The booking's id and nonce a token names; ``LinkRefused`` saying why when it cannot be
    used for ``purpose``."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkRefused("This link has expired.") from exc
    except signing.BadSignature as exc:
        raise LinkRefused("This link is not complete or not one of ours.") from exc
    if not isinstance(data, dict) or data.get("p") != purpose:
        raise LinkRefused("This link is for something else.")
    try:
        return int(data["b"]), str(data["n"])
    except (KeyError, TypeError, ValueError) as exc:
        raise LinkRefused("This link is not complete or not one of ours.") from exc
