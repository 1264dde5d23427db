"""Writes to the partnership's records. Every write checks the actor's permission first.

History (who changed what, when, from what) is recorded by django-simple-history on save; the
request's user is attached by its middleware, and every write here names the actor itself
(``core.history.save_as``), so writes made outside a request are attributed too.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import models, transaction
from django.forms import ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.partnerships.access import Actor
from assurance.partnerships.models import HomeVisit, KeptIdentifier, Partnership, Person
from assurance.partnerships.visits import Visit, visit_after

M = TypeVar("M", bound=models.Model)


def _form_save(form: ModelForm, actor: Actor) -> Any:
    """Save a validated model form, its many-to-many fields too, as the actor."""
    with transaction.atomic():
        record = save_as(form.save(commit=False), actor)
        form.save_m2m()
    return record


def record_save(*, actor: Actor, form: ModelForm, permission: str) -> Any:
    """Save a validated form for a record of the actor's partnership."""
    actor.require(permission)
    instance = form.instance
    if hasattr(instance, "partnership_id") and instance.partnership_id != actor.partnership.pk:
        raise ValueError("A record can only be saved in the actor's own partnership.")
    return _form_save(form, actor)


def partnership_settings_save(*, actor: Actor, form: ModelForm) -> Partnership:
    """Save the partnership's settings. Turning two-factor sign-in on records when, so that a
    personal API token made before then stops working here (``partnerships.api``)."""
    actor.require("partnership.manage")
    if form.instance.pk != actor.partnership.pk:
        raise ValueError("Only the actor's own partnership can be changed.")
    was_required = (
        Partnership.unscoped.filter(pk=form.instance.pk)
        .values_list("require_two_factor", flat=True)
        .first()
    )
    if form.instance.require_two_factor and not was_required:
        form.instance.two_factor_required_since = timezone.now()
    partnership: Partnership = _form_save(form, actor)
    return partnership


def person_save(*, actor: Actor, form: ModelForm, base_url: str) -> Person:
    """Save a person; give them a sign-in account (found by e-mail) and invite new ones."""
    actor.require("person.manage")
    user_model = get_user_model()
    with transaction.atomic():
        person: Person = form.save(commit=False)
        invited = None
        if person.user_id is None:
            user = user_model.objects.filter(email__iexact=person.email).first()
            if user is None:
                user = user_model.objects.create_user(
                    email=person.email, password=None, full_name=person.full_name
                )
                invited = user
            person.user = user
        save_as(person, actor)
    if invited is not None:
        _send_invitation(invited, person, base_url)
    return person


def password_set_link(*, user: Any, base_url: str) -> str:
    """The one-time link an invitation e-mails: the password-reset page of the new account.
    It works once (its token is made from the account's password, which choosing one changes)
    and for ``PASSWORD_RESET_TIMEOUT`` seconds; after that, "Forgotten your password?" sends
    a new one to an invited account that never chose a password (``accounts.forms``)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url + reverse("accounts:password_reset_confirm", args=[uid, token])


def _send_invitation(user: Any, person: Person, base_url: str) -> None:
    link = password_set_link(user=user, base_url=base_url)
    send_email(
        "partnerships/emails/invitation", {"person": person, "link": link}, to=[person.email]
    )


def kept_identifiers_record(
    *, actor: Actor, page: str, record: Any, kept: dict[str, tuple[str, str]]
) -> list[KeptIdentifier]:
    """Record the free text a form page saved although it looked like a child's identifier,
    with the reason given for each field (``kept``: field → (kinds, reason))."""
    now = timezone.now()
    what = ""
    if isinstance(record, models.Model) and record.pk is not None:
        what = f"{record._meta.verbose_name} {record.pk}"
    rows = []
    for field, (kinds, reason) in kept.items():
        row = KeptIdentifier(
            partnership=actor.partnership,
            page=page[:300],
            record=what[:200],
            field=field[:100],
            kinds=kinds[:200],
            reason=reason,
            kept_by=actor.person,
            kept_at=now,
        )
        rows.append(save_as(row, actor))
    return rows


def home_visit_record(*, actor: Actor, now: Any = None) -> Visit:
    """Note that the actor is looking at their home page now, and return their visit: when the
    visit before it ended (``since``) is what "since your last visit" means (``visits``)."""
    now = now or timezone.now()
    with transaction.atomic():
        row, created = HomeVisit.unscoped.select_for_update().get_or_create(
            person=actor.person,
            defaults={
                "partnership": actor.partnership,
                "started_at": now,
                "last_seen_at": now,
                "since": None,
            },
        )
        if created:
            return Visit(started_at=now, last_seen_at=now, since=None)
        visit = visit_after(
            Visit(started_at=row.started_at, last_seen_at=row.last_seen_at, since=row.since), now
        )
        HomeVisit.unscoped.filter(pk=row.pk).update(
            started_at=visit.started_at, last_seen_at=visit.last_seen_at, since=visit.since
        )
        return visit
