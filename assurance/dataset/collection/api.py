"""The collection API: an agency's system sends its values for a round with a personal token
(``Authorization: Token <key>``). The same rules as the web form and the workbook; the same
permission layer as the pages (the round's partnership, the token owner's roles and agency)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.catalogue.selectors import indicator_by_code
from assurance.dataset.collection import breakdowns, selectors, services
from assurance.dataset.collection.models import (
    CollectionRound,
    IndicatorValue,
    LocalityValue,
    Revision,
)
from assurance.dataset.collection.rules import Entry, compute_value
from assurance.dataset.collection.selectors import (
    SeriesPoint,
    locality_breakdowns,
    partnership_series,
)
from assurance.dataset.localities.selectors import locality_list
from assurance.partnerships.access import Actor, partnerships_for_user
from assurance.partnerships.api import PartnershipAPIMixin, partnership_actor
from assurance.partnerships.models import Partnership


class LocalityFigureInSerializer(serializers.Serializer):
    locality = serializers.CharField(
        help_text="The locality's name, as the partnership defines it (any case)."
    )
    numerator = serializers.CharField(
        allow_null=True,
        required=False,
        allow_blank=True,
        help_text="The locality's figure (for a count) or numerator.",
    )
    denominator = serializers.CharField(
        allow_null=True,
        required=False,
        allow_blank=True,
        help_text="Only for percentages, rates and ratios: the locality's denominator.",
    )


class ValueInSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="The indicator's code, e.g. CSC-REF.")
    numerator = serializers.CharField(
        allow_null=True,
        required=False,
        allow_blank=True,
        help_text="For a count or days, the value itself. A number (or a string holding one); "
        "null or empty with an empty denominator removes a saved value.",
    )
    denominator = serializers.CharField(
        allow_null=True,
        required=False,
        allow_blank=True,
        help_text="Only for percentages, rates per 10,000 children (the number of children "
        "aged 0 to 17) and ratios. The value is computed, never sent.",
    )
    commentary = serializers.CharField(allow_blank=True, required=False, default="")
    confirmed_outlier = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Set true after checking a value outside the series' usual range.",
    )
    localities = LocalityFigureInSerializer(
        many=True,
        required=False,
        help_text="Only for an indicator collected by locality: a figure for every locality in "
        "use, adding up to the total (numerators to the numerator, denominators to the "
        "denominator). Left out, the total alone is sent: it is refused if the figures saved "
        "by locality would no longer add up to it.",
    )


class ValuesInSerializer(serializers.Serializer):
    values = ValueInSerializer(many=True)


class LocalityFigureOutSerializer(serializers.Serializer):
    locality = serializers.CharField()
    numerator = serializers.DecimalField(max_digits=16, decimal_places=4)
    denominator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    value = serializers.DecimalField(
        max_digits=16,
        decimal_places=4,
        allow_null=True,
        help_text="Computed as the total's value is (null where the denominator is 0).",
    )


class ValueOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    indicator = serializers.CharField()
    agency = serializers.CharField()
    numerator = serializers.DecimalField(max_digits=16, decimal_places=4)
    denominator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    value = serializers.DecimalField(max_digits=16, decimal_places=4)
    commentary = serializers.CharField(allow_blank=True)
    confirmed_outlier = serializers.BooleanField()
    changed_at = serializers.DateTimeField()
    localities = LocalityFigureOutSerializer(
        many=True,
        help_text="The figure of each locality, for an indicator collected by locality "
        "(empty otherwise).",
    )


class RoundValuesSerializer(serializers.Serializer):
    round = serializers.IntegerField()
    period = serializers.CharField()
    status = serializers.CharField()
    due_on = serializers.DateField()
    saved = serializers.IntegerField(required=False, help_text="Values created or changed.")
    removed = serializers.IntegerField(required=False)
    values = ValueOutSerializer(many=True)


class ProblemSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    field = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["error", "confirm"],
        help_text="error: fix it; confirm: check the value and send confirmed_outlier true.",
    )
    message = serializers.CharField()


class ProblemsSerializer(serializers.Serializer):
    detail = serializers.CharField()
    problems = ProblemSerializer(many=True)


def _locality_json(unit: str, part: LocalityValue) -> dict[str, Any]:
    try:
        value: Decimal | None = compute_value(unit, part.numerator, part.denominator)
    except ValueError:  # a denominator of 0
        value = None
    return {
        "locality": part.locality.name,
        "numerator": part.numerator,
        "denominator": part.denominator,
        "value": value,
    }


def _value_json(value: IndicatorValue) -> dict[str, Any]:
    return {
        "id": value.pk,
        "indicator": value.indicator.code,
        "agency": value.agency.name,
        "numerator": value.numerator,
        "denominator": value.denominator,
        "value": value.value,
        "commentary": value.commentary,
        "confirmed_outlier": value.confirmed_outlier,
        "changed_at": value.changed_at,
        "localities": [_locality_json(value.indicator.unit, p) for p in value.parts.all()],
    }


ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The round's id.")
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="The ETag of your agency's values, as the last GET or POST answered it. Given, "
    "the values are saved only if nobody has changed them since (else 412, nothing saved); "
    "without it, what you send replaces what is saved.",
)


class ValuesChangedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    changed_by = serializers.CharField()
    changed_at = serializers.DateTimeField(allow_null=True)
    etag = serializers.CharField(help_text="The version now saved: GET the values again.")


def _if_match(request: Request) -> str | None:
    """The one version an ``If-Match`` header names (None: no header, or ``*``)."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    tags = [tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")]
    if len(tags) != 1 or not tags[0]:
        raise ParseError("Send one ETag in If-Match, as the values' GET answered it.")
    return tags[0]


