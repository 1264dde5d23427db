"""One way to write an e-mail: a subject and a body template, rendered as plain text."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings

from assurance.core.emails import render_email, send_email

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        "t/hello_subject.txt": "\n  Hello   {{ name }}\n & co  \n",
                        "t/hello.txt": "\n\nDear {{ name }},\n\n<b>{{ words }}</b>\n\n\n",
                    },
                )
            ]
        },
    }
]


@override_settings(TEMPLATES=TEMPLATES)
def test_an_email_is_plain_text_its_subject_one_line() -> None:
    subject, body = render_email("t/hello", {"name": "O'Neil & Sons", "words": "<Tom's>"})
    assert subject == "Hello O'Neil & Sons & co"  # folded, and nothing escaped
    assert body == "Dear O'Neil & Sons,\n\n<b><Tom's></b>\n"  # blank edges dropped


@override_settings(TEMPLATES=TEMPLATES)
def test_send_email_sends_what_renders() -> None:
    assert send_email("t/hello", {"name": "Amira", "words": "hi"}, to=["a@x.example"]) == 1
    [message] = mail.outbox
    assert (message.subject, message.body, message.to) == (
        "Hello Amira & co",
        "Dear Amira,\n\n<b>hi</b>\n",
        ["a@x.example"],
    )


def test_a_missing_template_is_an_error_not_an_empty_email() -> None:
    from django.template import TemplateDoesNotExist

    with pytest.raises(TemplateDoesNotExist):
        render_email("t/nowhere", {})
