"""E-mail through GOV.UK Notify, with Notify's HTTP API mocked (``responses``): what is sent to
it (the template, the address, the personalisation, a token signed with the key) and what
happens when it refuses."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jwt
import pytest
import requests
import responses
from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from assurance.core import notify
from assurance.core.notify import NOTIFY_TEMPLATE, NotifyEmailBackend, NotifyError

SERVICE_ID = "6f1b8a5c-3d2e-4f60-9a7b-1c2d3e4f5a6b"
SECRET = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
API_KEY = f"assurance_live-{SERVICE_ID}-{SECRET}"
TEMPLATE_ID = "a3f5c2e1-7b8d-4c9e-8f0a-1b2c3d4e5f60"
REPLY_TO_ID = "b4e6d3f2-8c9e-4d0f-9a1b-2c3d4e5f6a71"
URL = "https://api.notifications.service.gov.uk/v2/notifications/email"
NOTIFY = {
    "EMAIL_BACKEND": "assurance.core.notify.NotifyEmailBackend",
    "NOTIFY_API_KEY": API_KEY,
    "NOTIFY_TEMPLATE_ID": TEMPLATE_ID,
    "NOTIFY_REPLY_TO_ID": "",
}


def _created(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
    body = json.loads(request.body or "{}")
    return 201, {}, json.dumps({"id": "740e5834-3a29-46b4-9a6f-16142fde533a", "content": body})


def _error(status: int, error: str, message: str) -> dict[str, object]:
    return {"status_code": status, "errors": [{"error": error, "message": message}]}


def _sent(calls: responses.CallList) -> list[dict]:
    return [json.loads(call.request.body or "{}") for call in calls]


def _backend(**kwargs: object) -> NotifyEmailBackend:
    pauses: list[float] = []
    backend = NotifyEmailBackend(
        api_key=API_KEY, template_id=TEMPLATE_ID, pause=pauses.append, **kwargs
    )
    backend.pauses = pauses  # type: ignore[attr-defined]
    return backend


def _message(to: list[str], **kwargs: object) -> mail.EmailMessage:
    return mail.EmailMessage(
        subject="Reset your Assurance password",
        body="Choose a new password here: https://assurance.example/accounts/password-reset/x/y/",
        to=to,
        **kwargs,  # type: ignore[arg-type]
    )


@responses.activate
def test_each_recipient_gets_the_template_filled_with_the_subject_and_body() -> None:
    responses.add_callback(responses.POST, URL, callback=_created)
    message = _message(["priya@police.example"], cc=["amira@council.example"])
    assert _backend(reply_to_id=REPLY_TO_ID).send_messages([message]) == 1
    sent = _sent(responses.calls)
    assert sent == [
        {
            "email_address": address,
            "template_id": TEMPLATE_ID,
            "personalisation": {"subject": message.subject, "body": message.body},
            "email_reply_to_id": REPLY_TO_ID,
        }
        for address in ["priya@police.example", "amira@council.example"]
    ]
    # Each request carries a token for the service, signed with the key's secret.
    token = responses.calls[0].request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["iss"] == SERVICE_ID


def test_the_personalisation_fills_the_template_kept_in_the_repository() -> None:
    """The Notify template (docs/notify.md) has exactly the placeholders that are sent."""
    fields = notify.personalisation(_message(["a@example.org"]))
    placeholders = set(re.findall(r"\(\((\w+)\)\)", " ".join(NOTIFY_TEMPLATE.values())))
    assert placeholders == set(fields)
    guide = (Path(settings.BASE_DIR) / "docs" / "notify.md").read_text()
    assert all(f"(({name}))" in guide for name in placeholders)


@responses.activate
def test_a_refusal_for_some_recipients_still_sends_to_the_others_and_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    responses.add(
        responses.POST,
        URL,
        status=400,
        json=_error(
            400, "BadRequestError", "Can't send to this recipient using a team-only API key"
        ),
        match=[
            responses.matchers.json_params_matcher(
                {"email_address": "x@other.example"}, strict_match=False
            )
        ],
    )
    responses.add_callback(responses.POST, URL, callback=_created)
    with caplog.at_level(logging.WARNING, logger="assurance.core.notify"):
        sent = _backend().send_messages([_message(["x@other.example", "priya@police.example"])])
    assert sent == 1
    assert [s["email_address"] for s in _sent(responses.calls)] == [
        "x@other.example",
        "priya@police.example",
    ]
    assert "400 BadRequestError: Can't send to this recipient" in caplog.text
    assert "password-reset/x/y" not in caplog.text  # the body's link is never logged


@responses.activate
def test_a_message_that_reached_nobody_is_an_error_naming_why() -> None:
    responses.add(
        responses.POST,
        URL,
        status=403,
        json=_error(403, "AuthError", "Invalid token: API key not found"),
    )
    with pytest.raises(NotifyError) as raised:
        _backend().send_messages([_message(["priya@police.example"])])
    text = str(raised.value)
    assert "“Reset your Assurance password” to none of its 1 recipient(s)" in text
    assert "403 AuthError: Invalid token: API key not found" in text
    assert "password-reset/x/y" not in text
    assert len(responses.calls) == 1  # a refused key is not tried again


@responses.activate
def test_fail_silently_counts_nothing_sent_and_raises_nothing() -> None:
    responses.add(responses.POST, URL, status=400, json=_error(400, "ValidationError", "bad"))
    assert _backend(fail_silently=True).send_messages([_message(["a@example.org"])]) == 0


@responses.activate
def test_a_passing_failure_is_tried_once_more_after_a_pause() -> None:
    responses.add(
        responses.POST, URL, status=429, json=_error(429, "RateLimitError", "Exceeded rate limit")
    )
    responses.add_callback(responses.POST, URL, callback=_created)
    backend = _backend()
    assert backend.send_messages([_message(["priya@police.example"])]) == 1
    assert len(responses.calls) == 2
    assert backend.pauses == [2.0]  # type: ignore[attr-defined]


@responses.activate
def test_notify_down_or_unreachable_twice_is_an_error() -> None:
    responses.add(responses.POST, URL, body=requests.ConnectionError("no route to host"))
    responses.add(responses.POST, URL, status=500, json=_error(500, "Exception", "Internal error"))
    with pytest.raises(NotifyError, match="500 Exception: Internal error"):
        _backend().send_messages([_message(["priya@police.example"])])
    assert len(responses.calls) == 2


def test_attachments_and_html_are_refused_clearly() -> None:
    message = mail.EmailMultiAlternatives("Report", "Text", to=["a@example.org"])
    message.attach_alternative("<p>Text</p>", "text/html")
    with pytest.raises(NotifyError, match="plain text only"):
        _backend().send_messages([message])


@pytest.mark.parametrize(
    ("key", "template", "reply_to", "problem"),
    [
        (API_KEY, TEMPLATE_ID, "", None),
        (API_KEY, TEMPLATE_ID, REPLY_TO_ID, None),
        (f" {API_KEY}\n", TEMPLATE_ID, "", None),
        (SECRET, TEMPLATE_ID, "", "NOTIFY_API_KEY is not a GOV.UK Notify API key"),
        ("not-a-key", TEMPLATE_ID, "", "NOTIFY_API_KEY is not a GOV.UK Notify API key"),
        (API_KEY, "", "", "NOTIFY_TEMPLATE_ID='' is not a template ID"),
        (API_KEY, "password-reset", "", "NOTIFY_TEMPLATE_ID='password-reset' is not"),
        (API_KEY, TEMPLATE_ID, "help@council.example", "NOTIFY_REPLY_TO_ID="),
    ],
)
def test_settings_have_the_shape_notify_gives_them(
    key: str, template: str, reply_to: str, problem: str | None
) -> None:
    if problem is None:
        notify.check_settings(api_key=key, template_id=template, reply_to_id=reply_to)
    else:
        with pytest.raises(ImproperlyConfigured, match=re.escape(problem)):
            notify.check_settings(api_key=key, template_id=template, reply_to_id=reply_to)


@pytest.fixture
def via_notify() -> object:
    with override_settings(**NOTIFY), responses.RequestsMock() as notify_api:
        notify_api.add_callback(responses.POST, URL, callback=_created)
        yield notify_api


def test_the_password_reset_email_goes_through_notify(priya: Any, via_notify: object) -> None:
    response = Client().post("/accounts/password-reset/", {"email": priya.email})
    assert response.status_code == 302
    [sent] = _sent(via_notify.calls)  # type: ignore[attr-defined]
    assert sent["email_address"] == priya.email
    assert sent["personalisation"]["subject"] == "Reset your Assurance password"
    link = re.search(
        r"http://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)",
        sent["personalisation"]["body"],
    )
    assert link, sent["personalisation"]["body"]
    assert Client().get(link.group(1)).status_code == 302  # the link works


def _production(**extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TZ"}}
    env.update(
        ASSURANCE_ENV="production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="assurance.example",
        **extra,
    )
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.EMAIL_BACKEND)"
    )
    return subprocess.run(  # noqa: S603 - our own fixed code
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "assurance.settings"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_sends_through_notify_when_its_key_is_set() -> None:
    result = _production(NOTIFY_API_KEY=API_KEY, NOTIFY_TEMPLATE_ID=TEMPLATE_ID)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "assurance.core.notify.NotifyEmailBackend"


def test_production_refuses_both_smtp_and_notify() -> None:
    result = _production(
        NOTIFY_API_KEY=API_KEY, NOTIFY_TEMPLATE_ID=TEMPLATE_ID, EMAIL_HOST="smtp.example"
    )
    assert result.returncode != 0
    assert "Both EMAIL_HOST and NOTIFY_API_KEY are set" in result.stderr
