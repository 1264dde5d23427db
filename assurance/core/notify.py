"""E-mail through GOV.UK Notify: a Django e-mail backend.

Every e-mail the service sends is written in this repository (the password reset in
``accounts/templates/``, the others next to the code that sends them: see docs/notify.md) and
goes out through ``send_mail`` whatever the backend. In Notify one e-mail template carries
them all: its subject is ``((subject))`` and its body ``((body))`` (``NOTIFY_TEMPLATE`` below,
checked against the personalisation by the tests), so a new or changed e-mail needs no change in
Notify.

Notify sends one e-mail per address. As Django's SMTP backend does when a server refuses some of
a message's recipients, a message that reached at least one of them counts as sent and the
refusals are logged; a message that reached none raises ``NotifyError`` (unless
``fail_silently``), so that a reminder task's transaction is rolled back and tried again on the
next run. A refusal that may pass (too many requests, Notify's own failure, no connection) is
tried once more after a pause. Logs and errors name the status, Notify's message and the
subject, never the body: it holds sign-in links.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

logger = logging.getLogger(__name__)

# The one template to create in GOV.UK Notify (Templates → New template → Email), whose ID is
# NOTIFY_TEMPLATE_ID. Its placeholders are the personalisation that ``personalisation`` sends.
NOTIFY_TEMPLATE = {"subject": "((subject))", "body": "((body))"}

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
API_KEY = re.compile(rf"^.+-(?P<service>{_UUID})-(?P<secret>{_UUID})$")
UUID = re.compile(rf"^{_UUID}$")
RETRY_STATUSES = {429, 500, 502, 503, 504}


class NotifyError(Exception):
    """GOV.UK Notify sent a message to none of its recipients."""


def check_settings(*, api_key: str, template_id: str, reply_to_id: str = "") -> None:
    """The Notify settings have the shape Notify gives them, or start-up stops naming the one
    that is wrong. An API key is its name, the service ID and the secret
    (``name-<uuid>-<uuid>``); a template and a reply-to address are known by a UUID."""
    if not API_KEY.match(api_key.strip()):
        raise ImproperlyConfigured(
            "NOTIFY_API_KEY is not a GOV.UK Notify API key: copy the whole key from Notify "
            "(API integration → API keys); it ends with the service ID and the secret."
        )
    if not UUID.match(template_id.strip()):
        raise ImproperlyConfigured(
            f"NOTIFY_TEMPLATE_ID={template_id!r} is not a template ID: give the ID of the Notify "
            "e-mail template whose subject is ((subject)) and body ((body)) (see docs/notify.md)."
        )
    if reply_to_id and not UUID.match(reply_to_id.strip()):
        raise ImproperlyConfigured(
            f"NOTIFY_REPLY_TO_ID={reply_to_id!r} is not the ID of a reply-to address in Notify "
            "(Settings → Reply-to email addresses); leave it unset to use the service's default."
        )


def personalisation(message: EmailMessage) -> dict[str, str]:
    """What fills the Notify template's placeholders for one message."""
    if getattr(message, "attachments", None) or getattr(message, "alternatives", None):
        raise NotifyError(
            f"“{message.subject}” has an attachment or an HTML part: the GOV.UK Notify template "
            "sends plain text only."
        )
    return {"subject": str(message.subject), "body": str(message.body)}


class NotifyEmailBackend(BaseEmailBackend):
    """Send each message to each of its recipients through the Notify API."""

    def __init__(
        self,
        fail_silently: bool = False,
        *,
        api_key: str | None = None,
        template_id: str | None = None,
        reply_to_id: str | None = None,
        base_url: str | None = None,
        client: NotificationsAPIClient | None = None,
        pause: Callable[[float], None] = time.sleep,
        retry_after: float = 2.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.template_id = template_id or settings.NOTIFY_TEMPLATE_ID
        self.reply_to_id = reply_to_id if reply_to_id is not None else settings.NOTIFY_REPLY_TO_ID
        self.pause = pause
        self.retry_after = retry_after
        if client is None:
            key = api_key or settings.NOTIFY_API_KEY
            check_settings(api_key=key, template_id=self.template_id, reply_to_id=self.reply_to_id)
            client = NotificationsAPIClient(
                key.strip(), base_url=base_url or settings.NOTIFY_BASE_URL, timeout=20
            )
        self.client = client

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            try:
                if self._send(message):
                    sent += 1
            except NotifyError:
                if not self.fail_silently:
                    raise
                logger.exception("GOV.UK Notify did not send “%s”", message.subject)
        return sent

    def _send(self, message: EmailMessage) -> bool:
        recipients = message.recipients()
        if not recipients:
            return False
        fields = personalisation(message)
        refused: list[str] = []
        for address in recipients:
            problem = self._send_one(address, fields)
            if problem:
                refused.append(problem)
                logger.warning(
                    "GOV.UK Notify refused “%s” for one of its %d recipients: %s",
                    message.subject,
                    len(recipients),
                    problem,
                )
        if len(refused) == len(recipients):
            raise NotifyError(
                f"GOV.UK Notify sent “{message.subject}” to none of its {len(recipients)} "
                f"recipient(s): {'; '.join(sorted(set(refused)))}"
            )
        return True

    def _send_one(self, address: str, fields: dict[str, str]) -> str:
        """Send to one address; return what went wrong, or "" when Notify accepted it."""
        problem = ""
        for attempt in (1, 2):
            try:
                self.client.send_email_notification(
                    email_address=address,
                    template_id=self.template_id,
                    personalisation=fields,
                    email_reply_to_id=self.reply_to_id or None,
                )
                return ""
            except APIError as error:
                problem = f"{error.status_code} {_message(error)}"
                if attempt == 1 and error.status_code in RETRY_STATUSES:
                    self.pause(self.retry_after)
                    continue
                break
        return problem


def _message(error: APIError) -> str:
    """Notify's explanation: a message, or a list of {"error", "message"} objects."""
    message = error.message
    if isinstance(message, list):
        return "; ".join(
            f"{item.get('error', '')}: {item.get('message', '')}"
            if isinstance(item, dict)
            else str(item)
            for item in message
        )
    return str(message)
