"""Writes for settings: loading and refreshing them from a GIAS extract.

``settings_import`` reads the whole file first (``gias.read_gias``): a file with any bad line
is refused with every problem named by line and column, and nothing is stored. A good file is
stored in one transaction by the bulk path: new schools are inserted together and changed ones
updated together; the new ones' history rows are copied from them in one INSERT … SELECT, so
that 25,000 rows load in about the time of a plain bulk insert (docs/selfassessment.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Partnership, Person
from assurance.partnerships.services import password_set_link
from assurance.selfassessment.settings.gias import GiasFileError, GiasRow, decode_gias, read_gias
from assurance.selfassessment.settings.models import (
    IMPORTED_FIELDS,
    Setting,
    SettingMember,
    SettingRole,
    SettingStatus,
)

BATCH = 2000
MAX_BYTES = 200 * 1024 * 1024  # GIAS's whole register, every column, is about 60 MB


@dataclass(frozen=True)
class ImportResult:
    rows: int  # the file's schools and colleges
    created: int
    updated: int
    unchanged: int
    other_areas: int  # rows of another local authority, left out
    closed: int  # settings that the file shows closed since the last import


def _values(row: GiasRow) -> dict[str, Any]:
    return {field: getattr(row, field) for field in IMPORTED_FIELDS}


def _copy_created_to_history(
    partnership: Partnership, *, stamp: datetime, user: Any, reason: str
) -> None:
    """Write the "created" history row of every setting this import inserted (those of the
    partnership last imported at ``stamp``) with one INSERT … SELECT: the same rows
    django-simple-history would write one object at a time, at a fraction of the cost."""
    history = Setting.history.model  # type: ignore[attr-defined]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in Setting._meta.concrete_fields)
    stamp_value = connection.ops.adapt_datetimefield_value(stamp)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(history._meta.db_table)} ({columns}, history_date, "  # noqa: S608 - names from the models, values as parameters
            "history_change_reason, history_type, history_user_id) "
            f"SELECT {columns}, %s, %s, %s, %s FROM {quote(Setting._meta.db_table)} "
            "WHERE partnership_id = %s AND imported_at = %s",
            [stamp_value, reason, "+", getattr(user, "pk", None), partnership.pk, stamp_value],
        )


def gias_rows_from(path: str | Path) -> list[GiasRow]:
    """The rows of the GIAS extract at ``path`` (``GiasFileError`` if it cannot be read)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise GiasFileError([f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB."])
        content = path.read_bytes()
    except OSError as exc:
        raise GiasFileError([f"The file cannot be read: {exc.strerror}."]) from exc
    return read_gias(decode_gias(content).splitlines())


def settings_import(
    *, partnership: Partnership, rows: list[GiasRow], user: Any = None, source: str = ""
) -> ImportResult:
    """Store ``rows`` as the partnership's settings: add the new, update the changed (name,
    type, phase, status, dates…), leave the rest. Rows of another local authority than the
    partnership's DfE number are left out (all are kept when the partnership has none)."""
    mine = [r for r in rows if not partnership.la_number or r.la_number == partnership.la_number]
    now = timezone.now()
    reason = f"Imported from {source}"[:100] if source else "Imported from GIAS"
    with transaction.atomic():
        existing = {
            s.urn: s for s in Setting.unscoped.select_for_update().filter(partnership=partnership)
        }
        new: list[Setting] = []
        changed: list[Setting] = []
        closed = 0
        for row in mine:
            values = _values(row)
            setting = existing.get(row.urn)
            if setting is None:
                new.append(Setting(partnership=partnership, urn=row.urn, imported_at=now, **values))
                continue
            if all(getattr(setting, f) == v for f, v in values.items()):
                continue
            if row.status == SettingStatus.CLOSED and setting.status != SettingStatus.CLOSED:
                closed += 1
            for field, value in values.items():
                setattr(setting, field, value)
            setting.imported_at = now
            changed.append(setting)
        Setting.unscoped.bulk_create(new, batch_size=BATCH)
        history_user = getattr(user, "user", user)
        if new:
            # The new rows, and only they, carry this import's time until the changed ones
            # are updated below: their history rows are copied from them in one statement.
            _copy_created_to_history(partnership, stamp=now, user=history_user, reason=reason)
        if changed:
            Setting.unscoped.bulk_update(
                changed, [*IMPORTED_FIELDS, "imported_at"], batch_size=BATCH
            )
            Setting.history.bulk_history_create(  # type: ignore[attr-defined]
                changed,
                update=True,
                batch_size=BATCH,
                default_user=history_user,
                default_change_reason=reason,
                default_date=now,
            )
    return ImportResult(
        rows=len(rows),
        created=len(new),
        updated=len(changed),
        unchanged=len(mine) - len(new) - len(changed),
        other_areas=len(rows) - len(mine),
        closed=closed,
    )


# --- the setting's users ------------------------------------------------------------------------


def setting_member_invite(
    *,
    actor: Actor,
    setting: Setting,
    full_name: str,
    email: str,
    role: str,
    base_url: str,
) -> SettingMember:
    """Make someone a user of the setting (its safeguarding lead, a deputy or its head) and
    e-mail them: a one-time link to choose a password if they have no account yet, otherwise
    word that they can sign in. Each person has their own sign-in: never a shared login.

    Refused, naming the field: an address that already signs in to the partnership (a member
    of its staff, or a user of a setting), a second lead or head for the setting, or a closed
    setting."""
    actor.require("setting.manage")
    require_same_partnership(actor, setting)
    email = email.strip().lower()
    if not setting.is_open:
        raise ValidationError(f"{setting.name} is closed: its users cannot be invited.")
    existing = Person.unscoped.filter(partnership=actor.partnership, email__iexact=email).first()
    if existing is None:
        existing = Person.unscoped.filter(
            partnership=actor.partnership, user__email__iexact=email
        ).first()
    if existing is not None:
        raise ValidationError(
            {
                "email": f"{email} already signs in to {actor.partnership.name} as "
                f"{existing.full_name}. A school or college user holds no other role: "
                "use another address."
            }
        )
    if role in (SettingRole.DSL, SettingRole.HEAD):
        taken = SettingMember.objects_for(actor.partnership).filter(
            setting=setting, role=role, person__is_active=True
        )
        holder = taken.select_related("person").first()
        if holder is not None:
            label = SettingRole(role).label.lower()
            raise ValidationError(
                {"role": f"{setting.name} already has a {label}: {holder.person.full_name}."}
            )
    user_model = get_user_model()
    now = timezone.now()
    with transaction.atomic():
        user = user_model.objects.filter(email__iexact=email).first()
        invited = user is None
        if user is None:
            user = user_model.objects.create_user(email=email, password=None, full_name=full_name)
        person = save_as(
            Person(
                partnership=actor.partnership,
                agency=None,
                user=user,
                full_name=full_name,
                job_title=SettingRole(role).label,
                email=email,
                is_setting_user=True,
            ),
            actor,
        )
        member = save_as(
            SettingMember(
                partnership=actor.partnership,
                setting=setting,
                person=person,
                role=role,
                invited_at=now,
            ),
            actor,
        )
    context = {
        "member": member,
        "setting": setting,
        "partnership": actor.partnership,
        "link": password_set_link(user=user, base_url=base_url) if invited else base_url + "/",
        "invited": invited,
    }
    send_email("selfassessment/emails/setting_invitation", context, to=[email])
    return member


def setting_member_remove(*, actor: Actor, member: SettingMember) -> SettingMember:
    """Stop someone being a user of the setting (they left, or were invited by mistake): they
    can no longer sign in to it. Their membership and what they wrote stay, with history."""
    actor.require("setting.manage")
    require_same_partnership(actor, member)
    person = member.person
    if not person.is_active:
        raise ValidationError(f"{person.full_name} was already removed.")
    person.is_active = False
    save_as(person, actor)
    return member
