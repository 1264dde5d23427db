"""The pure rules of what an organisation's sign-in says: a verified e-mail, multi-factor."""

from __future__ import annotations

from typing import Any

import pytest

from assurance.accounts.oidc.claims import asserts_multi_factor, refusal, verified_email


@pytest.mark.parametrize(
    ("claims", "email"),
    [
        ({"email": "Priya@Northfield.test", "email_verified": True}, "priya@northfield.test"),
        ({"email": " priya@northfield.test ", "email_verified": "true"}, "priya@northfield.test"),
        ({"email": "priya@northfield.test", "xms_edov": True}, "priya@northfield.test"),
        ({"email": "priya@northfield.test", "email_verified": False}, ""),
        ({"email": "priya@northfield.test", "email_verified": "false"}, ""),
        ({"email": "priya@northfield.test", "email_verified": 1}, ""),
        ({"email": "priya@northfield.test"}, ""),
        ({"email": "", "email_verified": True}, ""),
        ({"email": "not-an-address", "email_verified": True}, ""),
        ({"email_verified": True}, ""),
    ],
)
def test_only_a_verified_email_names_a_person(claims: dict[str, Any], email: str) -> None:
    assert verified_email(claims) == email


@pytest.mark.parametrize(
    ("claims", "words"),
    [
        ({"email_verified": True}, "did not give us your e-mail address"),
        ({"email": "jo@x.test"}, "has not confirmed that the e-mail address is yours"),
        ({"email": "jo@x.test", "email_verified": True}, ""),
    ],
)
def test_a_refusal_says_what_is_wrong(claims: dict[str, Any], words: str) -> None:
    reason = refusal(claims)
    assert (words in reason) if words else reason == ""


@pytest.mark.parametrize(
    ("amr", "accepted", "multi_factor"),
    [
        (["pwd", "mfa"], ["mfa"], True),
        (["MFA"], ["mfa"], True),
        ("mfa", ["mfa"], True),
        (["pwd"], ["mfa"], False),
        (["pwd", "otp"], ["mfa"], False),
        (["pwd", "otp"], ["mfa", "otp"], True),
        ([], ["mfa"], False),
        (None, ["mfa"], False),
        ({"mfa": True}, ["mfa"], False),
        ([1, None], ["mfa"], False),
        (["mfa"], [], False),
    ],
)
def test_multi_factor_only_where_amr_says_so(
    amr: Any, accepted: list[str], multi_factor: bool
) -> None:
    assert asserts_multi_factor({"amr": amr}, accepted) is multi_factor
