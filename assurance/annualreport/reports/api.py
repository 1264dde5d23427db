"""``GET /api/v1/annual-reports/``: the annual reports of every partnership where you may read
them (the business unit and the scrutineer), with their business year, status and, once
published, the addresses of the public report and its young people's version (readable by
anyone, without signing in)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.annualreport.reports import selectors
from assurance.annualreport.reports.models import AnnualReport, ReportStatus
from assurance.partnerships.api import partnership_actors


class AnnualReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    partnership = serializers.CharField(help_text="The partnership's slug.")
    year = serializers.IntegerField(
        help_text="The business year's first year: 2025 is April 2025 to March 2026."
    )
    year_label = serializers.CharField(help_text='The business year as written: "2025/26".')
    status = serializers.ChoiceField(choices=ReportStatus.values)
    published_at = serializers.DateTimeField(allow_null=True)
    public_url = serializers.CharField(
        allow_null=True, help_text="The published report's public page; null until published."
    )
    young_people_url = serializers.CharField(
        allow_null=True,
        help_text="The public page of its young people's version; null until published.",
    )
    url = serializers.CharField(help_text="The report's page for the partnership's members.")


def report_json(report: AnnualReport, request: Request) -> dict[str, Any]:
    slug, year = report.partnership.slug, report.business_year
    published = report.status == ReportStatus.PUBLISHED

    def public(name: str) -> str | None:
        return request.build_absolute_uri(reverse(name, args=[slug, year])) if published else None

    return {
        "id": report.pk,
        "partnership": slug,
        "year": year,
        "year_label": report.year_label,
        "status": report.status,
        "published_at": report.published_at,
        "public_url": public("annual_public:report"),
        "young_people_url": public("annual_public:young_people"),
        "url": request.build_absolute_uri(reverse("annualreport:detail", args=[slug, report.pk])),
    }


class AnnualReportListAPI(APIView):
    """The annual reports of the partnerships where you may read them, newest year first."""

    @extend_schema(responses=AnnualReportSerializer(many=True), operation_id="annual_reports_list")
    def get(self, request: Request) -> Response:
        reports: list[AnnualReport] = []
        for actor in partnership_actors(request, "annual_report.view"):
            reports += list(selectors.report_list(actor=actor).select_related("partnership"))
        return Response([report_json(r, request) for r in reports])
