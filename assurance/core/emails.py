"""Every e-mail the service sends: its words in templates, one way for SMTP and GOV.UK Notify.

An e-mail is two plain-text templates in its app's templates folder: ``<name>_subject.txt``
(one line: line breaks and runs of spaces are folded into one space) and ``<name>.txt`` (the
body: blank lines at its start and end dropped, one line break at its end). They are rendered
without HTML escaping, since an e-mail is plain text, and sent with ``send_mail``, which goes
through whichever backend the settings chose: SMTP, or GOV.UK Notify, which passes the subject
and body through one Notify template (docs/notify.md). So the words of every e-mail are reviewed
in the repository beside the code that fills them in, and each has a test that renders it.
The password-reset e-mail is Django's own form rendering ``accounts/password_reset_*.txt``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.mail import send_mail
from django.template import Context
from django.template.loader import get_template


def _render(name: str, context: Mapping[str, Any]) -> str:
    template = get_template(name).template  # type: ignore[attr-defined]
    return str(template.render(Context(dict(context), autoescape=False)))


def render_email(name: str, context: Mapping[str, Any]) -> tuple[str, str]:
    """The subject and body of the e-mail ``name`` (``"audits/emails/return_reminder"``)."""
    subject = " ".join(_render(f"{name}_subject.txt", context).split())
    body = _render(f"{name}.txt", context).strip("\n") + "\n"
    return subject, body


def send_email(
    name: str,
    context: Mapping[str, Any],
    *,
    to: list[str],
    from_email: str | None = None,
) -> int:
    """Render the e-mail ``name`` and send it to ``to``; how many were sent (0 or 1)."""
    subject, body = render_email(name, context)
    return send_mail(subject=subject, message=body, from_email=from_email, recipient_list=to)