def _etag(actor: Actor, round: CollectionRound) -> str:
    version = selectors.agency_values_version(round=round, agency=actor.agency)
    return f'"{version}"'


class RoundValuesAPI(APIView):
    """A collection round's values: GET your agency's (the business unit: every agency's);
    POST your agency's values, all or nothing."""

    def _round(self, request: Request, pk: int, permission: str) -> tuple[Actor, CollectionRound]:
        round = (
            CollectionRound.unscoped.filter(
                pk=pk, partnership__in=partnerships_for_user(request.user)
            )
            .select_related("partnership")
            .first()
        )
        if round is None:
            raise NotFound("No such round.")
        actor = partnership_actor(
            request, round.partnership.slug, permission=permission, not_found="No such round."
        )
        return actor, round

    def _reply(self, actor: Actor, round: CollectionRound, **extra: Any) -> dict[str, Any]:
        values = (
            selectors.visible_values(actor=actor)
            .filter(round=round)
            .select_related("indicator", "agency")
            .prefetch_related(
                Prefetch(
                    "parts",
                    queryset=LocalityValue.unscoped.select_related("locality").order_by(
                        "locality__order", "locality__name"
                    ),
                )
            )
            .order_by("agency__name", "indicator__phase", "indicator__order", "indicator__code")
        )
        payload = {
            "round": round.pk,
            "period": round.period.label,
            "status": round.status,
            "due_on": round.due_on,
            **extra,
            "values": [_value_json(v) for v in values],
        }
        return dict(RoundValuesSerializer(payload).data)

    @extend_schema(
        operation_id="collection_round_values_list",
        parameters=[ID],
        responses=RoundValuesSerializer,
    )
    def get(self, request: Request, pk: int) -> Response:
        actor, round = self._round(request, pk, "collection.view")
        return Response(self._reply(actor, round), headers={"ETag": _etag(actor, round)})

    @extend_schema(
        operation_id="collection_round_values_submit",
        parameters=[ID, IF_MATCH],
        request=ValuesInSerializer,
        responses={
            200: RoundValuesSerializer,
            400: ProblemsSerializer,
            412: ValuesChangedSerializer,
        },
        description="Send your agency's values for an open round. Every value is checked by "
        "the same rules as the web form (numbers, 0–100 for percentages, counts not "
        "negative, numerator not above denominator, commentary where a value misses its "
        "target, leaves its tolerance or changes more than the round's percentage, and "
        "confirmation of unusual values). One problem and nothing is saved: the reply lists "
        "every problem with the indicator it belongs to. Send If-Match with the ETag of the "
        "values you read, so that a change someone made since (on the web form, by workbook "
        "or by another system) is not overwritten: 412 and nothing is saved. For an "
        "indicator collected by locality, send each locality's figure in localities: they "
        "must add up to the total, and a problem names the locality and the difference.",
        examples=[
            OpenApiExample(
                "Two values",
                value={
                    "values": [
                        {"indicator": "CSC-REF", "numerator": "412"},
                        {
                            "indicator": "CSC-REREF",
                            "numerator": "87",
                            "denominator": "412",
                            "commentary": "",
                        },
                    ]
                },
                request_only=True,
            ),
            OpenApiExample(
                "A count collected by locality",
                value={
                    "values": [
                        {
                            "indicator": "CSC-REF",
                            "numerator": "412",
                            "localities": [
                                {"locality": "North", "numerator": "230"},
                                {"locality": "South", "numerator": "182"},
                            ],
                        }
                    ]
                },
                request_only=True,
            ),
        ],
    )
    def post(self, request: Request, pk: int) -> Response:
        actor, round = self._round(request, pk, "collection.submit")
        body = ValuesInSerializer(data=request.data)
        if not body.is_valid():
            return Response(
                {"detail": "The request is not in the documented form.", "errors": body.errors},
                status=400,
            )
        entries: dict[str, Entry] = {}
        parts: dict[str, breakdowns.PartsEntry | None] = {}
        twice: list[tuple[str, str]] = []
        for item in body.validated_data["values"]:
            code = item["indicator"]
            entries[code] = Entry(
                numerator=item.get("numerator"),
                denominator=item.get("denominator"),
                commentary=item.get("commentary") or "",
                confirmed_outlier=item.get("confirmed_outlier", False),
            )
            given: dict[int | str, tuple[object, object]] | None = None
            if "localities" in item:
                given = {}
                for figure in item["localities"]:
                    name = " ".join(figure["locality"].split())
                    if name.casefold() in {str(k).casefold() for k in given}:
                        twice.append((code, name))
                    given[name] = (figure.get("numerator"), figure.get("denominator"))
            parts[code] = given
        if twice:
            return Response(
                {
                    "detail": "Nothing has been saved.",
                    "problems": [
                        {
                            "indicator": code,
                            "field": "localities",
                            "kind": "error",
                            "message": f"{code}: {name} is given twice",
                        }
                        for code, name in twice
                    ],
                },
                status=400,
            )
        try:
            result = services.values_save(
                actor=actor,
                round=round,
                agency=actor.agency,
                entries=entries,
                via="api",
                expected_version=_if_match(request),
                parts=parts,
            )
        except services.ValuesChanged as exc:
            return Response(
                {
                    "detail": f"{exc.changed_by} changed your agency's values for this round "
                    "since you read them, so nothing has been saved. GET them again, check "
                    "their changes, and send yours with the new ETag.",
                    "changed_by": exc.changed_by,
                    "changed_at": exc.changed_at,
                    "etag": exc.version,
                },
                status=412,
                headers={"ETag": f'"{exc.version}"'},
            )
        except services.CollectionProblems as exc:
            names = {
                f"loc{loc.pk}-": f"localities.{loc.name}."
                for loc in locality_list(partnership=round.partnership)
            }
            return Response(
                {
                    "detail": "Nothing has been saved.",
                    "problems": [
                        {
                            "indicator": code,
                            "field": _field_name(p.field, names),
                            "kind": str(p.kind),
                            "message": p.message,
                        }
                        for code, p in exc.problems
                    ],
                },
                status=400,
            )
        except DjangoValidationError as exc:
            return Response(
                {
                    "detail": "Nothing has been saved.",
                    "problems": [
                        {"indicator": "", "field": "", "kind": "error", "message": str(m)}
                        for m in exc.messages
                    ],
                },
                status=400,
            )
        return Response(
            self._reply(actor, round, saved=result.saved, removed=result.removed),
            headers={"ETag": _etag(actor, round)},
        )


