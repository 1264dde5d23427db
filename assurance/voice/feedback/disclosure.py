"""Does a message read like a disclosure? (pure: no database)

A message is flagged when it contains one of the words or phrases the partnership chose
(whole words, any case, any spacing between them) or anything the identifier detector
(``core.identifiers``) finds: a child who writes their address or phone number may want to be
found. A flagged message goes to the duty inbox at once and is never counted or quoted in a
report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assurance.core.identifiers import find_identifiers

# What a partnership starts with; the business unit changes the list on the duty inbox page.
STARTER_WORDS = (
    "hurt me",
    "hurts me",
    "hit me",
    "hits me",
    "beat me",
    "beats me",
    "kicked me",
    "touched me",
    "touches me",
    "abuse",
    "abused",
    "raped",
    "scared to go home",
    "not safe",
    "unsafe",
    "kill myself",
    "hurt myself",
    "hurting myself",
    "self harm",
    "suicide",
    "want to die",
    "no food",
    "locked in",
    "run away",
    "groomed",
)

MAX_WORD_LENGTH = 60


def parse_words(text: str) -> list[str]:
    """The words and phrases of the settings' box: one a line, trimmed, in lower case, once
    each, blank lines left out."""
    words: list[str] = []
    for line in text.splitlines():
        word = " ".join(line.split()).lower()
        if word and word not in words:
            words.append(word)
    return words


def word_problems(text: str) -> list[str]:
    """What is wrong with the box of words, in plain English (empty: nothing)."""
    words = parse_words(text)
    if not words:
        return ["Enter at least one word or phrase, one a line"]
    problems = []
    for number, word in enumerate(words, start=1):
        if len(word) > MAX_WORD_LENGTH:
            problems.append(
                f"Line {number} is {len(word)} characters long: keep each word or phrase to "
                f"{MAX_WORD_LENGTH} characters"
            )
        elif len(word) < 3:
            problems.append(
                f"Line {number} (“{word}”) is too short: it would flag ordinary messages"
            )
    return problems


def _pattern(word: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in word.split()]
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def disclosure_reasons(texts: Mapping[str, str], words: Sequence[str]) -> list[str]:
    """Why the message (its texts, by field) reads like a disclosure: each word found, then
    each kind of identifier found, once each; empty if it does not."""
    reasons: list[str] = []
    joined = "\n".join(text for text in texts.values() if text)
    if not joined.strip():
        return reasons
    for word in words:
        if word and _pattern(word).search(joined):
            reason = f"the words “{word}”"
            if reason not in reasons:
                reasons.append(reason)
    for finding in find_identifiers(joined):
        reason = f"what looks like {finding.label}"
        if reason not in reasons:
            reasons.append(reason)
    return reasons
