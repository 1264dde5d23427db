"""Writes of feedback, the form's links and the duty inbox.

``feedback_submit`` is what the child's form calls: the message is read for a possible
disclosure before it is stored; one that reads like one is stored flagged, in the same
transaction, and the duty inbox is e-mailed once the transaction commits (the e-mail names the
message's reference and link, never its words)."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone

from assurance.core.clients import client_digest
from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.core.permissions import Scope
from assurance.core.roles import Role
from assurance.core.spreadsheets import (
    UploadProblem,
    add_sheet,
    choice_list,
    finish_sheet,
    new_workbook,
    open_upload,
    read_sheet,
    workbook_bytes,
)
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.voice.feedback import limits, selectors, upload
from assurance.voice.feedback.disclosure import disclosure_reasons, parse_words, word_problems
from assurance.voice.feedback.models import (
    AgeBand,
    DutyInbox,
    Feedback,
    FeedbackLink,
    FeedbackSource,
    FeedbackUpload,
    FormRequests,
    ServiceUsed,
)

TEXT_FIELDS = ("good", "better")


def feedback_link_create(*, actor: Actor, title: str, service: str) -> FeedbackLink:
    actor.require("voice.manage")
    link = FeedbackLink(
        partnership=actor.partnership,
        title=title,
        service=service,
        token=secrets.token_urlsafe(16),
    )
    return save_as(link, actor)


def feedback_link_update(
    *, actor: Actor, link: FeedbackLink, title: str, service: str, is_open: bool
) -> FeedbackLink:
    actor.require("voice.manage")
    link.title, link.service, link.is_open = title, service, is_open
    return save_as(link, actor)


class TooManyRequests(Exception):
    """One form too many from one network (or through one link) this hour; the message says
    so in a child's words."""


@transaction.atomic
def form_request_count(*, link: FeedbackLink, client: str, now: datetime | None = None) -> None:
    """Count one form taken through ``link`` from ``client`` this hour, or refuse it
    (``TooManyRequests``) over the limit. Earlier hours' counts are deleted."""
    hour = (now or timezone.now()).replace(minute=0, second=0, microsecond=0)
    FormRequests.unscoped.filter(hour__lt=hour).delete()
    digest = client_digest(client)
    this_hour = FormRequests.unscoped.filter(link=link, hour=hour)
    refusal = limits.rate_limit_refusal(
        from_network=this_hour.filter(client_digest=digest).aggregate(n=Sum("count"))["n"] or 0,
        by_link=this_hour.aggregate(n=Sum("count"))["n"] or 0,
    )
    if refusal:
        raise TooManyRequests(refusal)
    row, _ = FormRequests.unscoped.get_or_create(
        partnership_id=link.partnership_id, link=link, client_digest=digest, hour=hour
    )
    FormRequests.unscoped.filter(pk=row.pk).update(count=F("count") + 1)


def feedback_submit(
    *,
    link: FeedbackLink,
    age_band: str,
    service: str,
    feeling: int | None,
    good: str,
    better: str,
    base_url: str,
    today: date | None = None,
    client: str | None = None,
) -> Feedback:
    """Store what a child sent through an open link (no one is signed in). With ``client``
    (the address the form came from), refused (``TooManyRequests``) over the rate limit."""
    if not link.is_open:
        raise ValidationError("This form is closed.")
    if feeling is None and not (good.strip() or better.strip()):
        raise ValidationError({"feeling": "Choose a face or write something in one of the boxes"})
    feedback = Feedback(
        partnership=link.partnership,
        source=FeedbackSource.FORM,
        link=link,
        received_on=today or timezone.localdate(),
        age_band=age_band,
        service=link.service or service,
        feeling=feeling,
        good=good.strip(),
        better=better.strip(),
    )
    with transaction.atomic():
        if client is not None:
            form_request_count(link=link, client=client)
        feedback_store(feedback, actor=None, base_url=base_url)
    return feedback


def feedback_store(feedback: Feedback, *, actor: Actor | None, base_url: str) -> Feedback:
    """Store a piece of feedback from any source, read first for a possible disclosure: one that
    reads like one is stored flagged, and the duty inbox is e-mailed once the transaction that
    stores it commits. Call it inside a transaction."""
    texts = {name: getattr(feedback, name) for name in TEXT_FIELDS}
    words = selectors.disclosure_words(partnership=feedback.partnership)
    reasons = disclosure_reasons(texts, words)
    feedback.flagged = bool(reasons)
    feedback.flag_reasons = "; ".join(reasons)[:500]
    save_as(feedback, actor)
    if feedback.flagged:
        transaction.on_commit(lambda: _email_duty(feedback, base_url))
    return feedback


