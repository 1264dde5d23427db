"""JSON API of the data set: the catalogue, an area's series and its SPC.

The catalogue and published national statistics are open to anyone signed in. A partnership's
own published values (quarterly collection) are the series of ``area=<partnership slug>``,
through the same permission layer as the pages: a partnership the user does not belong to is a
404, as is a slug that names no partnership.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.generics import ListAPIView

from assurance.dataset.catalogue import selectors
from assurance.dataset.catalogue.models import Indicator


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


class IndicatorListAPI(ListAPIView):
    """The indicator catalogue."""

    serializer_class = IndicatorSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.indicator_list()