def _field_name(field: str, names: dict[str, str]) -> str:
    """A problem's field as the request names it: a locality's figure is
    ``localities.<name>.numerator`` (or ``.denominator``)."""
    for prefix, name in names.items():
        if field.startswith(prefix):
            return name + field.removeprefix(prefix)
    return field


class RevisionSerializer(serializers.Serializer):
    agency = serializers.CharField()
    old_value = serializers.DecimalField(max_digits=16, decimal_places=4)
    new_value = serializers.DecimalField(max_digits=16, decimal_places=4)
    reason = serializers.CharField()
    revised_at = serializers.DateTimeField()


LOCALITIES_HELP = (
    "For an indicator the partnership collects by locality: each locality's published figure "
    "for the period (its agencies' figures combined as the total is), in the partnership's "
    "order of localities; a locality without a figure for the period is left out. Empty for "
    "an indicator not collected by locality."
)


class PartnershipPointSerializer(serializers.Serializer):
    time_period = serializers.CharField()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    numerator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    denominator = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    value = serializers.DecimalField(max_digits=16, decimal_places=4, allow_null=True)
    agencies = serializers.IntegerField(help_text="How many agencies' figures it combines.")
    revised = serializers.BooleanField(help_text="Changed after the round was published.")
    revisions = RevisionSerializer(many=True)
    commentary = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="Each agency's commentary: {agency, text}.",
    )
    localities = LocalityFigureOutSerializer(many=True, help_text=LOCALITIES_HELP)


