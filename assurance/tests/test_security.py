"""Security headers, error pages without internals, and Django's deployment checks."""

from __future__ import annotations

import logging
import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant

pytestmark = pytest.mark.django_db

INTERNALS = (
    "Traceback",
    "SECRET-INTERNAL-DETAIL",
    "hunter2",
    "django.",
    "settings.py",
    "DEBUG = True",
    "Request Method",
    "Exception",
)


def csp_of(response: Any) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value
    return directives


@pytest.mark.parametrize("path", ["/accounts/sign-in/", "/accessibility/", "/p/northfield/"])
def test_security_headers_on_pages(
    path: str, northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    client = Client() if path.startswith("/accounts/") else client_for(amira)
    response = client.get(path)
    assert response.status_code == 200
    csp = csp_of(response)
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_scripts_or_styles(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(amira).get(northfield.url("groups/new/")).content.decode()
    assert "<script>" not in page and '<script type="module">' not in page
    assert "<style" not in page
    assert ' style="' not in page
    assert " onclick=" not in page


def test_the_api_has_the_headers_too(
    northfield: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(amira).get("/api/v1/partnerships/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/partnerships/", "/api/v1/audits/", "/api/v1/partnerships/northfield/agencies/"],
)
def test_the_api_answers_401_with_a_challenge_to_a_request_without_credentials(
    path: str, northfield: Tenant
) -> None:
    for client in (Client(), Client(HTTP_AUTHORIZATION="Token not-a-real-token")):
        response = client.get(path)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Token"


def test_production_cookie_and_transport_settings() -> None:
    """The production profile, read in a fresh interpreter (settings are read once per process)."""
    env = _production_env()
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.DEBUG, "
        "s.PASSWORD_HASHERS[0], s.SESSION_COOKIE_NAME]))"
    )
    out = subprocess.run(  # noqa: S603 - our own fixed code
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    import json

    secure, csrf_secure, redirect, hsts, subdomains, debug, hasher, cookie = json.loads(out.stdout)
    assert secure and csrf_secure and redirect and subdomains
    assert hsts >= 31536000
    assert debug is False
    assert hasher.endswith("Argon2PasswordHasher")
    assert cookie.startswith("__Host-")


def _production_env() -> dict[str, str]:
    """A clean environment (nothing the test run itself sets), as a production server has."""
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TZ"}}
    env.update(
        ASSURANCE_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="assurance.example",
        EMAIL_HOST="smtp.assurance.example",
        DJANGO_SETTINGS_MODULE="assurance.settings",
    )
    return env


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(),
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output
    assert "System check identified no issues" in output


def test_production_refuses_a_short_secret_key() -> None:
    env = _production_env()
    env["SECRET_KEY"] = "too-short"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr


def test_production_refuses_to_start_without_an_email_server() -> None:
    """Without EMAIL_HOST e-mail went to the console backend: password-reset links in the log."""
    env = _production_env()
    del env["EMAIL_HOST"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode != 0
    assert "EMAIL_HOST must be set in production" in result.stderr
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND)"
    )
    out = subprocess.run(  # noqa: S603 - our own fixed code
        [sys.executable, "-c", code],
        env=_production_env(),
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert out.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_migrations_match_the_models() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


# --- error pages --------------------------------------------------------------------------------


def _assert_govuk_error_page(response: Any, status: int, words: str) -> None:
    assert response.status_code == status
    page = response.content.decode()
    assert "govuk-template" in page and "govuk-footer" in page
    assert words in page
    for secret in INTERNALS:
        assert secret not in page, f"{secret!r} shown on the {status} page"


def test_404_page(settings: Any, db: None) -> None:
    settings.DEBUG = False
    _assert_govuk_error_page(Client().get("/no/such/page/"), 404, "Page not found")


def test_404_for_another_partnership(
    settings: Any, southvale: Tenant, amira: Person, client_for: Callable[[Any], Client]
) -> None:
    settings.DEBUG = False
    response = client_for(amira).get(southvale.url("agencies/"))
    _assert_govuk_error_page(response, 404, "Page not found")
    assert "No such partnership" not in response.content.decode()


def test_403_page(
    settings: Any, northfield: Tenant, dev: Person, client_for: Callable[[Any], Client]
) -> None:
    settings.DEBUG = False
    response = client_for(dev).get(northfield.url("agencies/"))
    _assert_govuk_error_page(response, 403, "permission")
    assert "agency.view" not in response.content.decode()


def test_a_403_is_logged_on_one_line_without_a_traceback(
    northfield: Tenant, dev: Person, client_for: Callable[[Any], Client], caplog: Any
) -> None:
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for(dev).get(northfield.url("agencies/"))
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /p/northfield/agencies/"
    assert record.exc_info is None and not record.exc_text
    assert "Traceback" not in caplog.text


@pytest.mark.urls("assurance.tests.urls_raising")
def test_500_page(settings: Any) -> None:
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    _assert_govuk_error_page(client.get("/__fail__/"), 500, "Sorry, there is a problem")


def test_forms_need_the_csrf_token(priya: Person) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/sign-in/", {"username": priya.email, "password": "x"})
    assert response.status_code == 403
    assert "Your session has expired" in response.content.decode()


@pytest.mark.postgres_only
def test_the_postgresql_pass_really_uses_postgresql() -> None:
    from django.db import connection

    assert connection.vendor == "postgresql"
    assert connection.pg_version >= 150000  # type: ignore[attr-defined]
