"""What each row of the deadline board shows, worked out once per row in Python from the
review's facts and timeline (``selectors.board``): the reference and the address of its page,
the stage's label and tag colour, when it closed, whether a deadline was missed, the agencies
whose information is late, the next deadline with its date, and the working days left.

The template then draws each row with plain lookups in one loop (no model property, template
filter, URL reversal or included template per cell), and keeps the rows it drew in the cache
under the digest of exactly what they show (``digest``): the same rows are drawn once per
process, and any change of what a row shows (a step done, a day passed, a review renamed) is a
new digest, so a cached row is never out of date and nothing needs invalidating. This is how
the data set's performance pages are drawn (ADR 032); the texts are those the board wrote
before, so it looks exactly as it did.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, TypedDict

from django.urls import get_script_prefix, get_urlconf, reverse

from assurance.core.registry import status_colour
from assurance.reviews.board.selectors import BoardRow
from assurance.reviews.board.timeline import Deadline

# The month abbreviations of Django's "M" date format in English (the service's language)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Cell(TypedDict):
    """The board's row of one review."""

    reference: str
    href: str
    stage: str  # "Rapid review"
    stage_colour: str  # the GOV.UK tag colour of the stage
    closed: str  # "3 Mar 2026" once closed, else empty
    missed: bool  # a deadline was missed (done late, or not done)
    information_late: str  # "CSC, Police": the agencies whose information is late
    next_label: str  # "Send the rapid review to the Panel"; empty when none is left
    next_due: str  # "23 Mar 2026"
    when: str  # "3 working days left", "Due today", "2 working days late"
    when_colour: str  # "red" (late), "green" (done in time) or empty: plain text


def short_date(day: date) -> str:
    """``day`` as the ``date:"j M Y"`` filter writes it in English: 3 Mar 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def incident_hrefs(slug: str, pks: Iterable[int]) -> dict[int, str]:
    """Review pk → the address of its page in the partnership: one URL reversal for all rows
    (the addresses differ only in the pk)."""
    sample = reverse("reviews:incident_detail", args=[slug, 1])
    base = sample.removesuffix("1/")
    return {pk: f"{base}{pk}/" for pk in pks}


def _when(deadline: Deadline) -> tuple[str, str]:
    """What ``reviews/_deadline.html`` shows of a deadline: its words and tag colour."""
    words = deadline.when_words
    if deadline.late:
        return words[:1].upper() + words[1:], "red"
    if deadline.done_on is not None:
        return "Done in time", "green"
    return words[:1].upper() + words[1:], ""


def board_rows(rows: Sequence[BoardRow], *, slug: str) -> list[Cell]:
    """The board's rows, in the order given."""
    hrefs = incident_hrefs(slug, (row.review.pk for row in rows))
    out: list[Cell] = []
    for row in rows:
        t = row.timeline
        following = t.next
        when, when_colour = _when(following) if following else ("", "")
        out.append(
            Cell(
                reference=row.review.reference,
                href=hrefs[row.review.pk],
                stage=t.stage_label,
                stage_colour=status_colour("review_stage", t.stage),
                closed=short_date(t.closed_on) if t.closed_on else "",
                missed=t.late,
                information_late=", ".join(row.information_late),
                next_label=following.label if following else "",
                next_due=short_date(following.due) if following else "",
                when=when,
                when_colour=when_colour,
            )
        )
    return out


def digest(rows: Sequence[Mapping[str, Any]], *, partnership_id: int) -> str:
    """The key of the drawn rows in the cache: the partnership and everything the rows show
    (their dicts' ``repr``), in order."""
    content = repr([partnership_id, *rows]).encode()
    return hashlib.blake2b(content, digest_size=20).hexdigest()


# Boards kept drawn as cells: a partnership's few views (default, open, each year, every review)
# a day, with room for a national deployment's partnerships
BOARDS_KEPT = 2048


def board_cells(
    rows: tuple[BoardRow, ...], *, slug: str, partnership_id: int
) -> tuple[list[Cell], str]:
    """The board's cells and their ``digest``, worked out once per content: remembered under
    the rows themselves (each review's facts, its timeline for the day and its late agencies,
    all values), the partnership's slug and id and the URLconf in use (the addresses), so a
    remembered one is never out of date. The cells are shared between requests: read them,
    never change them."""
    return _board_cells(rows, slug, partnership_id, get_urlconf(), get_script_prefix())


@lru_cache(maxsize=BOARDS_KEPT)
def _board_cells(
    rows: tuple[BoardRow, ...], slug: str, partnership_id: int, urlconf: Any, prefix: str
) -> tuple[list[Cell], str]:
    # ``urlconf`` and ``prefix`` are part of the key only: ``reverse`` reads the current ones
    cells = board_rows(rows, slug=slug)
    return cells, digest(cells, partnership_id=partnership_id)