def revision_data(revision: Revision) -> dict[str, Any]:
    return {
        "agency": revision.value.agency.name,
        "old_value": revision.old_value,
        "new_value": revision.new_value,
        "reason": revision.reason,
        "revised_at": revision.revised_at,
    }


class PartnershipSeriesSerializer(serializers.Serializer):
    partnership = serializers.CharField()
    indicator = serializers.CharField()
    frequency = serializers.CharField()
    points = PartnershipPointSerializer(many=True)


def series_localities(
    *, partnership: Partnership, indicator: Indicator
) -> dict[date, list[dict[str, Any]]]:
    """By the start of each published period of the indicator's frequency, each locality's
    figure as the API gives it (``locality``, ``numerator``, ``denominator``, ``value``): the
    breakdown page's figures (``locality_breakdowns``: one query when the indicator is not
    collected by locality, four otherwise)."""
    breakdown = locality_breakdowns(partnership=partnership, indicators=[indicator]).get(
        indicator.pk
    )
    if breakdown is None:
        return {}
    return {
        row.period_start: [
            {
                "locality": locality.name,
                "numerator": figures[0],
                "denominator": figures[1],
                "value": value,
            }
            for locality, figures, value in zip(
                breakdown.localities, row.sums, row.cells, strict=True
            )
            if figures is not None
        ]
        for row in breakdown.rows
    }


def point_localities(
    point: SeriesPoint, indicator: Indicator, by_period: dict[date, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """A series point's figures by locality (none for a period of another frequency)."""
    if point.period_type != indicator.frequency:
        return []
    return by_period.get(point.period_start, [])


class PartnershipSeriesAPI(PartnershipAPIMixin, APIView):
    """A partnership's own published series of an indicator (values its agencies submitted in
    published collection rounds), oldest first, with revision marks and, for an indicator
    collected by locality, each period's figures by locality. Open rounds never show."""

    permission = "indicator.view"

    @extend_schema(
        operation_id="partnership_indicator_series",
        responses=PartnershipSeriesSerializer,
        parameters=[
            OpenApiParameter("partnership_slug", str, OpenApiParameter.PATH),
            OpenApiParameter("code", str, OpenApiParameter.PATH, description="Indicator code."),
        ],
    )
    def get(self, request: Request, partnership_slug: str, code: str) -> Response:

        indicator = indicator_by_code(code=code, partnership=self.actor.partnership)
        if indicator is None:
            raise NotFound("No such indicator.")
        points = partnership_series(partnership=self.actor.partnership, indicator=indicator)
        by_period = series_localities(partnership=self.actor.partnership, indicator=indicator)
        payload = {
            "partnership": self.actor.partnership.slug,
            "indicator": indicator.code,
            "frequency": indicator.frequency,
            "points": [
                {
                    "time_period": p.time_period,
                    "period_start": p.period_start,
                    "period_end": p.period_end,
                    "numerator": p.numerator,
                    "denominator": p.denominator,
                    "value": p.value,
                    "agencies": p.agencies,
                    "revised": p.revised,
                    "revisions": [revision_data(r) for r in p.revisions],
                    "commentary": [{"agency": a, "text": t} for a, t in p.commentary],
                    "localities": point_localities(p, indicator, by_period),
                }
                for p in points
            ],
        }
        return Response(PartnershipSeriesSerializer(payload).data)
