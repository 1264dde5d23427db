"""What each row of the dashboard's table shows, computed once in Python (a dict of plain
values the template only prints), so that drawing 50 rows costs little beyond the page's shell:
the template engine resolving properties, choices and filters cell by cell cost several times
the shell (docs/bench.md)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from assurance.selfassessment.rounds.models import (
    PARTICIPANT_STATUS_COLOURS,
    Participant,
    ParticipantStatus,
)

LABELS: dict[str, str] = {str(value): str(label) for value, label in ParticipantStatus.choices}
COLOURS: dict[str, str] = {str(k): v for k, v in PARTICIPANT_STATUS_COLOURS.items()}


def tag(label: str, colour: str) -> SafeString:
    """A GOV.UK tag, as ``core/status_tag.html`` draws it, written once rather than included
    per row (a template include per cell cost as much as the rest of the row)."""
    modifier = f" govuk-tag--{colour}" if colour else ""
    return mark_safe(f'<strong class="govuk-tag{modifier}">{escape(label)}</strong>')  # noqa: S308


STATUS_TAGS: dict[str, SafeString] = {
    status: tag(label, COLOURS.get(status, "")) for status, label in LABELS.items()
}
OVERDUE_TAG = tag("Overdue", "red")


def filters_key(*, choices: dict[str, list[str]], data: dict[str, str]) -> str:
    """The key of the drawn filter form in the cache (ADR 032): its choices and what was asked
    for, which are everything it shows (a value that is not a choice shows as its error would)."""
    content = repr([sorted(choices.items()), sorted(data.items())]).encode()
    return hashlib.blake2b(content, digest_size=20).hexdigest()


def _day(moment: Any) -> str:
    """ "3 Dec 2026" (Django's "j M Y", without its per-call format lookups)."""
    if not moment:
        return ""
    day = timezone.localtime(moment)
    return f"{day.day} {day:%b %Y}"


def row_cells(
    participants: Iterable[Participant], *, setting_url: str, past_deadline: bool
) -> list[dict[str, Any]]:
    """Each participant's cells: ``setting_url`` is the settings' address, to which a
    setting's pk and "/" are added."""
    rows = []
    for p in participants:
        setting = p.setting
        submitted = p.status == ParticipantStatus.SUBMITTED
        rows.append(
            {
                "pk": p.pk,
                "name": setting.name if setting else (p.agency.name if p.agency else ""),
                "href": f"{setting_url}{setting.pk}/" if setting else "",
                "kind": f"{setting.establishment_type}, {setting.phase.lower()}"
                if setting
                else "Agency",
                "postcode": setting.postcode if setting else "",
                "status": LABELS.get(p.status, p.status),
                "status_tag": STATUS_TAGS.get(p.status) or tag(p.status, ""),
                "overdue": past_deadline and not submitted,
                "choosable": not submitted,
                "submitted": _day(p.submitted_at),
                "activity": _day(getattr(p, "last_activity", None)) or "None",
                "chased": _day(getattr(p, "last_chased", None)) or "Never",
            }
        )
    return rows
