"""The impact rules (pure): an indicator before and after, a standard in two audits."""

from decimal import Decimal as D

import pytest

from assurance.core.stats import p_value_text
from assurance.improvement.actions import impact


@pytest.mark.parametrize(
    ("before", "after", "target", "polarity", "outcome"),
    [
        (None, D("10"), D("12"), "higher", impact.NOT_YET),  # no baseline
        (D("10"), None, D("12"), "higher", impact.NOT_YET),  # nothing published since
        (D("10"), D("12"), D("12"), "higher", impact.ACHIEVED),  # reached exactly
        (D("10"), D("11"), D("12"), "higher", impact.IMPROVED),  # better, short of target
        (D("10"), D("11"), None, "higher", impact.ACHIEVED),  # better, no target set
        (D("10"), D("9"), D("12"), "higher", impact.WORSE),
        (D("10"), D("10"), D("12"), "higher", impact.NO_CLEAR_CHANGE),
        (D("20"), D("15"), D("16"), "lower", impact.ACHIEVED),  # lower is better
        (D("20"), D("18"), D("16"), "lower", impact.IMPROVED),
        (D("20"), D("22"), D("16"), "lower", impact.WORSE),
        (D("20"), D("15"), D("17"), "neither", impact.IMPROVED),  # nearer the target
        (D("20"), D("17"), D("17"), "neither", impact.ACHIEVED),
        (D("20"), D("25"), D("17"), "neither", impact.WORSE),
        (D("20"), D("25"), None, "neither", impact.NO_CLEAR_CHANGE),  # no direction to judge
    ],
)
def test_indicator_verdict(before, after, target, polarity, outcome):
    verdict = impact.indicator_verdict(before=before, after=after, target=target, polarity=polarity)
    assert verdict.outcome == outcome
    assert verdict.figures["method"] == impact.INDICATOR_METHOD


def test_indicator_verdict_says_the_figures():
    verdict = impact.indicator_verdict(
        before=D("64.5000"),
        after=D("71.0000"),
        target=D("70"),
        polarity="higher",
        before_period="2023",
        after_period="2025",
    )
    assert verdict.summary == (
        "The indicator moved from 64.5 (2023) to 71 (2025), reaching the target of 70."
    )


@pytest.mark.parametrize(
    ("before", "after", "target", "outcome"),
    [
        ((10, 40), (30, 40), None, impact.ACHIEVED),  # 25% → 75%: p far below 0.05
        ((30, 40), (10, 40), None, impact.WORSE),
        ((10, 20), (12, 20), None, impact.NO_CLEAR_CHANGE),  # 50% → 60%: could be chance
        ((10, 20), (16, 20), D("75"), impact.IMPROVED),  # 50% → 80%, p≈0.096, target met
        ((10, 20), (14, 20), D("75"), impact.NO_CLEAR_CHANGE),  # 70%: below the target
        ((0, 0), (10, 20), None, impact.NOT_YET),  # baseline assessed nothing
        ((5, 20), (0, 0), None, impact.NOT_YET),
        ((20, 20), (20, 20), None, impact.NO_CLEAR_CHANGE),
    ],
)
def test_reaudit_verdict(before, after, target, outcome):
    verdict = impact.reaudit_verdict(
        before_meeting=before[0],
        before_assessed=before[1],
        after_meeting=after[0],
        after_assessed=after[1],
        target=target,
    )
    assert verdict.outcome == outcome


def test_reaudit_verdict_states_the_method_and_numbers():
    verdict = impact.reaudit_verdict(
        before_meeting=10,
        before_assessed=40,
        after_meeting=30,
        after_assessed=40,
        before_label="Neglect 2025",
        after_label="Neglect 2026",
    )
    assert "10 of 40 (25%" in verdict.summary and "30 of 40 (75%" in verdict.summary
    assert "Fisher's exact test: p < 0.001," in verdict.summary
    assert verdict.figures["p_value"] < 0.001
    assert verdict.figures["before_low"] < 0.25 < verdict.figures["before_high"]
    assert "Wilson" in verdict.figures["method"]


@pytest.mark.parametrize(
    ("p_value", "text"),
    [
        (0.00001, "p < 0.001"),
        (0.001, "p = 0.001"),
        (0.0494, "p = 0.049"),
        (None, "p not available"),
    ],
)
def test_p_values_are_never_shown_as_zero(p_value, text):
    assert p_value_text(p_value) == text
