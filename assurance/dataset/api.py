"""JSON API of the data set: the catalogue, an area's series and its SPC.

The catalogue and published national statistics are open to anyone signed in; partnership
values (collection rounds, still to come) will be reached through the partnership's URL.
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .models import Indicator

AREA = OpenApiParameter(
    "area",
    str,
    required=False,
    description="ONS code of a local authority, a region or England (E92000001, the default).",
)


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "title",
            "definition",
            "numerator_definition",
            "denominator_definition",
            "unit",
            "polarity",
            "owning_sector",
            "phase",
            "frequency",
            "source",
            "national_measure",
            "decimal_places",
        ]


class SeriesPointSerializer(serializers.Serializer):
    time_period = serializers.CharField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    numerator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    denominator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    value = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    missing_reason = serializers.CharField(allow_blank=True)
    published = serializers.BooleanField()


class SeriesSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    area = serializers.CharField()
    area_name = serializers.CharField()
    points = SeriesPointSerializer(many=True)


class SpcPointSerializer(serializers.Serializer):
    time_period = serializers.CharField()
    value = serializers.FloatField()
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
    polarity = serializers.CharField()
    variation = serializers.CharField(allow_null=True)
    assurance = serializers.CharField(allow_null=True)
    groups = SpcGroupSerializer(many=True)
    points = SpcPointSerializer(many=True)
    missing = serializers.ListField(child=serializers.CharField())


class IndicatorListAPI(ListAPIView):
    """The indicator catalogue."""

    serializer_class = IndicatorSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.indicator_list()


class _AreaMixin:
    def _load(self, request: Request, code: str) -> tuple[Indicator, str, list[Any]]:
        indicator = selectors.indicator_by_code(code=code)
        if indicator is None:
            raise NotFound("No such indicator.")
        area = request.query_params.get("area", selectors.ENGLAND).strip().upper()
        if not re.fullmatch(r"[EKNSW]\d{8}", area):
            raise ValidationError({"area": "Give the ONS code of an area, e.g. E92000001."})
        return indicator, area, selectors.benchmark_series(indicator=indicator, area_code=area)


class IndicatorSeriesAPI(_AreaMixin, APIView):
    """An area's published series for an indicator, with numerators, denominators and the
    reasons for missing values."""

    @extend_schema(parameters=[AREA], responses=SeriesSerializer)
    def get(self, request: Request, code: str) -> Response:
        indicator, area, rows = self._load(request, code)
        data = {
            "indicator": indicator.code,
            "area": area,
            "area_name": rows[-1].area_name if rows else "",
            "points": rows,
        }
        return Response(SeriesSerializer(data).data)


class IndicatorSpcAPI(_AreaMixin, APIView):
    """The XmR chart of an area's series: mean, limits, each point's signals and the verdicts."""

    @extend_schema(parameters=[AREA], responses=SpcSerializer)
    def get(self, request: Request, code: str) -> Response:
        indicator, area, rows = self._load(request, code)
        result = selectors.series_spc(indicator=indicator, rows=rows).result
        labels = [r.time_period for r in rows]
        data = {
            "indicator": indicator.code,
            "area": area,
            "polarity": result.polarity.value,
            "variation": result.variation.value if result.variation else None,
            "assurance": result.assurance.value if result.assurance else None,
            "groups": [{**g.__dict__, "start": labels[g.start_index]} for g in result.groups],
            "points": [
                {
                    **p.__dict__,
                    "time_period": labels[p.index],
                    "cause": p.cause.value if p.cause else None,
                    "variation": p.variation.value,
                }
                for p in result.points
            ],
            "missing": [labels[i] for i in result.missing],
        }
        return Response(SpcSerializer(data).data)
