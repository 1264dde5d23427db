"""Writes of information requests: the business unit sends them to the agencies it chooses
(each agency's lead is e-mailed), and that agency's people save their answers on the rapid
review template and submit them, once, by the due date the statutory clock gives.

A request is an ``Assessment`` of the shipped template (loaded into the partnership through the
framework interchange the first time it is needed, like any framework file): the answers are
saved by the assessment engine, which refuses a save made over someone else's
(``ConflictError``), and submitting needs what the engine says is missing to be answered."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from assurance.core.emails import send_email
from assurance.core.history import save_as
from assurance.frameworks import assessments
from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.models import Answer, Framework, Item
from assurance.partnerships.access import Actor, require_same_partnership
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.reviews.clock.rules import information_due
from assurance.reviews.clock.selectors import closure_days, review_settings
from assurance.reviews.information_requests.models import InformationRequest, InformationStatus
from assurance.reviews.information_requests.selectors import (
    TEMPLATE,
    request_template,
)
from assurance.reviews.notifications.models import SeriousIncident


def request_template_load(*, partnership: Partnership, user: Any = None) -> Framework:
    """The partnership's rapid review template, loaded from the shipped file if it has none (a
    partnership that adapted it keeps its newest version)."""
    found = request_template(partnership=partnership)
    if found is not None:
        return found
    return import_file(
        name=TEMPLATE.name, content=TEMPLATE.read_bytes(), partnership=partnership, user=user
    )


def agency_leads(*, agency: Agency) -> list[Person]:
    return list(
        Person.objects_for(agency.partnership)
        .filter(agency=agency, is_agency_lead=True, is_active=True)
        .order_by("full_name")
    )


def information_requests_send(
    *,
    actor: Actor,
    incident: SeriousIncident,
    agencies: Iterable[Agency],
    note: str = "",
    base_url: str = "",
    today: date | None = None,
) -> list[InformationRequest]:
    """Ask each agency for its information, due in the partnership's working days; e-mail each
    agency's lead. All or nothing: an agency asked already, or without a lead to e-mail, is
    named and nothing is sent."""
    actor.require("review.manage")
    agencies = list(agencies)
    require_same_partnership(actor, incident, *agencies)
    if not agencies:
        raise ValidationError({"agencies": "Select the agencies to ask for information."})
    asked = set(
        InformationRequest.objects_for(actor.partnership)
        .filter(incident=incident)
        .values_list("agency_id", flat=True)
    )
    problems = [
        f"{a.name} has been asked already: its request is on the review's page."
        for a in agencies
        if a.pk in asked
    ]
    leads = {a.pk: agency_leads(agency=a) for a in agencies}
    problems += [
        f"{a.name} has no agency lead to send the request to: add one to its people first."
        for a in agencies
        if not leads[a.pk] and a.pk not in asked
    ]
    if problems:
        raise ValidationError({"agencies": problems})
    today = today or timezone.localdate()
    settings = review_settings(partnership=actor.partnership)
    due = information_due(
        today, settings.information_working_days, closure_days(partnership=actor.partnership)
    )
    made: list[InformationRequest] = []
    with transaction.atomic():
        template = request_template_load(partnership=actor.partnership, user=actor.user)
        for agency in agencies:
            request = InformationRequest(
                partnership=actor.partnership,
                incident=incident,
                agency=agency,
                assessment=assessments.assessment_start(
                    framework=template, partnership=actor.partnership
                ),
                note=note.strip(),
                requested_on=today,
                due_on=due,
                requested_by=actor.person,
            )
            save_as(request, actor)
            made.append(request)
        for request in made:
            link = f"{base_url}/p/{actor.partnership.slug}/reviews/information/{request.pk}/"
            for lead in leads[request.agency_id]:
                transaction.on_commit(partial(_email_lead, lead, request, link))
    return made


def _email_lead(lead: Person, request: InformationRequest, link: str) -> None:
    send_email(
        "reviews/emails/information_request",
        {"person": lead, "request": request, "link": link},
        to=[lead.email],
    )


def information_answers_save(
    *,
    actor: Actor,
    request: InformationRequest,
    answers: dict[int, dict[str, Any]],
    expected_revision: int,
    submit: bool = False,
    today: date | None = None,
) -> InformationRequest:
    """Save the agency's answers (a draft may be incomplete); with ``submit``, submit them to
    the review, which needs every answer the template asks for. A refused submission saves
    nothing. Someone else's save since ``expected_revision`` refuses this one."""
    actor.require("review_information.answer")
    require_same_partnership(actor, request)
    if request.agency_id != actor.agency_id:
        raise ValidationError("Only the agency asked answers its information request.")
    if request.is_locked:
        raise ValidationError(
            "This information has been submitted to the review, so it cannot be changed."
        )
    with transaction.atomic():
        try:
            assessments.assessment_save_answers(
                assessment=request.assessment,
                answers=answers,
                expected_revision=expected_revision,
                user=actor,
            )
        except assessments.ConflictError as exc:
            raise ValidationError(
                "Someone else in your agency saved these answers after you opened this page, "
                "so yours have not been saved. Copy what you typed, then open the page again "
                "to see their answers."
            ) from exc
        if submit:
            missing = _missing_by_field(request)
            if missing:
                raise ValidationError(
                    {
                        NON_FIELD_ERRORS: "Answer every question before you submit: nothing has "
                        "been saved.",
                        **missing,
                    }
                )
            request.status = InformationStatus.SUBMITTED
            request.submitted_on = today or timezone.localdate()
            request.submitted_by = actor.person
        elif Answer.objects.filter(assessment=request.assessment).exists():
            request.status = InformationStatus.IN_PROGRESS
        save_as(request, actor)
    return request


def _missing_by_field(request: InformationRequest) -> dict[str, str]:
    """What is still missing, on the answer form's field of each question (``item_<pk>`` for
    the answer, ``evidence_<pk>`` for its evidence), so that the error summary links to it."""
    answers = {
        a.item_id: a
        for a in Answer.objects.filter(assessment=request.assessment).select_related("option")
    }
    missing: dict[str, str] = {}
    for item in Item.objects.filter(section__framework_id=request.assessment.framework_id).order_by(
        "section__order", "order"
    ):
        answer = answers.get(item.pk)
        problem = assessments.item_missing(item=item, answer=answer)
        if problem:
            field = "item" if answer is None or answer.is_empty else "evidence"
            missing[f"{field}_{item.pk}"] = problem
    return missing
