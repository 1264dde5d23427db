"""What the rest of the service reads of the voice of children and families (the annual
report): a business year's figures and its “you said, we did” answers. Never a possible
disclosure. Signatures and fields are in docs/voice.md."""

from __future__ import annotations

from assurance.core.business_year import business_year_bounds
from assurance.partnerships.access import Actor
from assurance.voice.summary.figures import Count, Figures
from assurance.voice.summary.selectors import Quote, quotes_between, year_figures
from assurance.voice.you_said_we_did.selectors import (
    Answer,
    AnswerLine,
    answer_lines_for_year,
    answers_for_year,
)

__all__ = [
    "Answer",
    "AnswerLine",
    "Count",
    "Figures",
    "Quote",
    "answer_lines_for_year",
    "answers_for_year",
    "year_figures",
    "year_quotes",
]


def year_quotes(*, actor: Actor, year: int) -> list[Quote]:
    """The quotes the business unit chose, of feedback received in the business year."""
    start, end = business_year_bounds(year)
    return quotes_between(actor=actor, start=start, end=end)
