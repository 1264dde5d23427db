"""Each verdict of the XmR rules has its "Making Data Count" icon and words (table-driven)."""

from __future__ import annotations

import pytest

from assurance.dataset.charts.icons import assurance_icon, variation_icon
from assurance.dataset.charts.spc import xmr

BASE = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11]  # limits 7.87 to 15.13
HIGH = [*BASE, 30]  # the last point beyond the upper limit
LOW = [*BASE, -5]


@pytest.mark.parametrize(
    ("values", "polarity", "kind", "letter", "words"),
    [
        (BASE, "higher", "common", "", "Common cause variation: no significant change"),
        (HIGH, "higher", "improving", "H", "Special cause improving variation: significantly high"),
        (
            HIGH,
            "lower",
            "concerning",
            "H",
            "Special cause concerning variation: significantly high",
        ),
        (LOW, "higher", "concerning", "L", "Special cause concerning variation: significantly low"),
        (LOW, "lower", "improving", "L", "Special cause improving variation: significantly low"),
        (HIGH, "neither", "neither", "H", "Special cause variation: significantly high"),
        (LOW, "neither", "neither", "L", "Special cause variation: significantly low"),
        ([], "higher", "none", "", "No variation verdict: no values yet"),
    ],
)
def test_variation_icons(values, polarity, kind, letter, words):
    icon = variation_icon(xmr(values, polarity=polarity))
    assert (icon.kind, icon.letter, icon.label) == (kind, letter, words)


@pytest.mark.parametrize(
    ("polarity", "target", "kind", "letter", "words"),
    [
        ("higher", 5, "met", "P", "Target consistently met"),
        ("higher", 16, "failed", "F", "Target consistently failed"),
        ("lower", 16, "met", "P", "Target consistently met"),
        ("higher", 12, "hit_and_miss", "?", "Hit and miss: the target may or may not be met"),
        ("higher", None, "none", "", "No assurance verdict: no target set"),
        ("neither", 12, "none", "", "No assurance verdict: neither direction is better"),
    ],
)
def test_assurance_icons(polarity, target, kind, letter, words):
    icon = assurance_icon(xmr(BASE, polarity=polarity, target=target))
    assert (icon.kind, icon.letter, icon.label) == (kind, letter, words)
    assert variation_icon(None).kind == assurance_icon(None).kind == "none"


@pytest.mark.parametrize("values", [BASE, HIGH, LOW, []])
@pytest.mark.parametrize("polarity", ["higher", "lower", "neither"])
@pytest.mark.parametrize("target", [None, 5, 12, 16])
def test_icons_of_a_kept_verdict_are_the_icons_of_its_chart(values, polarity, target):
    """A summary row keeps the verdicts, not the chart: the same icons either way."""
    from assurance.dataset.charts.icons import assurance_icon_of, variation_icon_of

    result = xmr(values, polarity=polarity, target=target)
    assert variation_icon_of(result.variation, result.polarity) == variation_icon(result)
    has_target = target is not None and result.variation is not None
    kept = assurance_icon_of(result.assurance, result.polarity, has_target=has_target)
    assert kept == (assurance_icon(result) if values else assurance_icon(None))


@pytest.mark.parametrize(
    ("kind", "fill", "ink"),
    [
        ("improving", "#1d70b8", "#ffffff"),
        ("met", "#1d70b8", "#ffffff"),
        ("concerning", "#f47738", "#0b0c0c"),
        ("failed", "#f47738", "#0b0c0c"),
        ("neither", "#4c2c92", "#ffffff"),
        ("common", "#505a5f", "#ffffff"),
        ("hit_and_miss", "#505a5f", "#ffffff"),
    ],
)
def test_each_kind_has_its_colours(kind, fill, ink):
    """NHS England's colours: blue improving or met, orange (with a black letter) concerning or
    failed, purple when neither direction is better, grey for common cause and hit and miss."""
    from assurance.dataset.charts.icons import SpcIcon

    icon = SpcIcon(kind, "H", "words")
    assert (icon.fill, icon.ink) == (fill, ink)
