"""The audits API: the audits a user may see, and an audit's findings, for analysts' own tools.

The same permission layer as the pages: each audit is checked with the actor of its own
partnership, so a user never sees another partnership's audits or an audit outside their scope.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.audits import selectors
from assurance.audits.models import Audit
from assurance.partnerships.access import partnerships_for_user
from assurance.partnerships.api import partnership_actor, partnership_actors


class AuditSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    partnership = serializers.CharField(help_text="The partnership's slug.")
    title = serializers.CharField()
    theme = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField()
    planned_month = serializers.DateField()
    business_year = serializers.IntegerField()
    framework = serializers.CharField(allow_null=True)
    case_count = serializers.IntegerField()
    findings_url = serializers.CharField()


class ResultSerializer(serializers.Serializer):
    counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="Responses per option label."
    )
    meeting = serializers.IntegerField(help_text="Responses that meet the standard.")
    assessed = serializers.IntegerField(help_text="Responses other than not applicable.")
    not_applicable = serializers.IntegerField()
    proportion = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True, help_text="95% Wilson interval, lower.")
    high = serializers.FloatField(allow_null=True, help_text="95% Wilson interval, upper.")


class AgencyResultSerializer(ResultSerializer):
    agency = serializers.CharField()


class ChangeSerializer(serializers.Serializer):
    before_meeting = serializers.IntegerField()
    before_assessed = serializers.IntegerField()
    difference = serializers.FloatField(allow_null=True)
    p_value = serializers.FloatField(allow_null=True, help_text="Fisher's exact test.")
    verdict = serializers.CharField()


class StandardSerializer(serializers.Serializer):
    kloe = serializers.CharField()
    code = serializers.CharField()
    text = serializers.CharField()
    overall = ResultSerializer()
    by_agency = AgencyResultSerializer(many=True)
    change = ChangeSerializer(allow_null=True)


class FindingsSerializer(serializers.Serializer):
    audit = serializers.IntegerField()
    title = serializers.CharField()
    method = serializers.CharField()
    case_count = serializers.IntegerField()
    returns_counted = serializers.IntegerField()
    compared_with = serializers.IntegerField(allow_null=True)
    standards = StandardSerializer(many=True)


def _audit_summary(audit: Audit, request: Request) -> dict[str, Any]:
    return {
        "id": audit.pk,
        "partnership": audit.partnership.slug,
        "title": audit.title,
        "theme": audit.theme,
        "kind": audit.kind,
        "status": audit.status,
        "planned_month": audit.planned_month,
        "business_year": audit.programme.business_year,
        "framework": str(audit.framework) if audit.framework else None,
        "case_count": getattr(audit, "case_count", 0),
        "findings_url": request.build_absolute_uri(f"/api/v1/audits/{audit.pk}/findings"),
    }


class AuditListAPI(APIView):
    """The audits you may see, in every partnership you belong to."""

    @extend_schema(responses=AuditSummarySerializer(many=True), operation_id="audits_list")
    def get(self, request: Request) -> Response:
        rows = []
        for actor in partnership_actors(request, "audit.view"):
            for audit in selectors.audit_list(actor=actor).select_related("partnership"):
                rows.append(_audit_summary(audit, request))
        return Response(rows)


def findings_json(findings: selectors.AuditFindings) -> dict[str, Any]:
    standards = []
    for section in findings.sections:
        for f in section.items:
            change = None
            if f.change is not None:
                change = {
                    "before_meeting": f.change.before.successes,
                    "before_assessed": f.change.before.n,
                    "difference": f.change.difference,
                    "p_value": f.change.p_value,
                    "verdict": f.change.verdict,
                }
            standards.append(
                {
                    "kloe": section.section.code,
                    "code": f.item.code,
                    "text": f.item.text,
                    "overall": f.overall,
                    "by_agency": [{"agency": name, **summary} for name, summary in f.by_agency],
                    "change": change,
                }
            )
    return {
        "audit": findings.audit.pk,
        "title": findings.audit.title,
        "method": findings.method,
        "case_count": findings.case_count,
        "returns_counted": findings.returns_counted,
        "compared_with": findings.compared_with.pk if findings.compared_with else None,
        "standards": standards,
    }


class AuditFindingsAPI(APIView):
    """An audit's findings per standard and agency: the count of each response option, the
    number meeting the standard, the number assessed, the proportion and its 95% Wilson
    interval, and the change since the last comparable audit."""

    @extend_schema(
        responses=FindingsSerializer,
        operation_id="audits_findings",
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)],
    )
    def get(self, request: Request, pk: int) -> Response:
        audit = (
            Audit.unscoped.filter(pk=pk, partnership__in=partnerships_for_user(request.user))
            .select_related("partnership")
            .first()
        )
        if audit is None:
            raise NotFound("No such audit.")
        actor = partnership_actor(
            request, audit.partnership.slug, permission="findings.view", not_found="No such audit."
        )
        try:
            audit = selectors.get_audit(actor=actor, pk=pk)
        except Http404 as exc:
            raise NotFound("No such audit.") from exc
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response(findings_json(selectors.audit_findings(audit=audit)))
