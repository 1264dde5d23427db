"""``GET /api/v1/voice/feedback/summary?year=``: a business year's feedback counted by source,
age band and theme, for each partnership of the user's where they may read feedback.

The same permission layer and the same figures as the summary page (``selectors``): a possible
disclosure is never counted."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.core.business_year import business_year_bounds, business_year_label
from assurance.partnerships.api import partnership_actors
from assurance.voice.summary.figures import Count, Figures
from assurance.voice.summary.periods import quarter_of
from assurance.voice.summary.selectors import year_figures

EARLIEST = 2000


class CountSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="The source or age band as stored (form, event, agency; 13_15…), or the "
        "theme's id."
    )
    name = serializers.CharField(help_text="As the summary page writes it.")
    count = serializers.IntegerField()


class FeedbackSummarySerializer(serializers.Serializer):
    partnership = serializers.CharField(help_text="The partnership's slug.")
    year = serializers.IntegerField(
        help_text="The business year: 2025 is April 2025 to March 2026."
    )
    year_label = serializers.CharField(help_text="As the pages write it: 2025/26.")
    start = serializers.DateField()
    end = serializers.DateField()
    total = serializers.IntegerField(
        help_text="Pieces of feedback received in the year (never a possible disclosure)."
    )
    by_source = CountSerializer(many=True, help_text="Every source, 0 where none.")
    by_age_band = CountSerializer(many=True, help_text="Every age band, 0 where none.")
    by_theme = CountSerializer(
        many=True,
        help_text="Every theme of the learning cycle, most first. A piece with two themes "
        "counts under each.",
    )
    untagged = serializers.IntegerField(help_text="Pieces with no theme yet.")
    summary_url = serializers.CharField(help_text="The year's summary page.")


def _counts(rows: list[Count]) -> list[dict[str, Any]]:
    return [{"key": r.key, "name": r.label, "count": r.count} for r in rows]


def summary_json(slug: str, year: int, figures: Figures, request: Request) -> dict[str, Any]:
    start, end = business_year_bounds(year)
    return {
        "partnership": slug,
        "year": year,
        "year_label": business_year_label(year),
        "start": start,
        "end": end,
        "total": figures.total,
        "by_source": _counts(figures.by_source),
        "by_age_band": _counts(figures.by_age_band),
        "by_theme": _counts(figures.by_theme),
        "untagged": figures.untagged,
        "summary_url": request.build_absolute_uri(f"/p/{slug}/voice/summary/?period={year}"),
    }


class FeedbackSummaryAPI(APIView):
    """A business year's feedback from children and families, counted by source, age band and
    theme, in every partnership you belong to where you may read it."""

    @extend_schema(
        responses=FeedbackSummarySerializer(many=True),
        operation_id="voice_feedback_summary",
        parameters=[
            OpenApiParameter(
                "year",
                int,
                description="The business year (2025: April 2025 to March 2026); this year's "
                "when left out.",
            )
        ],
    )
    def get(self, request: Request) -> Response:
        this_year = quarter_of(timezone.localdate()).year
        raw = request.query_params.get("year") or str(this_year)
        if not raw.isdigit() or not EARLIEST <= int(raw) <= this_year:
            raise ValidationError(
                {"year": f"Give a business year from {EARLIEST} to {this_year}, like {this_year}."}
            )
        year = int(raw)
        return Response(
            [
                summary_json(
                    actor.partnership.slug,
                    year,
                    year_figures(actor=actor, year=year),
                    request,
                )
                for actor in partnership_actors(request, "voice.view")
            ]
        )
