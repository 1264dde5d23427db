"""The "Making Data Count" icons of a scorecard row (pure: no Django): what the latest point's
variation and the assurance against the target say, as a kind (its colour), a letter and the
words that stand for the icon (its text alternative and its key).

As NHS England's icons: variation is a grey circle for common cause, blue for special cause
improving and orange for concerning, with H or L for a high or low value (purple when neither
direction is better); assurance is P (the target consistently met: passes), F (consistently
failed) or ? (hit and miss)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from assurance.dataset.charts.spc import Assurance, Polarity, SpcResult, Variation

# The circle's colour of each kind (NHS England's: blue improving or met, orange concerning or
# failed, purple when neither direction is better, grey otherwise) and the letter's on it.
FILLS = {
    "improving": "#1d70b8",
    "met": "#1d70b8",
    "concerning": "#f47738",
    "failed": "#f47738",
    "neither": "#4c2c92",
}
GREY = "#505a5f"
DARK_INK = {"concerning", "failed"}  # black letters on orange, white on the others


@dataclass(frozen=True)
class SpcIcon:
    # "common", "improving", "concerning", "neither", "met", "failed", "hit_and_miss" or "none"
    kind: str
    letter: str
    label: str  # the text alternative: the whole verdict in words

    @property
    def fill(self) -> str:
        return FILLS.get(self.kind, GREY)

    @property
    def ink(self) -> str:
        return "#0b0c0c" if self.kind in DARK_INK else "#ffffff"


NO_VARIATION = SpcIcon("none", "", "No variation verdict: no values yet")
NO_TARGET = SpcIcon("none", "", "No assurance verdict: no target set")
NO_DIRECTION = SpcIcon("none", "", "No assurance verdict: neither direction is better")


def variation_icon(result: SpcResult | None) -> SpcIcon:
    if result is None:
        return NO_VARIATION
    return variation_icon_of(result.variation, result.polarity)


def variation_icon_of(variation: Variation | None, polarity: Polarity) -> SpcIcon:
    """The variation icon of a verdict kept without its chart (a scorecard's summary row)."""
    if variation is None:
        return NO_VARIATION
    if variation is Variation.COMMON_CAUSE:
        return SpcIcon("common", "", "Common cause variation: no significant change")
    if variation in (Variation.NEITHER_HIGH, Variation.NEITHER_LOW):
        high = variation is Variation.NEITHER_HIGH
        return SpcIcon(
            "neither",
            "H" if high else "L",
            f"Special cause variation: significantly {'high' if high else 'low'}",
        )
    improving = variation is Variation.IMPROVING
    higher_is_better = polarity is Polarity.HIGHER_IS_BETTER
    high = improving == higher_is_better
    return SpcIcon(
        "improving" if improving else "concerning",
        "H" if high else "L",
        f"Special cause {'improving' if improving else 'concerning'} variation: "
        f"significantly {'high' if high else 'low'}",
    )


def assurance_icon(result: SpcResult | None) -> SpcIcon:
    if result is None:
        return NO_TARGET
    return assurance_icon_of(
        result.assurance, result.polarity, has_target=result.target is not None
    )


def assurance_icon_of(
    assurance: Assurance | None, polarity: Polarity, *, has_target: bool
) -> SpcIcon:
    """The assurance icon of a verdict kept without its chart (a scorecard's summary row)."""
    if not has_target:
        return NO_TARGET
    if polarity is Polarity.NEITHER or assurance is None:
        return NO_DIRECTION
    return {
        Assurance.CONSISTENTLY_MET: SpcIcon("met", "P", "Target consistently met"),
        Assurance.CONSISTENTLY_FAILED: SpcIcon("failed", "F", "Target consistently failed"),
        Assurance.HIT_AND_MISS: SpcIcon(
            "hit_and_miss", "?", "Hit and miss: the target may or may not be met"
        ),
    }[assurance]


# The key below a scorecard table: every icon once, in words.
SPC_KEY = (
    SpcIcon("common", "", "Common cause variation: no significant change"),
    SpcIcon("improving", "H", "Special cause improving variation: significantly high"),
    SpcIcon("improving", "L", "Special cause improving variation: significantly low"),
    SpcIcon("concerning", "H", "Special cause concerning variation: significantly high"),
    SpcIcon("concerning", "L", "Special cause concerning variation: significantly low"),
    SpcIcon("neither", "H", "Special cause variation where neither direction is better: high"),
    SpcIcon("met", "P", "Target consistently met"),
    SpcIcon("failed", "F", "Target consistently failed"),
    SpcIcon("hit_and_miss", "?", "Hit and miss: the target may or may not be met"),
)
# what the key shows, for its drawing kept in the cache (ADR 032)
SPC_KEY_DIGEST = hashlib.blake2b(repr(SPC_KEY).encode(), digest_size=12).hexdigest()
