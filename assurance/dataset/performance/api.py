"""JSON API of an indicator's series and its SPC (``/api/v1/indicators/{code}/series|spc``).

Published national statistics are open to anyone signed in. A partnership's own published values
(quarterly collection) are the series of ``area=<partnership slug>``, through the same permission
layer as the pages: a partnership the user does not belong to is a 404, as is a slug that names
no partnership."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.core.business_year import current_business_year
from assurance.dataset.benchmarks import selectors
from assurance.dataset.benchmarks.models import Benchmark
from assurance.dataset.catalogue import selectors as catalogue_selectors
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection import selectors as collection_selectors
from assurance.dataset.collection.api import (
    LOCALITIES_HELP,
    LocalityFigureOutSerializer,
    RevisionSerializer,
    point_localities,
    revision_data,
    series_localities,
)
from assurance.dataset.collection.selectors import SeriesPoint
from assurance.dataset.performance import selectors as performance_selectors
from assurance.dataset.targets.selectors import setting_for
from assurance.partnerships.api import partnership_actor

AREA = OpenApiParameter(
    "area",
    str,
    required=False,
    description="Whose series: the ONS code of a local authority, a region or England "
    "(E92000001, the default) for published national statistics; or the slug of a partnership "
    "you belong to (e.g. northfield) for the values its agencies submitted in published "
    "collection rounds, with revision marks, and its SPC judged against its target. A "
    "partnership you do not belong to is 404.",
)
KIND_HELP = (
    '"national_statistics" (an area\'s published figures) or "partnership" (a partnership\'s '
    "own published values)."
)
ONS_CODE = re.compile(r"[EKNSW]\d{8}", re.IGNORECASE)
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class SeriesPointSerializer(serializers.Serializer):
    time_period = serializers.CharField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    numerator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    denominator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    value = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    missing_reason = serializers.CharField(allow_blank=True)
    published = serializers.BooleanField()
    revised = serializers.BooleanField(
        default=False, help_text="Changed after its round was published (partnership series)."
    )
    revisions = RevisionSerializer(
        many=True, required=False, help_text="Who changed it, when, why and the old value."
    )
    agencies = serializers.IntegerField(
        allow_null=True,
        required=False,
        help_text="How many agencies' figures it combines (partnership series; null otherwise).",
    )
    localities = LocalityFigureOutSerializer(
        many=True, required=False, help_text=f"Partnership series only. {LOCALITIES_HELP}"
    )


class SeriesSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    area = serializers.CharField()
    area_name = serializers.CharField()
    kind = serializers.CharField(help_text=KIND_HELP)
    points = SeriesPointSerializer(many=True)


class SpcPointSerializer(serializers.Serializer):
    time_period = serializers.CharField()
    value = serializers.FloatField()
    revised = serializers.BooleanField(help_text="Changed after its round was published.")
    group = serializers.IntegerField()
    outside_limits = serializers.BooleanField()
    run = serializers.BooleanField()
    trend = serializers.BooleanField()
    two_in_three = serializers.BooleanField()
    special_cause = serializers.BooleanField()
    cause = serializers.CharField(allow_null=True)
    variation = serializers.CharField()


class SpcGroupSerializer(serializers.Serializer):
    start = serializers.CharField()
    n = serializers.IntegerField()
    mean = serializers.FloatField()
    mean_moving_range = serializers.FloatField()
    lower_limit = serializers.FloatField()
    upper_limit = serializers.FloatField()
    screened_out = serializers.IntegerField()
    short = serializers.BooleanField()


class SpcSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    area = serializers.CharField()
    kind = serializers.CharField(help_text=KIND_HELP)
    polarity = serializers.CharField()
    target = serializers.FloatField(
        allow_null=True,
        help_text="A partnership's target for the current business year (the assurance "
        "verdict is judged against it); null for published national statistics.",
    )
    variation = serializers.CharField(allow_null=True)
    assurance = serializers.CharField(allow_null=True)
    groups = SpcGroupSerializer(many=True)
    points = SpcPointSerializer(many=True)
    missing = serializers.ListField(child=serializers.CharField())


@dataclass(frozen=True)
class AreaSeries:
    indicator: Indicator
    area: str
    area_name: str
    kind: str  # "national_statistics" or "partnership"
    rows: Sequence[Benchmark] | Sequence[SeriesPoint]
    target: Decimal | None = None
    # a partnership's figures by locality, by the start of each period (``series_localities``)
    localities: dict[date, list[dict[str, Any]]] = field(default_factory=dict)


class _AreaMixin:
    def _load(self, request: Request, code: str, *, localities: bool = False) -> AreaSeries:
        area = request.query_params.get("area", selectors.ENGLAND).strip()
        indicator = catalogue_selectors.indicator_by_code(code=code)
        if indicator is None and not (SLUG.fullmatch(area) and not ONS_CODE.fullmatch(area)):
            raise NotFound("No such indicator.")
        if ONS_CODE.fullmatch(area) and indicator is not None:
            area = area.upper()
            rows = selectors.benchmark_series(indicator=indicator, area_code=area)
            name = rows[-1].area_name if rows else ""
            return AreaSeries(indicator, area, name, "national_statistics", rows)
        if not SLUG.fullmatch(area):
            raise ValidationError(
                {"area": "Give the ONS code of an area (e.g. E92000001) or a partnership's slug."}
            )
        actor = partnership_actor(request, area, permission="indicator.view")
        partnership = actor.partnership
        # a partnership's own local indicator is found only with the partnership
        indicator = catalogue_selectors.indicator_by_code(code=code, partnership=partnership)
        if indicator is None:
            raise NotFound("No such indicator.")
        setting = setting_for(
            partnership=partnership, indicator=indicator, business_year=current_business_year()
        )
        return AreaSeries(
            indicator,
            partnership.slug,
            partnership.name,
            "partnership",
            collection_selectors.partnership_series(partnership=partnership, indicator=indicator),
            setting.target if setting else None,
            series_localities(partnership=partnership, indicator=indicator) if localities else {},
        )


def _point(row: Benchmark | SeriesPoint, series: AreaSeries) -> dict[str, Any]:
    point: dict[str, Any] = {
        "time_period": row.time_period,
        "period_start": row.period_start,
        "period_end": row.period_end,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "value": row.value,
        "missing_reason": row.missing_reason,
    }
    if isinstance(row, Benchmark):
        return {**point, "published": row.published, "revised": False, "agencies": None}
    return {
        **point,
        "published": True,
        "revised": row.revised,
        "agencies": row.agencies,
        "revisions": [revision_data(r) for r in row.revisions],
        "localities": point_localities(row, series.indicator, series.localities),
    }


class IndicatorSeriesAPI(_AreaMixin, APIView):
    """An area's published series for an indicator, with numerators, denominators and the
    reasons for missing values; or, with ``area=<partnership slug>``, the partnership's own
    published values with their revision marks and, for an indicator collected by locality,
    each period's figures by locality."""

    @extend_schema(parameters=[AREA], responses=SeriesSerializer)
    def get(self, request: Request, code: str) -> Response:
        series = self._load(request, code, localities=True)
        data = {
            "indicator": series.indicator.code,
            "area": series.area,
            "area_name": series.area_name,
            "kind": series.kind,
            "points": [_point(r, series) for r in series.rows],
        }
        return Response(SeriesSerializer(data).data)


