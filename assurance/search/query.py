"""What someone typed in the search box, read as words to find (pure: no database).

A search is refused, with a message that says why, when it is empty, too long, or looks like a
child's identifier: cases are found by their pseudonymised reference, and nothing the service
holds is searchable by an NHS number, an address or contact details (docs/adr/005)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assurance.core.identifiers import find_identifiers

MAX_LENGTH = 100
MAX_TERMS = 8
# A date is not refused: meetings are found by their date, and no child's date of birth is held.
REFUSED_KINDS = frozenset({"nhs_number", "ni_number", "email", "phone", "postcode"})
_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[str, ...] = ()
    error: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.terms) and not self.error


def parse_query(raw: str | None) -> Query:
    """The words to look for in ``raw`` (at most ``MAX_TERMS``, duplicates dropped, in the order
    typed), or the reason it cannot be searched."""
    text = " ".join((raw or "").split())
    if not text:
        return Query(text, error="Enter a word or a case reference to search for")
    if len(text) > MAX_LENGTH:
        return Query(text, error=f"Search for {MAX_LENGTH} characters or fewer")
    refused = [f for f in find_identifiers(text) if f.kind in REFUSED_KINDS]
    if refused:
        # Not kept, so that the page does not show it again.
        return Query(
            "",
            error=(
                f"Your search looks like {refused[0].label}. Search for a case by its "
                "reference, never by a child's or a family's details"
            ),
        )
    terms: list[str] = []
    for word in _WORD.findall(text):
        word = word.strip("'’-").lower()
        if word and word not in terms:
            terms.append(word)
    if not terms:
        return Query(text, error="Enter letters or numbers to search for")
    return Query(text, tuple(terms[:MAX_TERMS]))
