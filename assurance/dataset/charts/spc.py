"""Statistical process control: XmR charts by NHS England's "Making Data Count" method.

A pure module (no Django): values in, a chart's figures and verdicts out. It follows the
conventions of the NHS-R Community's R package NHSRplotthedots so that the same series gives the
same mean, limits, signals and verdicts; ``docs/dataset-spc.md`` lists the few places where we
differ and why.

* Limits: mean ± 2.66 × mean moving range (the "process limits"); two sigma = ± (2/3 × 2.66) ×
  mean moving range.
* Moving ranges may be screened: a moving range of 3.267 × the mean moving range or more is left
  out and the mean moving range recomputed once (``screen_outliers``, on by default as in R).
* Rules (each flags every point that takes part):
  1. a point beyond a process limit;
  2. a run of seven or more points on the same side of the mean (a point on the mean breaks it);
  3. seven or more points each strictly higher (or lower) than the one before (six rises);
  4. two of three consecutive points between two and three sigma, all three on the same side of
     the mean (points beyond the limits are rule 1, not this rule, as in R).
* Rebase: each rebase point starts a new group with its own mean and limits; rules run within a
  group.
* Point type: the first rule that flags a point (limits, trend, two of three, run) gives its
  direction — a trend its own direction, the others the side of the mean — read with the
  polarity: improving, concerning, or (polarity neither) neither high / low.
* Variation verdict: the type of the last point.
* Assurance verdict against a target, from the last group's limits: the target outside the limits
  means consistently met or consistently failed; inside them, hit and miss.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

LIMIT = 2.66
NEAR_LIMIT = 2 * LIMIT / 3
SCREEN_MULTIPLIER = 3.267
RUN_LENGTH = 7
SHORT_GROUP = 12


class Polarity(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"
    NEITHER = "neither"

    @property
    def direction(self) -> int:
        return {"higher": 1, "lower": -1, "neither": 0}[self.value]


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVING = "special_cause_improving"
    CONCERNING = "special_cause_concerning"
    NEITHER_HIGH = "special_cause_neither_high"
    NEITHER_LOW = "special_cause_neither_low"


class SpecialCause(StrEnum):
    ABOVE_UPPER = "above_upper_limit"
    BELOW_LOWER = "below_lower_limit"
    TREND_UP = "trend_increasing"
    TREND_DOWN = "trend_decreasing"
    TWO_IN_THREE_ABOVE = "two_in_three_above"
    TWO_IN_THREE_BELOW = "two_in_three_below"
    RUN_ABOVE = "run_above"
    RUN_BELOW = "run_below"


class Assurance(StrEnum):
    CONSISTENTLY_MET = "consistently_met"
    CONSISTENTLY_FAILED = "consistently_failed"
    HIT_AND_MISS = "hit_and_miss"


@dataclass(frozen=True)
class Point:
    index: int  # position in the input (missing values keep their place)
    value: float
    group: int
    mean: float
    lower_limit: float
    upper_limit: float
    moving_range: float | None  # as used for the limits (None: first point or screened out)
    outside_limits: bool
    relative_to_mean: int  # -1 below, 0 on, 1 above
    near_limits: bool  # between two and three sigma
    run: bool
    trend: bool
    two_in_three: bool
    special_cause: bool
    cause: SpecialCause | None  # the rule that decides the point's type
    variation: Variation


@dataclass(frozen=True)
class Group:
    number: int
    start_index: int
    n: int
    mean: float
    mean_moving_range: float
    lower_limit: float
    upper_limit: float
    screened_out: int  # moving ranges left out by the 3.267 screen
    short: bool  # fewer than 12 points: limits not yet reliable


@dataclass(frozen=True)
class SpcResult:
    points: list[Point]
    groups: list[Group]
    variation: Variation | None  # None for an empty series
    assurance: Assurance | None  # None without a target or when polarity is neither
    polarity: Polarity
    target: float | None
    missing: list[int] = field(default_factory=list)  # input positions with no value


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def _runs_one_side(rtm: Sequence[int]) -> list[bool]:
    """Every point in a run of seven or more consecutive non-zero equal signs."""
    n = len(rtm)
    flags = [False] * n
    start = 0
    while start < n:
        end = start
        while end + 1 < n and rtm[end + 1] == rtm[start]:
            end += 1
        if rtm[start] != 0 and end - start + 1 >= RUN_LENGTH:
            for i in range(start, end + 1):
                flags[i] = True
        start = end + 1
    return flags


def _trends(ys: Sequence[float]) -> list[bool]:
    """Every point in seven or more consecutive strictly rising (or falling) points."""
    n = len(ys)
    flags = [False] * n
    diffs = [_sign(ys[i + 1] - ys[i]) for i in range(n - 1)]
    start = 0
    while start < len(diffs):
        end = start
        while end + 1 < len(diffs) and diffs[end + 1] == diffs[start]:
            end += 1
        # diffs[start..end] all equal: points start..end+1
        if diffs[start] != 0 and end - start + 1 >= RUN_LENGTH - 1:
            for i in range(start, end + 2):
                flags[i] = True
        start = end + 1
    return flags


def _two_in_three(near: Sequence[bool], rtm: Sequence[int]) -> list[bool]:
    """Near-limit points in a window of three holding two or more near-limit points, all three
    points on the same side of the mean."""
    n = len(near)
    flags = [False] * n
    for s in range(n - 2):
        window = range(s, s + 3)
        if sum(near[i] for i in window) >= 2 and abs(sum(rtm[i] for i in window)) == 3:
            for i in window:
                if near[i]:
                    flags[i] = True
    return flags


def _special_cause_types(
    ys: Sequence[float],
    rtm: Sequence[int],
    outside: Sequence[bool],
    trend: Sequence[bool],
    two3: Sequence[bool],
    run: Sequence[bool],
) -> list[tuple[SpecialCause | None, int]]:
    """Each point's special cause (the first rule that flags it, in NHSRplotthedots' order:
    limits, trend, two of three, run) and its direction (+1 up, -1 down, 0 none).

    A point in a trend takes the trend's direction (the step to the next point if that point is
    in the trend too, else the step from the previous one); the other rules take the side of
    the mean."""
    n = len(ys)
    out: list[tuple[SpecialCause | None, int]] = []
    for k in range(n):
        side = 1 if rtm[k] > 0 else -1
        if outside[k]:
            out.append(
                (SpecialCause.ABOVE_UPPER if rtm[k] == 1 else SpecialCause.BELOW_LOWER, side)
            )
        elif trend[k]:
            step = ys[k + 1] - ys[k] if k + 1 < n and trend[k + 1] else ys[k] - ys[k - 1]
            up = _sign(step) == 1
            out.append((SpecialCause.TREND_UP if up else SpecialCause.TREND_DOWN, 1 if up else -1))
        elif two3[k]:
            out.append(
                (
                    SpecialCause.TWO_IN_THREE_ABOVE
                    if side > 0
                    else SpecialCause.TWO_IN_THREE_BELOW,
                    side,
                )
            )
        elif run[k]:
            out.append((SpecialCause.RUN_ABOVE if side > 0 else SpecialCause.RUN_BELOW, side))
        else:
            out.append((None, 0))
    return out


def _variation(direction_of_point: int, improvement: int) -> Variation:
    if direction_of_point == 0:
        return Variation.COMMON_CAUSE
    if improvement == 0:
        return Variation.NEITHER_HIGH if direction_of_point > 0 else Variation.NEITHER_LOW
    return Variation.IMPROVING if direction_of_point == improvement else Variation.CONCERNING


def _group_points(
    indices: Sequence[int],
    ys: Sequence[float],
    *,
    number: int,
    direction: int,
    screen_outliers: bool,
    fix_after_n_points: int | None,
) -> tuple[Group, list[Point]]:
    fixed = list(ys[:fix_after_n_points] if fix_after_n_points else ys)
    mean = _mean(fixed)
    mrs: list[float | None] = [None] + [abs(fixed[i] - fixed[i - 1]) for i in range(1, len(fixed))]
    present = [m for m in mrs if m is not None]
    amr = _mean(present) if present else 0.0
    screened = 0
    if screen_outliers and present:
        kept: list[float | None] = []
        for m in mrs:
            if m is not None and m >= SCREEN_MULTIPLIER * amr:
                kept.append(None)
                screened += 1
            else:
                kept.append(m)
        mrs = kept
        left = [m for m in mrs if m is not None]
        amr = _mean(left) if left else 0.0
    lpl, upl = mean - LIMIT * amr, mean + LIMIT * amr
    nlpl, nupl = mean - NEAR_LIMIT * amr, mean + NEAR_LIMIT * amr
    outside = [y > upl or y < lpl for y in ys]
    rtm = [_sign(y - mean) for y in ys]
    near = [not o and (y < nlpl or y > nupl) for y, o in zip(ys, outside, strict=True)]
    run = _runs_one_side(rtm)
    trend = _trends(ys)
    two3 = _two_in_three(near, rtm)
    causes = _special_cause_types(ys, rtm, outside, trend, two3, run)
    points = []
    for k, (idx, y) in enumerate(zip(indices, ys, strict=True)):
        cause, cause_direction = causes[k]
        special = cause is not None
        points.append(
            Point(
                index=idx,
                value=y,
                group=number,
                mean=mean,
                lower_limit=lpl,
                upper_limit=upl,
                moving_range=mrs[k] if k < len(mrs) else None,
                outside_limits=outside[k],
                relative_to_mean=rtm[k],
                near_limits=near[k],
                run=run[k],
                trend=trend[k],
                two_in_three=two3[k],
                special_cause=special,
                cause=cause,
                variation=_variation(cause_direction, direction),
            )
        )
    group = Group(
        number=number,
        start_index=indices[0],
        n=len(ys),
        mean=mean,
        mean_moving_range=amr,
        lower_limit=lpl,
        upper_limit=upl,
        screened_out=screened,
        short=len(ys) < SHORT_GROUP,
    )
    return group, points


def assurance_for(
    *, target: float | None, lower_limit: float, upper_limit: float, polarity: Polarity
) -> Assurance | None:
    """Whether the process will consistently meet, fail or hit and miss the target."""
    if target is None or polarity is Polarity.NEITHER:
        return None
    higher = polarity is Polarity.HIGHER_IS_BETTER
    if target > upper_limit:
        return Assurance.CONSISTENTLY_FAILED if higher else Assurance.CONSISTENTLY_MET
    if target < lower_limit:
        return Assurance.CONSISTENTLY_MET if higher else Assurance.CONSISTENTLY_FAILED
    return Assurance.HIT_AND_MISS


def xmr(
    values: Sequence[float | int | None],
    *,
    polarity: Polarity | str = Polarity.NEITHER,
    target: float | None = None,
    rebase_at: Iterable[int] = (),
    screen_outliers: bool = True,
    fix_after_n_points: int | None = None,
) -> SpcResult:
    """An XmR chart of ``values`` in time order.

    ``None`` marks a missing (for example suppressed) value: it is left out of the calculation
    and keeps its position in ``missing``. ``rebase_at`` holds input positions where a new
    group starts. ``fix_after_n_points`` fixes each group's mean and limits on its first n points.
    """
    polarity = Polarity(polarity)
    rebase = {int(i) for i in rebase_at}
    missing = [i for i, v in enumerate(values) if v is None]
    # split present values into groups at the rebase positions
    groups_in: list[tuple[list[int], list[float]]] = []
    for i, v in enumerate(values):
        if not groups_in or (i in rebase and groups_in[-1][0]):
            groups_in.append(([], []))
        if v is None:
            continue
        groups_in[-1][0].append(i)
        groups_in[-1][1].append(float(v))
    groups: list[Group] = []
    points: list[Point] = []
    for number, (idx, ys) in enumerate(g for g in groups_in if g[0]):
        group, pts = _group_points(
            idx,
            ys,
            number=number,
            direction=polarity.direction,
            screen_outliers=screen_outliers,
            fix_after_n_points=fix_after_n_points,
        )
        groups.append(group)
        points.extend(pts)
    variation = points[-1].variation if points else None
    assurance = (
        assurance_for(
            target=target,
            lower_limit=groups[-1].lower_limit,
            upper_limit=groups[-1].upper_limit,
            polarity=polarity,
        )
        if groups
        else None
    )
    return SpcResult(
        points=points,
        groups=groups,
        variation=variation,
        assurance=assurance,
        polarity=polarity,
        target=target,
        missing=missing,
    )


def recent_step_change(result: SpcResult) -> int | None:
    """Where the process seems to have shifted to a new level: the input position of the first of
    the latest points when they are **all** special cause on the same side of the mean, at least
    seven of them (a run), and something came before them in the same group. The limits are then
    describing an old process: rebasing from that position gives the new one its own.

    None when the latest point is common cause, the run is shorter than seven, or the run is the
    whole group (a rebase there would change nothing)."""
    if not result.points:
        return None
    last = result.points[-1]
    if not last.special_cause or last.relative_to_mean == 0:
        return None
    run = 0
    for point in reversed(result.points):
        if (
            point.group != last.group
            or not point.special_cause
            or point.relative_to_mean != last.relative_to_mean
        ):
            break
        run += 1
    start = result.points[-run]
    group = result.groups[last.group]
    if run < RUN_LENGTH or start.index == group.start_index:
        return None
    return start.index