class IndicatorSpcAPI(_AreaMixin, APIView):
    """The XmR chart of an area's series (or a partnership's own, ``area=<slug>``, judged
    against its target): mean, limits, each point's signals and the verdicts."""

    @extend_schema(parameters=[AREA], responses=SpcSerializer)
    def get(self, request: Request, code: str) -> Response:
        series = self._load(request, code)
        rows = series.rows
        result = performance_selectors.series_spc(
            indicator=series.indicator, rows=rows, target=series.target
        ).result
        labels = [r.time_period for r in rows]
        data = {
            "indicator": series.indicator.code,
            "area": series.area,
            "kind": series.kind,
            "polarity": result.polarity.value,
            "target": result.target,
            "variation": result.variation.value if result.variation else None,
            "assurance": result.assurance.value if result.assurance else None,
            "groups": [{**g.__dict__, "start": labels[g.start_index]} for g in result.groups],
            "points": [
                {
                    **p.__dict__,
                    "time_period": labels[p.index],
                    "revised": bool(getattr(rows[p.index], "revised", False)),
                    "cause": p.cause.value if p.cause else None,
                    "variation": p.variation.value,
                }
                for p in result.points
            ],
            "missing": [labels[i] for i in result.missing],
        }
        return Response(SpcSerializer(data).data)
