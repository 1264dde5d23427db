"""The authorisation matrix rows of sign-in, account, two-factor and password pages."""

from assurance.core.tests.matrix import HIDDEN, NOT_ALLOWED, REDIRECT, any_signed_in, public

LOOKUPS = {
    # An invalid reset link: the page must still answer (saying the link has expired).
    "uidb64": lambda: "MQ",
    "token": lambda: "not-a-real-token",
}

EXPECTED = {
    # Signed-in users are sent on from the sign-in page.
    "accounts:login": public(signed_in=REDIRECT),
    # Signing out is a POST (a form button); a GET must not sign anyone out.
    "accounts:logout": public(signed_in=NOT_ALLOWED, anonymous=NOT_ALLOWED),
    # Sign-in with an organisation's account: absent (404) where no provider is configured, as
    # in the matrix's deployment; with one, accounts/oidc/tests/test_sign_in_flow.py covers them.
    "accounts:oidc_start": public(signed_in=HIDDEN, anonymous=HIDDEN),
    "accounts:oidc_callback": public(signed_in=HIDDEN, anonymous=HIDDEN),
    "accounts:account": any_signed_in(),
    "accounts:two_factor": any_signed_in(),
    "accounts:password_change": any_signed_in(),
    "accounts:password_reset": public(),
    "accounts:password_reset_done": public(),
    "accounts:password_reset_confirm": public(),
    "accounts:password_reset_complete": public(),
}
