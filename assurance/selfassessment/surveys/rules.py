"""The rules of what staff say (pure: no database).

* **Minimum group size**: no result of an organisation's survey is shown, on a page, in an
  export or through the API, until ``MIN_GROUP`` practitioners have answered it, so that no
  answer can be traced to the few people who gave it.
* **Distribution**: per standard, how many answered each point of the scale, and the share
  who agree among those who gave a view (``I don't know`` is counted but is not a view).
* **Comparison**: the organisation's self-rating beside its staff's answers. A disagreement is
  flagged when at least ``MIN_GROUP`` staff gave a view on the standard and

  - the self-rating is *Fully met* while fewer than half of them agree;
  - the self-rating is *Partly met* while more than half of them disagree;
  - the self-rating is *Not met* while at least half of them agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from assurance.selfassessment.surveys.models import StaffAnswer

MIN_GROUP = 5

SCALE = tuple(StaffAnswer)
VIEWS = (StaffAnswer.AGREE, StaffAnswer.PARTLY, StaffAnswer.DISAGREE)


def results_shown(responses: int) -> bool:
    """Whether an organisation's results may be shown at all."""
    return responses >= MIN_GROUP


def more_needed(responses: int) -> int:
    """How many more responses are needed before the results are shown (0: none)."""
    return max(MIN_GROUP - responses, 0)


def more_needed_text(responses: int) -> str:
    """The page's words for it: "2 more needed"."""
    n = more_needed(responses)
    if n == 0:
        return ""
    return f"{n} more {'response' if n == 1 else 'responses'} needed"


def link_open(*, deadline: date, today: date, closed_at: datetime | None) -> bool:
    """The link takes answers until the end of the round's deadline, unless the business unit
    closed it first."""
    return closed_at is None and today <= deadline


@dataclass(frozen=True)
class Distribution:
    """The staff's answers to one standard."""

    counts: Mapping[str, int] = field(default_factory=dict)

    def count(self, answer: str) -> int:
        return self.counts.get(answer, 0)

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def with_a_view(self) -> int:
        return sum(self.count(answer) for answer in VIEWS)

    def share(self, answer: str) -> Fraction | None:
        """The share of those with a view who gave ``answer`` (None when nobody gave one)."""
        if not self.with_a_view:
            return None
        return Fraction(self.count(answer), self.with_a_view)

    def percent(self, answer: str) -> int | None:
        """The same share as a whole percentage of everyone who answered (for the table)."""
        if not self.n:
            return None
        return round(100 * self.count(answer) / self.n)


def distributions(
    answers: Iterable[Mapping[str, str]], codes: Iterable[str]
) -> dict[str, Distribution]:
    """Per standard code, the answers of every response (a response that skipped a standard,
    or whose answer is not on the scale, is not counted for it)."""
    codes = list(codes)
    tallies: dict[str, dict[str, int]] = {code: {} for code in codes}
    valid = set(StaffAnswer.values)
    for response in answers:
        for code in codes:
            answer = response.get(code)
            if answer in valid:
                tallies[code][answer] = tallies[code].get(answer, 0) + 1
    return {code: Distribution(counts=tallies[code]) for code in codes}


FULLY, PARTLY, NOT_MET = "fully", "partly", "not"


def rating_kind(label: str) -> str:
    """The kind of a self-rating from its label on the tool's scale: "Fully met", "Partly
    met", "Not met" (any case); "" for anything else (not applicable, another scale)."""
    words = " ".join(label.lower().split())
    for kind, start in ((FULLY, "fully"), (PARTLY, "partly"), (NOT_MET, "not met")):
        if words.startswith(start):
            return kind
    return ""


LESS_POSITIVE = "Staff less positive"
MORE_POSITIVE = "Staff more positive"


def disagreement(self_rating: str, staff: Distribution) -> str:
    """The flag where the self-rating and the staff disagree (the rule above), or ""."""
    kind = rating_kind(self_rating)
    if not kind or staff.with_a_view < MIN_GROUP:
        return ""
    agree = staff.share(StaffAnswer.AGREE) or Fraction(0)
    disagree = staff.share(StaffAnswer.DISAGREE) or Fraction(0)
    if kind == FULLY and agree < Fraction(1, 2):
        return LESS_POSITIVE
    if kind == PARTLY and disagree > Fraction(1, 2):
        return LESS_POSITIVE
    if kind == NOT_MET and agree >= Fraction(1, 2):
        return MORE_POSITIVE
    return ""
