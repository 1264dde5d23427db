"""Quorum and voting as the terms of reference say (table-driven)."""

import pytest

from assurance.partnerships.terms import (
    ABSTAIN,
    AGAINST,
    FOR,
    Attendee,
    Vote,
    quorum,
    tally,
)

LA1 = Attendee(1, 10, "local_authority")
LA2 = Attendee(2, 10, "local_authority")
POLICE = Attendee(3, 20, "police")
HEALTH = Attendee(4, 30, "health")
SCHOOL = Attendee(5, 40)
HOUSING = Attendee(6, 50)
GUEST = Attendee(7, 60, "health", is_member=False)


@pytest.mark.parametrize(
    ("rule", "number", "attendees", "met", "says"),
    [
        ("all_statutory_partners", None, [LA1, POLICE, HEALTH], True, "all three"),
        ("all_statutory_partners", None, [LA1, LA2, POLICE, SCHOOL], False, "health"),
        ("all_statutory_partners", None, [LA1, POLICE, GUEST], False, "health"),
        (
            "all_statutory_partners",
            None,
            [SCHOOL],
            False,
            "the local authority or the police or health",
        ),
        ("min_member_agencies", 3, [LA1, LA2, POLICE], False, "2 member agencies"),
        ("min_member_agencies", 3, [LA1, POLICE, SCHOOL], True, "3 member agencies"),
        ("min_members", 3, [LA1, LA2, POLICE], True, "3 members"),
        ("min_members", 4, [LA1, LA2, GUEST], False, "2 members"),
        ("none", None, [], True, "no quorum rule"),
    ],
)
def test_quorum(rule, number, attendees, met, says):
    result = quorum(rule, number, attendees)
    assert result.met is met
    assert says in result.explanation


def v(attendee, choice):
    return Vote(attendee, choice)


@pytest.mark.parametrize(
    ("rule", "votes", "counts", "carried"),
    [
        # One vote per statutory partner however many representatives attend.
        (
            "one_per_statutory_partner",
            [v(LA1, FOR), v(LA2, FOR), v(POLICE, AGAINST), v(HEALTH, FOR)],
            (2, 1, 0),
            True,
        ),
        (
            "one_per_statutory_partner",
            [v(LA1, FOR), v(LA2, AGAINST), v(POLICE, AGAINST), v(HEALTH, FOR)],
            (1, 1, 1),
            False,
        ),
        (
            "one_per_statutory_partner",
            [v(LA1, FOR), v(SCHOOL, AGAINST), v(HOUSING, AGAINST)],
            (1, 0, 0),
            True,
        ),
        (
            "one_per_member_agency",
            [v(LA1, FOR), v(LA2, FOR), v(SCHOOL, AGAINST), v(HOUSING, AGAINST)],
            (1, 2, 0),
            False,
        ),
        (
            "one_per_member",
            [v(LA1, FOR), v(LA2, FOR), v(SCHOOL, AGAINST), v(GUEST, AGAINST)],
            (2, 1, 0),
            True,
        ),
        ("one_per_member", [v(LA1, FOR), v(SCHOOL, AGAINST)], (1, 1, 0), False),
        ("one_per_member", [v(LA1, ABSTAIN), v(SCHOOL, ABSTAIN)], (0, 0, 2), False),
    ],
)
def test_votes_count_as_the_voting_rule_says(rule, votes, counts, carried):
    result = tally(rule, votes)
    assert (result.votes_for, result.votes_against, result.abstentions) == counts
    assert result.carried is carried


def test_disagreeing_representatives_are_explained():
    result = tally("one_per_statutory_partner", [v(LA1, FOR), v(LA2, AGAINST)])
    assert "representatives of the local authority disagreed" in result.explanation


def test_consensus_groups_do_not_vote():
    assert tally("consensus", [v(LA1, FOR)]).carried is None


@pytest.mark.parametrize("call", [lambda: quorum("nonsense", 1, []), lambda: tally("nonsense", [])])
def test_unknown_rules_are_errors(call):
    with pytest.raises(ValueError):
        call()
