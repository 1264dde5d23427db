"""Signing in: the form, lockout after repeated failures, sessions and password reset."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import TEST_PASSWORD, Tenant

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"


def sign_in(client: Client, email: str, password: str) -> object:
    return client.post(SIGN_IN, {"username": email, "password": password})


def test_sign_in_lands_on_the_partnership(northfield: Tenant, priya: Person) -> None:
    client = Client()
    page = client.get(SIGN_IN)
    assert page.status_code == 200
    assert "E-mail address" in page.content.decode()
    response = client.post(
        SIGN_IN, {"username": "PRIYA@northfield.test", "password": TEST_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == northfield.url()
    assert response.status_code == 200


def test_a_wrong_password_shows_the_error_summary(priya: Person) -> None:
    response = Client().post(SIGN_IN, {"username": priya.email, "password": "wrong-password"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter a correct e-mail address and password" in page


def test_sign_in_never_redirects_off_site(priya: Person) -> None:
    response = Client().post(
        SIGN_IN + "?next=https://evil.example/",
        {"username": priya.email, "password": TEST_PASSWORD},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_five_failures_lock_the_account(priya: Person) -> None:
    """django-axes: after 5 failures even the right password shows the locked-out page."""
    assert settings.AXES_FAILURE_LIMIT == 5
    client = Client()
    for _ in range(4):
        response = sign_in(client, priya.email, "not-the-password")
        assert response.status_code == 200  # the form again, with its error
    sign_in(client, priya.email, "not-the-password")
    response = sign_in(client, priya.email, TEST_PASSWORD)
    assert response.status_code in (403, 429)
    page = response.content.decode()
    assert "Your account is locked for 30 minutes" in page
    assert "govuk-footer" in page  # the GOV.UK-styled page, not a bare error
    assert "_auth_user_id" not in client.session


def test_a_locked_account_stays_locked_in_any_letter_case(priya: Person) -> None:
    """The lockout is for the account, not for one spelling of its address."""
    client = Client()
    for _ in range(5):
        sign_in(client, priya.email, "not-the-password")
    for spelling in (priya.email.upper(), f"  {priya.email.title()} ", priya.email.swapcase()):
        response = sign_in(client, spelling, TEST_PASSWORD)
        assert response.status_code in (403, 429), spelling  # type: ignore[attr-defined]
        assert "_auth_user_id" not in client.session


def test_failures_in_varying_case_are_counted_together(priya: Person) -> None:
    spellings = [
        priya.email.upper(),
        priya.email.title(),
        f" {priya.email} ",
        priya.email.swapcase(),
    ]
    client = Client()
    for attempt in range(5):
        sign_in(client, spellings[attempt % len(spellings)], "not-the-password")
    response = sign_in(client, priya.email, TEST_PASSWORD)
    assert response.status_code in (403, 429)  # type: ignore[attr-defined]
    assert "Your account is locked for 30 minutes" in response.content.decode()  # type: ignore[attr-defined]


def test_an_address_with_spaces_around_it_signs_in(northfield: Tenant, priya: Person) -> None:
    response = sign_in(Client(), f"  {priya.email.upper()}  ", TEST_PASSWORD)
    assert response.status_code == 302  # type: ignore[attr-defined]


def test_a_success_before_the_limit_resets_the_count(priya: Person) -> None:
    client = Client()
    for _ in range(4):
        sign_in(client, priya.email, "not-the-password")
    assert sign_in(client, priya.email, TEST_PASSWORD).status_code == 302  # type: ignore[attr-defined]
    client.logout()
    for _ in range(4):
        sign_in(client, priya.email, "not-the-password")
    assert sign_in(client, priya.email, TEST_PASSWORD).status_code == 302  # type: ignore[attr-defined]


def test_sessions_expire_after_inactivity(priya: Person) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    client = Client()
    sign_in(client, priya.email, TEST_PASSWORD)
    assert client.session.get_expiry_age() <= 30 * 60
    # Activity renews the session (idle timeout, not absolute), at most once a minute.
    session = client.session
    session["_seen"] = 0  # last renewed long ago
    session.save()
    response = client.get("/accounts/")
    assert settings.SESSION_COOKIE_NAME in response.cookies
    assert client.get("/accounts/").cookies.get(settings.SESSION_COOKIE_NAME) is None


@pytest.mark.parametrize(
    ("idle", "renew"), [(1800, 60), (600, 60), (300, 30), (60, 6), (30, 3), (5, 0), (0, 0)]
)
def test_a_session_is_renewed_after_a_tenth_of_the_idle_time(idle: int, renew: int) -> None:
    from assurance.accounts.middleware import renew_after

    assert renew_after(idle) == renew


def test_a_short_idle_time_does_not_sign_out_an_active_user(settings: Any, priya: Person) -> None:
    """With SESSION_IDLE_SECONDS=60 the session was renewed once a minute, so it expired
    under someone using the service every few seconds."""
    settings.SESSION_COOKIE_AGE = 60
    client = Client()
    sign_in(client, priya.email, TEST_PASSWORD)
    session = client.session
    session["_seen"] = int(time.time()) - 10  # last renewed 10 seconds ago
    session.save()
    response = client.get("/accounts/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME in response.cookies  # renewed: 60 seconds from now
    assert client.session.get_expiry_age() == 60


def test_an_expired_session_must_sign_in_again(northfield: Tenant, priya: Person) -> None:
    client = Client()
    sign_in(client, priya.email, TEST_PASSWORD)
    session = client.session
    session.set_expiry(-1)
    session.save()
    response = client.get(northfield.url())
    assert response.status_code == 302
    assert response["Location"].startswith(SIGN_IN)


def test_sign_out_is_a_post(priya: Person) -> None:
    client = Client()
    sign_in(client, priya.email, TEST_PASSWORD)
    assert client.get("/accounts/sign-out/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/sign-out/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(priya: Person) -> None:
    mail.outbox.clear()
    client = Client()
    response = client.post("/accounts/password-reset/", {"email": priya.email.upper()})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [priya.email]
    match = re.search(
        r"https?://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)", message.body
    )
    assert match, message.body
    response = client.get(match.group(1))
    assert response.status_code == 302  # to the same page without the token in the address
    form_url = response["Location"]
    page = client.get(form_url)
    assert page.status_code == 200
    response = client.post(form_url, {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    new = "a-brand-new-long-password-7"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/complete/"
    assert sign_in(Client(), priya.email, new).status_code == 302  # type: ignore[attr-defined]
    # The link works once only.
    assert Client().get(match.group(1), follow=True).context["validlink"] is False


def test_password_reset_for_an_unknown_address_tells_nothing(db: None) -> None:
    mail.outbox.clear()
    response = Client().post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []


RESET = "/accounts/password-reset/"


def test_password_reset_links_are_limited_per_address(priya: Person) -> None:
    """Twelve requests in a row for one address send five links; every answer is the same."""
    mail.outbox.clear()
    client = Client()
    answers = {
        (r.status_code, r["Location"])  # type: ignore[attr-defined]
        for r in (
            client.post(RESET, {"email": spelling})
            for spelling in [priya.email, priya.email.upper(), f" {priya.email} "] * 4
        )
    }
    assert answers == {(302, "/accounts/password-reset/sent/")}
    assert len(mail.outbox) == 5
    # Another client is limited for that address too: the limit is the address's.
    Client(REMOTE_ADDR="192.0.2.9").post(RESET, {"email": priya.email})
    assert len(mail.outbox) == 5


def test_password_reset_links_are_limited_per_client(northfield: Tenant) -> None:
    """One client asking for many addresses, real and not, is limited too, and is told the
    same as for an address that has no account."""
    from assurance.partnerships.tests.factories import PersonFactory

    people = [
        PersonFactory(partnership=northfield.partnership, email=f"person{i}@example.org")
        for i in range(25)
    ]
    mail.outbox.clear()
    client = Client(REMOTE_ADDR="198.51.100.7")
    answers = set()
    for person in people:
        response = client.post(RESET, {"email": person.email})
        answers.add((response.status_code, response["Location"]))
    unknown = client.post(RESET, {"email": "nobody@example.org"})
    answers.add((unknown.status_code, unknown["Location"]))
    assert answers == {(302, "/accounts/password-reset/sent/")}
    assert len(mail.outbox) == 20
    # Someone else, elsewhere, still gets their link.
    Client(REMOTE_ADDR="203.0.113.5").post(RESET, {"email": people[-1].email})
    assert len(mail.outbox) == 21


def test_passwords_are_hashed_with_argon2_in_production() -> None:
    """The test profile puts a fast hasher first; Argon2 stays the first real one."""
    assert "Argon2PasswordHasher" in settings.PASSWORD_HASHERS[1]


def test_someone_invited_who_never_chose_a_password_can_reset(northfield: Tenant) -> None:
    """An invitation link expires; the ordinary reset must still reach them."""
    from assurance.partnerships.tests.factories import PersonFactory

    person = PersonFactory(partnership=northfield.partnership, email="new.starter@example.org")
    person.user.set_unusable_password()
    person.user.save()
    mail.outbox.clear()
    Client().post("/accounts/password-reset/", {"email": "new.starter@example.org"})
    assert [m.to for m in mail.outbox] == [["new.starter@example.org"]]


def test_sign_in_page_does_not_autofocus_a_field(client) -> None:
    """GOV.UK pages leave focus at the top, so Tab reaches the skip link first."""
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "autofocus" not in response.content.decode()
