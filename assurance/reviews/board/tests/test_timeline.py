"""A review's stage, deadlines, working days left and reminders, as tables (no database). The
council became aware on Monday 2 March 2026: notify by Monday 9 March, rapid review by Monday 23
March."""

from __future__ import annotations

from datetime import date

import pytest

from assurance.reviews.board.timeline import reminder_due, review_timeline

AWARE = date(2026, 3, 2)


def timeline(today: date, **dates):  # type: ignore[no-untyped-def]
    fields = {
        "became_aware_on": AWARE,
        "notified_on": None,
        "rapid_review_sent_on": None,
        "decision": "",
        "decided_on": None,
        "today": today,
        **dates,
    }
    return review_timeline(**fields)


@pytest.mark.parametrize(
    ("today", "dates", "stage", "next_key", "days_left", "late"),
    [
        (date(2026, 3, 2), {}, "notification", "notification", 5, False),
        (date(2026, 3, 9), {}, "notification", "notification", 0, False),  # due today
        (date(2026, 3, 10), {}, "notification", "notification", -1, True),
        (
            date(2026, 3, 10),
            {"notified_on": date(2026, 3, 6)},
            "rapid_review",
            "rapid_review",
            9,
            False,
        ),
        # Notified late: the review stays marked late once the next step is under way
        (
            date(2026, 3, 12),
            {"notified_on": date(2026, 3, 11)},
            "rapid_review",
            "rapid_review",
            7,
            True,
        ),
        (
            date(2026, 3, 30),
            {"notified_on": date(2026, 3, 6), "rapid_review_sent_on": date(2026, 3, 20)},
            "decision",
            None,
            None,
            False,
        ),
        (
            date(2026, 4, 30),
            {
                "notified_on": date(2026, 3, 6),
                "rapid_review_sent_on": date(2026, 3, 20),
                "decision": "no_cspr",
                "decided_on": date(2026, 4, 2),
            },
            "closed",
            None,
            None,
            False,
        ),
        # A practice review: publication due six months after the decision
        (
            date(2026, 4, 30),
            {
                "notified_on": date(2026, 3, 6),
                "rapid_review_sent_on": date(2026, 3, 24),
                "decision": "cspr",
                "decided_on": date(2026, 4, 2),
            },
            "practice_review",
            "notice",  # the final report goes to the Panel and the DfE first
            None,  # counted below
            True,  # the rapid review went a day late
        ),
    ],
)
def test_timeline(
    today: date,
    dates: dict,
    stage: str,
    next_key: str | None,
    days_left: int | None,
    late: bool,
) -> None:
    found = timeline(today, **dates)
    assert found.stage == stage
    assert (found.next.key if found.next else None) == next_key
    if days_left is not None:
        assert found.next is not None and found.next.days_left == days_left
    assert found.late is late


def test_publication_deadline() -> None:
    found = timeline(
        date(2026, 4, 30),
        notified_on=date(2026, 3, 6),
        rapid_review_sent_on=date(2026, 3, 20),
        decision="cspr",
        decided_on=date(2026, 4, 2),
    )
    publication = found.get("publication")
    assert publication is not None and publication.due == date(2026, 10, 2)
    assert found.get("rapid_review").late is False  # type: ignore[union-attr]
    # Seven working days' notice before the deadline (Friday 2 October 2026)
    assert found.get("notice").due == date(2026, 9, 23)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("extra", "stage", "notice_due"),
    [
        # Planned for Wednesday 30 September: the notice is counted back from that day
        ({"planned_publication_on": date(2026, 9, 30)}, "practice_review", date(2026, 9, 21)),
        # A planned date after the deadline: the deadline counts
        ({"planned_publication_on": date(2026, 12, 1)}, "practice_review", date(2026, 9, 23)),
        ({"notice_working_days": 10}, "practice_review", date(2026, 9, 18)),
        (
            {"published_on": date(2026, 9, 30), "report_sent_on": date(2026, 9, 18)},
            "closed",
            date(2026, 9, 23),
        ),
        # Not published, with reasons recorded: closed, no publication deadline
        ({"not_publishing": True}, "closed", None),
    ],
)
def test_the_practice_reviews_deadlines(extra: dict, stage: str, notice_due: date | None) -> None:
    found = timeline(
        date(2026, 4, 30),
        notified_on=date(2026, 3, 6),
        rapid_review_sent_on=date(2026, 3, 20),
        decision="cspr",
        decided_on=date(2026, 4, 2),
        **extra,
    )
    assert found.stage == stage
    notice = found.get("notice")
    assert (notice.due if notice else None) == notice_due
    assert (found.get("publication") is None) is (notice_due is None)


