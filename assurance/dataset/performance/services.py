"""Writes of the performance pages: the summary rows (ADR 023). ``summaries_refresh`` computes a
partnership's rows for a business year from the published figures and stores them at the data
version it read first; ``summaries_current`` gives a page the rows of the indicators it shows,
computing them first when any is missing or not current (never an old verdict shown as
current), so a page is right whether or not the refresh task has run yet."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.performance import selectors
from assurance.dataset.performance.models import IndicatorSummary
from assurance.dataset.performance.rules import exception_reasons, inputs_fingerprint
from assurance.dataset.performance.scorecards import SPARK_POINTS, ScorecardRow, scorecard_rows
from assurance.dataset.summaries import selectors as summaries_selectors
from assurance.dataset.summaries.services import summary_version_claim, summary_version_lock
from assurance.dataset.targets import selectors as targets
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Partnership, Priority


def _indicator_inputs(indicator: Indicator) -> tuple[object, ...]:
    return (
        indicator.pk,
        indicator.unit,
        indicator.polarity,
        indicator.source,
        indicator.frequency,
        indicator.decimal_places,
    )


def summary_inputs(
    *,
    partnership: Partnership,
    setting: IndicatorSetting,
    neighbours: Sequence[str] | None = None,
) -> str:
    """The fingerprint of what a setting's summary row is computed from, besides the figures
    (``neighbours``: the partnership's neighbour codes, when already worked out)."""
    return summary_inputs_of(
        partnership=partnership,
        indicator=_indicator_inputs(setting.indicator),
        target=setting.target,
        tolerance=setting.tolerance,
        neighbours=partnership.neighbour_codes if neighbours is None else neighbours,
    )


def summary_inputs_of(
    *,
    partnership: Partnership,
    indicator: Sequence[object],
    target: Decimal | None,
    tolerance: Decimal | None,
    neighbours: Sequence[str],
) -> str:
    """``summary_inputs`` of plain values: the indicator's id, unit, polarity, source,
    frequency and decimal places, the year's target and tolerance."""
    return inputs_fingerprint(
        indicator=indicator,
        target=target,
        tolerance=tolerance,
        la_code=partnership.la_code or "",
        neighbour_codes=neighbours,
        margin=partnership.exception_margin,
    )


@dataclass(frozen=True)
class TableState:
    """Whether a page's rows can be shown as drawn before: ``key`` names what they show (None
    when a summary row is missing or not current: the rows must be read, and computed first),
    ``count`` the settings they are drawn from."""

    key: str | None
    count: int
    # the data version and when it moved on, as read (None: the partnership has none yet)
    stamp: tuple[int, Any] | None = None


def table_state(
    *,
    partnership: Partnership,
    business_year: int,
    values: Sequence[tuple[Any, ...]],
    extra: Sequence[object] = (),
) -> TableState:
    """The state of a page of the year's summary rows (a priority's scorecard, the exception
    report), from the settings it shows as plain ``values`` (``targets.REPORTED_FIELDS``), the
    data version and the year's summary rows' versions and fingerprints (one compiled query,
    no summary row read). When every row is current, the page shows exactly what those rows
    were computed from, at that version, with each indicator's code and title and ``extra``
    (which page, its address, its area's name, the notes by locality): the key is their
    digest."""
    if not values:
        return TableState(key=None, count=0)
    stamp, stamps = selectors.summary_stamps(partnership=partnership, business_year=business_year)
    if stamp is None:  # no row of the year: the version alone (the rows must be computed)
        return TableState(
            key=None,
            count=len(values),
            stamp=summaries_selectors.summary_stamp(partnership=partnership),
        )
    version = stamp[0]
    neighbours = partnership.neighbour_codes
    for row in values:
        # REPORTED_FIELDS: the indicator's id, the target and tolerance, its code, title,
        # phase and order, then its unit, polarity, source, frequency and decimal places
        inputs = summary_inputs_of(
            partnership=partnership,
            indicator=(row[0], *row[7:12]),
            target=row[1],
            tolerance=row[2],
            neighbours=neighbours,
        )
        if stamps.get(row[0]) != (version, inputs):
            return TableState(key=None, count=len(values), stamp=stamp)
    parts = [partnership.pk, business_year, stamp, values, *extra]
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()
    return TableState(key=f"table:{digest}", count=len(values), stamp=stamp)


def _summary(
    *,
    partnership: Partnership,
    setting: IndicatorSetting,
    row: ScorecardRow,
    business_year: int,
    version: int,
    now: datetime,
) -> IndicatorSummary:
    indicator, panel = row.indicator, row.panel
    england = panel.england.value if panel.england else None
    variation = row.spc.variation if row.spc else None
    return IndicatorSummary(
        partnership=partnership,
        business_year=business_year,
        indicator=indicator,
        version=version,
        inputs=summary_inputs(partnership=partnership, setting=setting),
        computed_at=now,
        time_period=row.time_period or "",
        value=row.value,
        revised=row.revised,
        target=setting.target,
        tolerance=setting.tolerance,
        rag=row.rag or "",
        direction=row.direction or "",
        variation=variation or "",
        assurance=(row.spc.assurance or "") if row.spc else "",
        compared_period=(panel.time_period or "") if panel.england else "",
        england=england,
        region_name=panel.region.name if panel.region else "",
        region=panel.region.value if panel.region else None,
        neighbours=len(panel.neighbours),
        neighbours_average=panel.average.value if panel.neighbours else None,
        trend=[[p, None if v is None else str(v)] for p, v in row.values[-SPARK_POINTS:]],
        commentary=[list(c) for c in row.commentary],
        exception_reasons=exception_reasons(
            value=row.value,
            target=setting.target,
            tolerance=setting.tolerance,
            rag=row.rag,
            variation=variation,
            england=england,
            compared_period=panel.time_period or "",
            unit=indicator.unit,
            polarity=indicator.polarity,
            places=indicator.decimal_places,
            margin=Decimal(partnership.exception_margin),
        ),
    )


def summaries_refresh(
    *, partnership: Partnership, business_year: int
) -> dict[int, IndicatorSummary]:
    """Compute the partnership's summary rows for the business year (every indicator with a
    setting that year) and store them, unless the figures changed while they were computed
    (the change's own refresh then stores newer ones). Returns them by indicator id."""
    version = summary_version_claim(partnership=partnership)  # before reading any figure
    settings = list(targets.setting_list(partnership=partnership, business_year=business_year))
    rows = scorecard_rows(partnership=partnership, settings=settings)
    now = timezone.now()
    summaries = {
        s.indicator_id: _summary(
            partnership=partnership,
            setting=s,
            row=rows[s.indicator_id],
            business_year=business_year,
            version=version,
            now=now,
        )
        for s in settings
    }
    with transaction.atomic():
        if summary_version_lock(partnership=partnership) == version:
            IndicatorSummary.objects_for(partnership).filter(business_year=business_year).delete()
            IndicatorSummary.unscoped.bulk_create(summaries.values())
    return summaries


def summaries_current(
    *,
    partnership: Partnership,
    business_year: int,
    settings: Sequence[IndicatorSetting],
    priority: Priority | None = None,
    exceptions_only: bool = False,
    fields: Sequence[str] = (),
) -> dict[int, IndicatorSummary]:
    """Indicator id → the current summary row of each of ``settings`` (the page's indicators,
    read with their indicator: those under ``priority`` when it is given, whose rows are then
    read by the priority); with ``exceptions_only``, only those that give a reason to be an
    exception (the others are checked, not read); with ``fields``, current rows read with only
    those columns (``selectors.summary_rows``). A fixed number of queries when they are
    current; otherwise the year's rows are computed now and stored (ADR 023: a stale verdict
    is never shown)."""
    if not settings:
        return {}
    stored: dict[int, IndicatorSummary] = {}
    stamps: dict[int, tuple[int, str]] = {}
    if exceptions_only:  # the version is read with the rows' stamps
        stamp, stamps = selectors.summary_stamps(
            partnership=partnership, business_year=business_year
        )
        version = None if stamp is None else stamp[0]
    else:
        version = summaries_selectors.summary_version(partnership=partnership)
        if version is not None:
            stored = selectors.summary_rows(
                partnership=partnership,
                business_year=business_year,
                priority=priority,
                fields=fields,
            )
            stamps = {i: (row.version, row.inputs) for i, row in stored.items()}
    neighbours = partnership.neighbour_codes  # worked out once, not once per setting
    current = all(
        stamps.get(s.indicator_id)
        == (version, summary_inputs(partnership=partnership, setting=s, neighbours=neighbours))
        for s in settings
    )
    if not current:
        stored = summaries_refresh(partnership=partnership, business_year=business_year)
    elif exceptions_only:
        stored = selectors.summary_rows(
            partnership=partnership, business_year=business_year, exceptions_only=True
        )
    by_indicator = {s.indicator_id: s.indicator for s in settings}
    for indicator_id, row in stored.items():
        if indicator_id in by_indicator:
            row.indicator = by_indicator[indicator_id]  # already read with the setting
    # (a setting removed while the page was read has no row: it is left out)
    return {
        s.indicator_id: stored[s.indicator_id]
        for s in settings
        if s.indicator_id in stored
        and (not exceptions_only or stored[s.indicator_id].exception_reasons)
    }
