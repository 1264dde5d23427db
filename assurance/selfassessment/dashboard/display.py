"""What each row of the dashboard's table shows, computed once in Python (a dict of plain
values the template only prints), so that drawing 50 rows costs little beyond the page's shell:
the template engine resolving properties, choices and filters cell by cell cost several times
the shell (docs/bench.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from assurance.selfassessment.rounds.models import (
    PARTICIPANT_STATUS_COLOURS,
    Participant,
    ParticipantStatus,
)

LABELS: dict[str, str] = {str(value): str(label) for value, label in ParticipantStatus.choices}
COLOURS: dict[str, str] = {str(k): v for k, v in PARTICIPANT_STATUS_COLOURS.items()}


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
                "colour": COLOURS.get(p.status, ""),
                "overdue": past_deadline and not submitted,
                "choosable": not submitted,
                "submitted": _day(p.submitted_at),
                "activity": _day(getattr(p, "last_activity", None)) or "None",
                "chased": _day(getattr(p, "last_chased", None)) or "Never",
            }
        )
    return rows
