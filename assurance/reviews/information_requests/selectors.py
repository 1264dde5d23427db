"""Reads of information requests, through the permission layer: a request is read by its
agency's people (``review_information.view``, their own agency) and by whoever may open its
review (``review.view``: the panel, the business unit, the scrutineer); it is answered by its
agency's people only (``review_information.answer``)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from assurance.core import compiled
from assurance.frameworks.models import Answer, Framework, FrameworkKind, Section
from assurance.partnerships.access import Actor, get_for_actor, scoped
from assurance.partnerships.models import Partnership
from assurance.reviews.information_requests.models import InformationRequest, InformationStatus
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.notifications.selectors import incident_list

TEMPLATE = Path(__file__).resolve().parent / "data" / "rapid-review-information-request.yaml"
TEMPLATE_NAME = "Rapid review information request"


def request_template(*, partnership: Partnership) -> Framework | None:
    """The partnership's newest version of the rapid review template (None: not loaded yet)."""
    return (
        Framework.objects_for(partnership)
        .filter(kind=FrameworkKind.RAPID_REVIEW, name=TEMPLATE_NAME)
        .order_by("-version")
        .first()
    )


def _base() -> QuerySet[InformationRequest]:
    return InformationRequest.unscoped.select_related(
        "incident", "agency", "assessment", "requested_by", "submitted_by"
    )


def readable_requests(*, actor: Actor) -> QuerySet[InformationRequest]:
    """The requests the actor may read: their own agency's, and those of every review they may
    open."""
    reach = Q(pk__in=[])
    if actor.can("review_information.view"):
        own = scoped(actor, InformationRequest.unscoped.all(), "review_information.view")
        reach |= Q(pk__in=own.values("pk"))
    if actor.can("review.view"):
        reach |= Q(incident__in=incident_list(actor=actor).values("pk"))
    return _base().filter(reach, partnership=actor.partnership)


def get_request(*, actor: Actor, pk: Any) -> InformationRequest:
    """One request the actor may read; any other is a 404, as if it did not exist."""
    try:
        return readable_requests(actor=actor).get(pk=pk)
    except (InformationRequest.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Not found.") from exc


def get_request_to_answer(*, actor: Actor, pk: Any) -> InformationRequest:
    """A request of the actor's own agency (others are a 404)."""
    return get_for_actor(actor, _base(), "review_information.answer", pk)


def requests_of(*, incident: SeriousIncident) -> list[InformationRequest]:
    """The incident's requests with their agencies (the incident has been read through the
    permission layer): what a review's page lists, without the other records a request's own
    page reads."""
    return list(
        InformationRequest.unscoped.filter(incident=incident)
        .select_related("agency")
        .order_by("agency__name")
    )


def request_sections(*, request: InformationRequest) -> list[Section]:
    return list(
        Section.objects.filter(framework_id=request.assessment.framework_id).prefetch_related(
            "items__scale__options"
        )
    )


def request_answer_map(*, request: InformationRequest) -> dict[int, Answer]:
    return {
        a.item_id: a
        for a in Answer.objects.filter(assessment=request.assessment).select_related("option")
    }


def request_answers(*, request: InformationRequest) -> list[tuple[Section, list[tuple[Any, Any]]]]:
    """Each section of the request's template, with each item and its answer (or None)."""
    answers = request_answer_map(request=request)
    return [
        (s, [(i, answers.get(i.pk)) for i in s.items.all()])
        for s in request_sections(request=request)
    ]


def answer_text(
    *, option: str | None, on: date | None, number: Decimal | None, text: str
) -> str | None:
    """One answer as the API gives it: the option's label, the date (ISO 8601), the number
    (as written, without trailing zeros) or the text; None when it is not answered."""
    if option:
        return option
    if on is not None:
        return on.isoformat()
    if number is not None:
        return format(number.normalize(), "f")
    return text if text.strip() else None


def _answers_template(incidents: int, using: str) -> compiled.Template:
    names = tuple(f"incident{n}" for n in range(incidents))
    return compiled.kept(
        f"{__name__}.submitted_answers.{incidents}",
        lambda v: (
            Answer.objects.filter(
                assessment__information_request__incident_id__in=[v[n] for n in names],
                assessment__information_request__status=InformationStatus.SUBMITTED,
            )
            .order_by("assessment__information_request__pk", "item__section__order", "item__order")
            .values_list(
                "assessment__information_request__pk",
                "item__section__title",
                "item__code",
                "item__text",
                "option__label",
                "date",
                "number",
                "text",
                "evidence",
            )
        ),
        ints=names,
        using=using,
    )


def submitted_answers(
    *, incident_ids: Collection[int], using: str = "default"
) -> dict[int, list[dict[str, Any]]]:
    """Each submitted request's answers (request pk → its answers in the template's order:
    section, question code and text, answer, evidence), in one query whatever the number of
    requests, compiled once per process for each number of reviews (ADR 033). Only for
    reviews the caller may open (the panel, the business unit and the scrutineer,
    ``review.view``): the caller has read the incidents through the permission layer. A draft
    is the agency's own until it is submitted, so it is left out."""
    found: dict[int, list[dict[str, Any]]] = {}
    ids = sorted(set(incident_ids))
    if not ids:
        return found
    rows = _answers_template(len(ids), using).rows(
        {f"incident{n}": pk for n, pk in enumerate(ids)}, using
    )
    for request_pk, section, code, question, option, on, number, text, evidence in rows:
        found.setdefault(request_pk, []).append(
            {
                "section": section,
                "code": code,
                "question": question,
                "answer": answer_text(option=option, on=on, number=number, text=text),
                "evidence": evidence,
            }
        )
    return found
