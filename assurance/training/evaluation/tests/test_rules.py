"""When each questionnaire is open, when its e-mails go and why a link is refused: table tests
of the pure rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from assurance.training.evaluation import rules
from assurance.training.evaluation.analysis import Stage as AnalysisStage
from assurance.training.evaluation.models import Stage

START = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
END = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
BOOKED = datetime(2026, 2, 20, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def test_the_stages_are_the_analysis_stages():
    assert list(Stage.values) == [s.value for s in AnalysisStage]


@pytest.mark.parametrize(
    ("stage", "confirmed", "opens", "closes"),
    [
        ("before", BOOKED, BOOKED, START),
        # confirmed after the start (the business unit added them on the day): opens at the start
        ("before", START + DAY, START, START),
        ("before", None, START, START),
        ("end", BOOKED, START, END + 14 * DAY),
        ("three_months", BOOKED, END + 91 * DAY, END + 119 * DAY),
        ("manager", BOOKED, END + 91 * DAY, END + 119 * DAY),
    ],
)
def test_window(stage, confirmed, opens, closes):
    assert rules.window(stage=stage, starts_at=START, ends_at=END, confirmed_at=confirmed) == (
        opens,
        closes,
    )


def test_an_unknown_stage_is_refused():
    with pytest.raises(ValueError, match="Unknown stage"):
        rules.window(stage="later", starts_at=START, ends_at=END, confirmed_at=None)


def test_the_three_month_questionnaire_closes_within_the_minimum_retention_period():
    from assurance.training.bookings.retention import MINIMUM_DAYS

    _opens, closes = rules.window(stage="manager", starts_at=START, ends_at=END, confirmed_at=None)
    assert closes - END <= timedelta(days=MINIMUM_DAYS)


OPENS, CLOSES = START, START + 28 * DAY


@pytest.mark.parametrize(
    ("now", "answered", "sends", "last", "due"),
    [
        (OPENS - DAY, False, 0, None, ""),  # not open yet
        (OPENS, False, 0, None, "invitation"),
        (OPENS + DAY, True, 0, None, ""),  # answered
        (OPENS + 6 * DAY, False, 1, OPENS, ""),  # a week not yet passed
        (OPENS + 7 * DAY, False, 1, OPENS, "reminder"),
        (OPENS + 14 * DAY, False, 2, OPENS + 7 * DAY, "reminder"),
        (OPENS + 21 * DAY, False, 3, OPENS + 14 * DAY, ""),  # two reminders already
        (CLOSES, False, 1, OPENS, ""),  # closed
    ],
)
def test_email_due(now, answered, sends, last, due):
    assert (
        rules.email_due(
            now=now,
            opens_at=OPENS,
            closes_at=CLOSES,
            answered=answered,
            sends=sends,
            last_sent_at=last,
        )
        == due
    )


@pytest.mark.parametrize(
    ("now", "answered", "words"),
    [
        (OPENS + DAY, False, ""),
        (OPENS + DAY, True, "already been answered"),
        (OPENS - DAY, False, "opens on 10 March 2026"),
        (CLOSES, False, "expired: the questionnaire closed on 7 April 2026"),
    ],
)
def test_refusal(now, answered, words):
    found = rules.refusal(now=now, opens_at=OPENS, closes_at=CLOSES, answered=answered)
    assert (words in found) if words else found == ""
