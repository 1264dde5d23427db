"""The heat map's cells, drawn once in Python: a page of 50 organisations × 40 standards is
2,000 cells, which the template engine would draw node by node at many times the cost of the
page's shell (ADR 032). A single return's cell can only be one of the scale's few ratings, so
each rating's cell is escaped and written once and reused; a group's cell is written from its
figures. Every cell carries text (a rating's mark, or a percentage) and its words for a screen
reader: the colour is never the only signal."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from assurance.core.stats import percent
from assurance.selfassessment.standards.rules import (
    Rating,
    StandardFigures,
    band,
    rating_band,
    rating_marks,
)

ROW_HEADER = '<th scope="row" class="govuk-table__header">'
COLOURS = {"high": "green", "middle": "yellow", "low": "red", "none": "grey"}
NOT_RATED = (
    '<td class="govuk-table__cell app-heat__cell">–'
    '<span class="govuk-visually-hidden"> not rated</span></td>'
)


def key(scale: Sequence[Rating]) -> list[dict[str, str]]:
    """The key: each rating's mark, colour and label."""
    marks = rating_marks([r.label for r in scale])
    return [
        {"mark": marks[r.label], "colour": COLOURS[rating_band(scale, r.label)], "label": r.label}
        for r in scale
    ]


def _tag(colour: str, text: str, words: str) -> str:
    return (
        f'<td class="govuk-table__cell app-heat__cell"><strong class="govuk-tag '
        f'govuk-tag--{colour} app-heat__tag" aria-hidden="true">{text}</strong>'
        f'<span class="govuk-visually-hidden">{words}</span></td>'
    )


def rating_cells(scale: Sequence[Rating]) -> dict[str, str]:
    """Each rating's cell: its mark in a tag of its band's colour, and its label in words."""
    marks = rating_marks([r.label for r in scale])
    return {
        r.label: _tag(COLOURS[rating_band(scale, r.label)], escape(marks[r.label]), escape(r.label))
        for r in scale
    }


def organisation_rows(
    rows: Sequence[tuple[str, str, dict[str, str]]],
    *,
    codes: Sequence[str],
    scale: Sequence[Rating],
) -> list[SafeString]:
    """Each organisation's row: (name, address of its return or "", {code: rating label})."""
    cells = rating_cells(scale)
    drawn = []
    for name, href, ratings in rows:
        named = escape(name)
        header = f'<a class="govuk-link" href="{escape(href)}">{named}</a>' if href else named
        parts = [f'<tr class="govuk-table__row">{ROW_HEADER}{header}</th>']
        parts.extend(cells.get(ratings.get(code, ""), NOT_RATED) for code in codes)
        parts.append("</tr>")
        drawn.append(mark_safe("".join(parts)))  # noqa: S308 - every text above is escaped
    return drawn


def group_cell(figures: StandardFigures) -> str:
    """A group's share meeting a standard: the percentage in a tag of its band's colour, and
    "75% meet it (30 of 40)" for a screen reader."""
    if not figures.n:
        return NOT_RATED
    text = percent(figures.proportion)
    words = f"{text} meet it ({figures.met} of {figures.n})"
    return _tag(COLOURS[band(figures.proportion)], text, words)


def group_rows(rows: Sequence[tuple[str, int, Sequence[StandardFigures]]]) -> list[SafeString]:
    """Each group's row: (label, returns, figures per standard)."""
    drawn = []
    for label, returns, figures in rows:
        parts = [
            f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
            f'{escape(label)}<br><span class="govuk-body-s">{returns} '
            f"return{'' if returns == 1 else 's'}</span></th>"
        ]
        parts.extend(group_cell(f) for f in figures)
        parts.append("</tr>")
        drawn.append(mark_safe("".join(parts)))  # noqa: S308 - every text above is escaped
    return drawn


def standards_headers(codes: Sequence[str]) -> SafeString:
    """The tables' column headers: each standard's code."""
    return mark_safe(  # noqa: S308 - every code is escaped
        "".join(f'<th scope="col" class="govuk-table__header">{escape(c)}</th>' for c in codes)
    )
