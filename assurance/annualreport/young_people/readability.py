"""How easy a text is to read (pure): the Flesch reading ease score and the sentences that are
too long for a young reader.

Flesch (1948): 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words). 90–100 is
very easy (an 11-year-old reads it easily), 60–70 plain English (13 to 15), below 50 hard. The
library usually used for it (``textstat``) now needs a pronouncing dictionary downloaded at run
time, which a server without internet access cannot fetch, so syllables are counted here by
the usual rule of English spelling: each run of vowels is one, a silent final "e" is not, and
"-le" after a consonant is. It is close to a dictionary's count for everyday words, which is
what the score needs (docs/annual-report.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_SENTENCE = 20  # words: plain-English guides for young readers keep sentences shorter
TARGET = 60  # a young people's version should score at least this

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """The syllables of one word, by spelling; a number counts as one, every word at least
    one."""
    word = word.lower().split("'")[0]
    if not word.isalpha():
        return 1
    count = len(_VOWELS.findall(word))
    silent = (
        # a final "e" ("make"), but not "-le" after a consonant ("table") or "-ee" ("free")
        (word.endswith("e") and not word.endswith(("ee", "ye")) and not _consonant_le(word))
        # "-ed" is silent unless after t or d ("walked", but "wanted")
        or (word.endswith("ed") and not word.endswith(("ted", "ded")))
        # "-es" is silent unless after a hissing sound ("makes", but "boxes")
        or (word.endswith("es") and not word.endswith(_HISSING))
    )
    return max(count - 1 if silent and count > 1 else count, 1)


_HISSING = ("ses", "xes", "zes", "ches", "shes", "ces", "ges")


def _consonant_le(word: str) -> bool:
    return word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy"


def sentences(text: str) -> list[str]:
    """The sentences of a text: split at full stops, question and exclamation marks, and line
    breaks (a list item is a sentence)."""
    found: list[str] = []
    for line in text.splitlines():
        found += [s.strip() for s in _SENTENCE.findall(line) if _WORD.search(s)]
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    score: float | None  # None: no words to score
    long_sentences: list[str]

    @property
    def easy_enough(self) -> bool:
        return self.score is not None and self.score >= TARGET

    @property
    def band(self) -> str:
        """The score in words, from Flesch's table."""
        if self.score is None:
            return "Nothing written yet"
        for floor, label in BANDS:
            if self.score >= floor:
                return label
        return BANDS[-1][1]


BANDS = (
    (90.0, "Very easy"),
    (80.0, "Easy"),
    (70.0, "Fairly easy"),
    (60.0, "Plain English"),
    (50.0, "Fairly hard"),
    (30.0, "Hard"),
    (float("-inf"), "Very hard"),
)


def readability(text: str) -> Readability:
    found = sentences(text)
    all_words = words(text)
    total = sum(syllables(w) for w in all_words)
    long = [s for s in found if len(words(s)) > LONG_SENTENCE]
    if not all_words:
        return Readability(0, 0, 0, None, [])
    score = 206.835 - 1.015 * (len(all_words) / len(found)) - 84.6 * (total / len(all_words))
    return Readability(len(all_words), len(found), total, round(score, 1), long)