def duty_recipients(partnership: Partnership) -> list[str]:
    """The duty e-mail address, or every active person of the business unit."""
    inbox = selectors.duty_inbox(partnership=partnership)
    if inbox and inbox.duty_email:
        return [inbox.duty_email]
    people = Person.objects_for(partnership).filter(is_active=True)
    return sorted(p.email for p in people if Role.BUSINESS_UNIT in p.roles)


def _email_duty(feedback: Feedback, base_url: str) -> None:
    recipients = duty_recipients(feedback.partnership)
    if not recipients:
        return
    url = base_url + reverse("voice:duty_detail", args=[feedback.partnership.slug, feedback.pk])
    send_email(
        "voice/emails/possible_disclosure",
        {"feedback": feedback, "sent_at": timezone.localtime(feedback.created_at), "link": url},
        to=recipients,
    )


def feedback_handle(*, actor: Actor, feedback: Feedback, note: str) -> Feedback:
    """Record what the duty officer did about a possible disclosure."""
    actor.require("voice.duty")
    if not feedback.flagged:
        raise ValidationError("Only a possible disclosure is handled in the duty inbox.")
    if not note.strip():
        raise ValidationError({"handling_note": "Enter what was done"})
    feedback.handling_note = note.strip()
    if feedback.handled_at is None:
        feedback.handled_at = timezone.now()
        feedback.handled_by = actor.person
    return save_as(feedback, actor)


def duty_inbox_save(
    *, actor: Actor, duty_email: str, disclosure_words: str, local_help: str
) -> DutyInbox:
    actor.require("voice.manage")
    problems = word_problems(disclosure_words)
    if problems:
        raise ValidationError({"disclosure_words": problems})
    inbox = selectors.duty_inbox(partnership=actor.partnership) or DutyInbox(
        partnership=actor.partnership
    )
    inbox.duty_email = duty_email
    inbox.disclosure_words = "\n".join(parse_words(disclosure_words))
    inbox.local_help = local_help.strip()
    return save_as(inbox, actor)


def feedback_upload(
    *,
    actor: Actor,
    agency: Agency,
    file_name: str,
    content: bytes,
    base_url: str,
    today: date | None = None,
) -> FeedbackUpload:
    """Load an agency's spreadsheet of feedback: every row, or none. A problem anywhere is an
    ``UploadProblem`` naming each cell; a row that reads like a disclosure is stored flagged and
    the duty inbox is e-mailed, as for the form."""
    scope = actor.require("voice.upload")
    if scope is Scope.OWN_AGENCY and agency.pk != actor.agency_id:
        raise ValidationError({"agency": "You can upload feedback for your own agency only."})
    workbook = open_upload(content)
    _headings, rows = read_sheet(workbook, upload.SHEET, upload.HEADINGS, max_rows=upload.MAX_ROWS)
    parsed, problems = upload.read_rows(rows, today=today or timezone.localdate())
    if problems:
        raise UploadProblem(problems)
    if not parsed:
        raise UploadProblem([f"Sheet {upload.SHEET} has no feedback below its headings."])
    with transaction.atomic():
        record = save_as(
            FeedbackUpload(
                partnership=actor.partnership,
                agency=agency,
                file_name=file_name[:200],
                rows=len(parsed),
                uploaded_by=actor.person,
            ),
            actor,
        )
        for row in parsed:
            feedback_store(
                Feedback(
                    partnership=actor.partnership,
                    source=FeedbackSource.AGENCY,
                    agency=agency,
                    upload=record,
                    received_on=row.received_on,
                    age_band=row.age_band,
                    service=row.service,
                    feeling=row.feeling,
                    good=row.good,
                    better=row.better,
                ),
                actor=actor,
                base_url=base_url,
            )
    return record


def upload_template() -> bytes:
    """The workbook an agency fills in: instructions, then the Feedback sheet with its lists."""
    workbook = new_workbook(upload.INSTRUCTIONS)
    sheet = add_sheet(workbook, upload.SHEET, upload.HEADINGS)
    finish_sheet(sheet, default_width=28)
    for column, options in (("B", AgeBand.labels), ("C", ServiceUsed.labels)):
        validation = choice_list(sheet, options, error="Choose from the list.")
        validation.add(f"{column}2:{column}{upload.MAX_ROWS + 1}")
    return workbook_bytes(workbook)
