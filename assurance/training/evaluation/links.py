"""The personal link to a questionnaire: signed (it cannot be made up or altered) and naming one
invitation and its nonce. No sign-in: whoever holds the link answers that one questionnaire,
once, while it is open (``rules.refusal``)."""

from __future__ import annotations

from django.core import signing

SALT = "assurance.training.evaluation"


class LinkRefused(Exception):
    """A link that is not ours or was altered."""


def make_token(*, invitation_pk: int, nonce: str) -> str:
    return signing.dumps({"i": invitation_pk, "n": nonce}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str]:
    """The invitation's id and nonce a token names, or ``LinkRefused``."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise LinkRefused("This link is not complete or not one of ours.") from exc
    try:
        return int(data["i"]), str(data["n"])
    except (KeyError, TypeError, ValueError) as exc:
        raise LinkRefused("This link is not complete or not one of ours.") from exc
