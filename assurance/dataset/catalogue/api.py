"""``GET /api/v1/indicators/``: the indicator catalogue, open to anyone signed in."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.generics import ListAPIView

from assurance.dataset.catalogue import selectors
from assurance.dataset.catalogue.models import LOCAL_FIELDS, Indicator


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "code",
            *LOCAL_FIELDS,
            "owning_sector",
            "source",
            "national_measure",
            "benchmark_source",
            "no_benchmark_reason",
        ]


class IndicatorListAPI(ListAPIView):
    """The indicator catalogue."""

    serializer_class = IndicatorSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.indicator_list()