@pytest.mark.parametrize(
    ("today", "dates", "words"),
    [
        (date(2026, 3, 2), {}, "5 working days left"),
        (date(2026, 3, 6), {}, "1 working day left"),
        (date(2026, 3, 9), {}, "due today"),
        (date(2026, 3, 10), {}, "1 working day late"),
        (date(2026, 3, 12), {}, "3 working days late"),
        (date(2026, 3, 12), {"notified_on": date(2026, 3, 6)}, "done in time"),
        (date(2026, 3, 12), {"notified_on": date(2026, 3, 10)}, "done late"),
    ],
)
def test_what_the_board_says(today: date, dates: dict, words: str) -> None:
    assert timeline(today, **dates).get("notification").when_words == words  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("today", "dates", "reminder"),
    [
        (date(2026, 3, 2), {}, None),  # five working days left
        (date(2026, 3, 5), {}, "before"),  # two left
        (date(2026, 3, 9), {}, "before"),  # due today
        (date(2026, 3, 10), {}, "missed"),
        (date(2026, 3, 10), {"notified_on": date(2026, 3, 10)}, None),  # done: nothing
    ],
)
def test_reminders(today: date, dates: dict, reminder: str | None) -> None:
    assert reminder_due(timeline(today, **dates).get("notification")) == reminder  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("dates", "closed_on"),
    [
        ({}, None),  # open: not closed
        (
            {
                "notified_on": date(2026, 3, 6),
                "rapid_review_sent_on": date(2026, 3, 20),
                "decision": "no_cspr",
                "decided_on": date(2026, 4, 2),
            },
            date(2026, 4, 2),  # closed by the decision
        ),
        (
            {
                "notified_on": date(2026, 3, 6),
                "rapid_review_sent_on": date(2026, 4, 8),  # sent after the decision's date
                "decision": "other",
                "decided_on": date(2026, 4, 2),
            },
            date(2026, 4, 8),
        ),
        (
            {
                "notified_on": date(2026, 3, 6),
                "rapid_review_sent_on": date(2026, 3, 20),
                "decision": "cspr",
                "decided_on": date(2026, 4, 2),
                "report_sent_on": date(2026, 9, 10),
                "published_on": date(2026, 9, 24),
            },
            date(2026, 9, 24),  # closed by the publication
        ),
        (
            {
                "notified_on": date(2026, 3, 6),
                "rapid_review_sent_on": date(2026, 3, 20),
                "decision": "cspr",
                "decided_on": date(2026, 4, 2),
            },
            None,  # the practice review is under way
        ),
    ],
)
def test_when_a_review_closed(dates: dict, closed_on: date | None) -> None:
    assert timeline(date(2026, 12, 1), **dates).closed_on == closed_on


EVENT, DRAFT = date(2026, 5, 14), date(2026, 7, 1)  # a Thursday and a Wednesday


def _milestones(event_on: date | None = None, draft_due: date | None = DRAFT):  # type: ignore[no-untyped-def]
    return (
        ("practitioner_event", "Practitioner event", EVENT, event_on),
        ("family_contribution", "Family's contribution", None, None),  # no date set
        ("draft", "Draft report", draft_due, None),
        ("final", "Final report", None, None),
    )


@pytest.mark.parametrize(
    ("today", "extra", "next_key", "days_left", "late", "keys"),
    [
        # The practitioner event is next, then the draft; a milestone with no date is none
        (
            date(2026, 5, 12),
            {"milestones": _milestones()},
            "practitioner_event",
            2,
            False,
            ["practitioner_event", "draft", "notice", "publication"],
        ),
        # Held a day late: marked late; the draft is next (32 weekdays less the spring bank
        # holiday, Monday 25 May)
        (
            date(2026, 5, 18),
            {"milestones": _milestones(event_on=date(2026, 5, 15))},
            "draft",
            31,
            True,
            ["practitioner_event", "draft", "notice", "publication"],
        ),
        # Not held, and past: late now
        (date(2026, 5, 15), {"milestones": _milestones()}, "practitioner_event", -1, True, None),
        # No milestone dates set: the notice and the publication only
        (
            date(2026, 5, 12),
            {"milestones": _milestones(draft_due=None)[1:]},
            "notice",
            None,
            False,
            ["notice", "publication"],
        ),
        # Published: a milestone never done no longer counts (nor is late); one done stays
        (
            date(2026, 12, 1),
            {
                "milestones": _milestones(event_on=EVENT),
                "published_on": date(2026, 9, 30),
                "report_sent_on": date(2026, 9, 18),
            },
            None,
            None,
            False,
            ["practitioner_event", "notice", "publication"],
        ),
        # Not published, with reasons: closed, the milestones not done dropped
        (
            date(2026, 12, 1),
            {"milestones": _milestones(), "not_publishing": True},
            None,
            None,
            False,
            [],
        ),
    ],
)
def test_a_practice_reviews_milestones_are_deadlines(
    today: date,
    extra: dict,
    next_key: str | None,
    days_left: int | None,
    late: bool,
    keys: list[str] | None,
) -> None:
    """The milestones the partnership set due dates for are on the board like the statutory
    deadlines: the next one, its working days left, late once missed, reminded of."""
    found = timeline(
        today,
        notified_on=date(2026, 3, 6),
        rapid_review_sent_on=date(2026, 3, 20),
        decision="cspr",
        decided_on=date(2026, 4, 2),
        **extra,
    )
    following = found.next
    assert (following.key if following else None) == next_key
    if days_left is not None:
        assert following is not None and following.days_left == days_left
    assert found.late is late
    deadlines = [d.key for d in found.deadlines if d.key not in ("notification", "rapid_review")]
    if keys is not None:
        assert deadlines == keys
