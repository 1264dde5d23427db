"""What each row of the dashboard's table shows, computed once in Python (a dict of plain
values the template only prints), so that drawing 50 rows costs little beyond the page's shell:
the template engine resolving properties, choices and filters cell by cell cost several times
the shell (docs/bench.md)."""

from __future__ import annotations

import functools
import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from assurance.selfassessment.rounds.models import (
    PARTICIPANT_STATUS_COLOURS,
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


@functools.lru_cache(maxsize=4096)
def _day(day: date | None) -> str:
    """ "3 Dec 2026" (Django's "j M Y", without its per-call format lookups), each day written
    once per process (formatting a date is most of a row's cost; the rows share few days)."""
    return f"{day.day} {day:%b %Y}" if day else ""


def row_cells(
    rows: Iterable[tuple[Any, ...]], *, setting_url: str, past_deadline: bool
) -> list[dict[str, Any]]:
    """Each participant's cells, from its values (``selectors.ROW_COLUMNS``: the days in the
    service's time zone, not times): ``setting_url`` is the
    settings' address, to which a setting's pk and "/" are added."""
    cells = []
    for (
        pk,
        status,
        submitted_at,
        activity,
        chased,
        setting,
        name,
        establishment_type,
        phase,
        postcode,
        agency,
    ) in rows:
        submitted = status == ParticipantStatus.SUBMITTED
        cells.append(
            {
                "pk": pk,
                "name": name if setting else (agency or ""),
                "href": f"{setting_url}{setting}/" if setting else "",
                "kind": f"{establishment_type}, {(phase or '').lower()}" if setting else "Agency",
                "postcode": (postcode or "") if setting else "",
                "status": LABELS.get(status, status),
                "status_tag": STATUS_TAGS.get(status) or tag(status, ""),
                "overdue": past_deadline and not submitted,
                "choosable": not submitted,
                "submitted": _day(submitted_at),
                "activity": _day(activity) or "None",
                "chased": _day(chased) or "Never",
            }
        )
    return cells


def count_links(counts: Iterable[tuple[str, str, int]], *, current: str) -> SafeString:
    """The counts by status (value, label, how many), each a link to the rows of that status
    (``current``: the one shown, marked), as list items written once in Python (ADR 032's
    rule for repeated markup: each number localised by the template engine cost more than
    the rest of the list)."""
    return mark_safe(  # noqa: S308 (every value escaped)
        "".join(
            f'<li><a class="govuk-link govuk-!-font-weight-bold" href="?status={escape(value)}"'
            + (' aria-current="true"' if value == current else "")
            + f">{escape(label)}: {n}</a></li>"
            for value, label, n in counts
        )
    )


CELL = '<td class="govuk-table__cell">'


@dataclass(frozen=True)
class DrawnRows:
    """A page of the table's rows drawn (``rows_html``; empty when none match) and how many
    match in all (the pagination's count): what the dashboard keeps in the cache."""

    total: int
    html: SafeString


def rows_html(cells: Iterable[dict[str, Any]], *, can_chase: bool) -> SafeString:
    """The table's rows as HTML, written once in Python (ADR 032: the template engine resolving
    a dozen values in each of 50 rows cost several times the page's own reads). The same
    markup the template wrote; every value escaped."""
    out = []
    for row in cells:
        pk, name = row["pk"], html.escape(row["name"])
        parts = ['<tr class="govuk-table__row">']
        if can_chase:
            parts.append(CELL)
            if row["choosable"]:
                parts.append(
                    '<div class="govuk-checkboxes govuk-checkboxes--small" '
                    'data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">'
                    f'<input class="govuk-checkboxes__input" id="participant-{pk}" '
                    f'name="participant" type="checkbox" value="{pk}">'
                    f'<label class="govuk-label govuk-checkboxes__label" for="participant-{pk}">'
                    f'<span class="govuk-visually-hidden">Chase {name}</span></label></div></div>'
                )
            parts.append("</td>")
        href = row["href"]
        parts.append(
            f'{CELL}<a class="govuk-link" href="{html.escape(href)}">{name}</a></td>'
            if href
            else f"{CELL}{name}</td>"
        )
        postcode = row["postcode"]
        parts.append(
            f"{CELL}{html.escape(row['kind'])}"
            + (
                f'<br><span class="govuk-hint govuk-!-margin-0">{html.escape(postcode)}</span>'
                if postcode
                else ""
            )
            + "</td>"
        )
        parts.append(
            f"{CELL}{row['status_tag']}"
            + (f" {OVERDUE_TAG}" if row["overdue"] else "")
            + (f"<br>{row['submitted']}" if row["submitted"] else "")
            + "</td>"
        )
        # (days and "None" or "Never", written by ``_day`` and ``row_cells``: nothing to escape)
        parts.append(f"{CELL}{row['activity']}</td>")
        parts.append(f"{CELL}{row['chased']}</td></tr>")
        out.append("".join(parts))
    return mark_safe("\n".join(out))  # noqa: S308 - every value above is escaped
