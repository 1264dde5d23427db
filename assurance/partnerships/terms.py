"""A group's terms of reference as rules (pure functions, no database): is a meeting quorate,
and how do the votes count? Used when a meeting records decisions (the learning cycle).

Seed 002's rules: the executive is quorate with "representation from all three safeguarding
partners", and "each of the three statutory partners will have one vote, irrespective of the
number of representatives"; the other groups are quorate with "representation from three member
agencies".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

STATUTORY_ROLES = ("local_authority", "police", "health")
ROLE_NAMES = {"local_authority": "the local authority", "police": "the police", "health": "health"}


@dataclass(frozen=True)
class Attendee:
    person_id: int
    agency_id: int
    statutory_role: str = ""  # "", local_authority, police, health
    is_member: bool = True  # holds a seat on the group (not just invited)


@dataclass(frozen=True)
class Quorum:
    met: bool
    explanation: str


def quorum(rule: str, number: int | None, attendees: Iterable[Attendee]) -> Quorum:
    """Whether the members present make the meeting quorate under ``rule``."""
    members = [a for a in attendees if a.is_member]
    if rule == "none":
        return Quorum(True, "The group has no quorum rule.")
    if rule == "all_statutory_partners":
        present = {a.statutory_role for a in members if a.statutory_role}
        missing = [ROLE_NAMES[r] for r in STATUTORY_ROLES if r not in present]
        if missing:
            return Quorum(
                False, "Not quorate: no representative of " + " or ".join(missing) + " is present."
            )
        return Quorum(True, "Quorate: all three safeguarding partners are represented.")
    needed = number or 0
    if rule == "min_member_agencies":
        agencies = len({a.agency_id for a in members})
        if agencies < needed:
            return Quorum(
                False,
                f"Not quorate: {agencies} member agencies are represented; "
                f"the terms of reference need {needed}.",
            )
        return Quorum(
            True, f"Quorate: {agencies} member agencies are represented (at least {needed} needed)."
        )
    if rule == "min_members":
        count = len({a.person_id for a in members})
        if count < needed:
            return Quorum(
                False,
                f"Not quorate: {count} members are present; the terms of reference need {needed}.",
            )
        return Quorum(True, f"Quorate: {count} members are present (at least {needed} needed).")
    raise ValueError(f"Unknown quorum rule {rule!r}")


FOR, AGAINST, ABSTAIN = "for", "against", "abstain"


@dataclass(frozen=True)
class Vote:
    attendee: Attendee
    choice: str  # for, against, abstain


@dataclass(frozen=True)
class Tally:
    votes_for: int
    votes_against: int
    abstentions: int
    carried: bool | None  # None: decided by consensus, no vote
    explanation: str


def tally(rule: str, votes: Iterable[Vote]) -> Tally:
    """Count the votes as the voting rule says.

    With one vote per statutory partner (or per member agency), an agency's representatives
    cast its one vote together: if they disagree, the agency's vote is recorded as an
    abstention, and the disagreement is stated. A motion is carried by a simple majority of the
    votes cast (abstentions do not count); a tie is not carried.
    """
    votes = [v for v in votes if v.attendee.is_member]
    if rule == "consensus":
        return Tally(0, 0, 0, None, "Decided by consensus: the group does not vote.")
    notes: list[str] = []
    if rule == "one_per_member":
        by_person = {v.attendee.person_id: v.choice for v in votes}
        counted = list(by_person.values())
    elif rule in {"one_per_statutory_partner", "one_per_member_agency"}:
        statutory = rule == "one_per_statutory_partner"
        groups: dict[str, set[str]] = {}
        for v in votes:
            key = v.attendee.statutory_role if statutory else str(v.attendee.agency_id)
            if not key:
                continue  # only the statutory partners vote under this rule
            groups.setdefault(key, set()).add(v.choice)
        counted = []
        for key, choices in sorted(groups.items()):
            if len(choices) == 1:
                counted.append(next(iter(choices)))
            else:
                counted.append(ABSTAIN)
                name = ROLE_NAMES.get(key, f"agency {key}")
                notes.append(
                    f"The representatives of {name} disagreed, so its vote is "
                    "recorded as an abstention."
                )
    else:
        raise ValueError(f"Unknown voting rule {rule!r}")
    counts = Counter(counted)
    carried = counts[FOR] > counts[AGAINST]
    text = (
        f"{'Carried' if carried else 'Not carried'}: {counts[FOR]} for, {counts[AGAINST]} "
        f"against, {counts[ABSTAIN]} abstaining."
    )
    return Tally(counts[FOR], counts[AGAINST], counts[ABSTAIN], carried, " ".join([text, *notes]))
