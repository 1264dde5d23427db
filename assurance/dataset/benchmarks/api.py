"""``GET /api/v1/indicators/{code}/benchmarks``: a local authority beside England, its region,
its statistical neighbours and their average, with its rank, quartile band and direction of
travel, and the comparison over time (the figures of the indicator page)."""

from __future__ import annotations

import re

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.dataset.benchmarks.comparisons import benchmark_panel, own_area_name
from assurance.dataset.catalogue import selectors
from assurance.partnerships.access import partnerships_for_user
from assurance.partnerships.api import partnership_actor
from assurance.partnerships.neighbours import dfe_2025_neighbours

AREA = OpenApiParameter(
    "area",
    str,
    required=False,
    description="ONS code of a local authority, e.g. E08000029. Its statistical neighbours are "
    "the DfE 2025 model's ten.",
)
PARTNERSHIP = OpenApiParameter(
    "partnership",
    str,
    required=False,
    description="Slug of a partnership you belong to, instead of area: its local authority "
    "(named as the partnership names it, as on its pages) and the statistical neighbours its "
    "business unit configured. With neither area nor "
    "partnership: your partnership (the first by name if you belong to several).",
)


class AreaValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    value = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    missing_reason = serializers.CharField(
        allow_blank=True, help_text="Published marker (c, x, z…) when the value is missing."
    )


class AverageSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    known = serializers.IntegerField(help_text="Neighbours with a published value.")
    missing = serializers.IntegerField(
        help_text="Neighbours suppressed or without a figure: left out of the average."
    )


class SeriesRowSerializer(serializers.Serializer):
    time_period = serializers.CharField()
    la = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    neighbours = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    region = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    england = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)


class BenchmarksSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    polarity = serializers.CharField()
    area = serializers.CharField()
    time_period = serializers.CharField(
        allow_null=True, help_text="The LA's latest period with a value."
    )
    la = AreaValueSerializer(allow_null=True)
    previous_period = serializers.CharField(allow_null=True)
    previous = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    direction = serializers.CharField(
        allow_null=True,
        help_text="improving, worsening or no_change by polarity (increased or decreased when "
        "neither is better); a change of at most 1% of the previous value is no change.",
    )
    england = AreaValueSerializer(allow_null=True)
    region = AreaValueSerializer(allow_null=True)
    neighbours = AreaValueSerializer(many=True)
    neighbour_average = AverageSerializer()
    rank = serializers.IntegerField(allow_null=True, help_text="Among all LAs; 1 is best.")
    of = serializers.IntegerField(help_text="LAs with a value that period.")
    band = serializers.CharField(
        allow_null=True, help_text="Quartile band; A is the best quarter (lowest for neither)."
    )
    series = SeriesRowSerializer(many=True)


class IndicatorBenchmarksAPI(APIView):
    """A local authority compared with England, its region and its statistical neighbours."""

    @extend_schema(parameters=[AREA, PARTNERSHIP], responses=BenchmarksSerializer)
    def get(self, request: Request, code: str) -> Response:
        indicator = selectors.indicator_by_code(code=code)
        if indicator is None:
            raise NotFound("No such indicator.")
        slug = request.query_params.get("partnership", "").strip()
        if not slug and not request.query_params.get("area"):
            # neither given: the user's own partnership (the first by name, if several)
            first = partnerships_for_user(request.user).order_by("name").first()
            slug = first.slug if first else ""
            if not slug:
                raise ValidationError({"area": "Give the ONS code of a local authority."})
        if slug:
            actor = partnership_actor(request, slug, permission="indicator.view")
            area, neighbours = actor.partnership.la_code, actor.partnership.neighbour_codes
            # the partnership's one name for its area, as its pages say (not the published one)
            la_name = own_area_name(actor.partnership)
            if not area:
                raise ValidationError({"partnership": "The partnership has no local authority."})
        else:
            area = request.query_params.get("area", "").strip().upper()
            if not re.fullmatch(r"E0[6-9]\d{6}|E1[01]\d{6}", area):
                raise ValidationError(
                    {"area": "Give the ONS code of a local authority, e.g. E08000029."}
                )
            neighbours = dfe_2025_neighbours(area)
            la_name = ""  # an LA asked for by its code goes by its published name
        panel = benchmark_panel(
            indicator=indicator, la_code=area, neighbour_codes=neighbours, la_name=la_name
        )
        data = {
            **panel.__dict__,
            "indicator": indicator.code,
            "polarity": indicator.polarity,
            "area": area,
            "direction": panel.direction.value if panel.direction else None,
            "neighbour_average": panel.average,
        }
        return Response(BenchmarksSerializer(data).data)
