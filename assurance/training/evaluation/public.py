"""The questionnaire of a personal link, with no account: the practitioner's before the course,
at its end and three months on, and their line manager's three months on. The link names one
invitation; it is refused, saying why, once used, before it opens and after it closes (410)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.generic import FormView

from assurance.frameworks.selectors import framework_tree
from assurance.training.evaluation import links, selectors, services
from assurance.training.evaluation.forms import QuestionnaireForm
from assurance.training.evaluation.models import Invitation, Stage


def refused(request: HttpRequest, reason: str) -> HttpResponse:
    return render(
        request,
        "training/public/message.html",
        {
            "heading": "This link cannot be used",
            "lines": [
                reason,
                "If you think this is wrong, contact the partnership's business unit.",
            ],
        },
        status=410,
    )


class QuestionnaireView(FormView):
    template_name = "training/public/questionnaire.html"
    form_class = QuestionnaireForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            pk, nonce = links.read_token(self.kwargs["token"])
        except links.LinkRefused as exc:
            return refused(request, str(exc))
        invitation = selectors.invitation_for_link(pk, nonce)
        if invitation is None:
            return refused(request, "This link is not complete or not one of ours.")
        reason = services.invitation_refusal(invitation, timezone.now())
        if reason:
            return refused(request, reason)
        self.invitation: Invitation = invitation
        course = invitation.booking.session.course
        self.framework = services.questionnaire_for(course=course, stage=invitation.stage)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["sections"] = framework_tree(framework=self.framework)
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        invitation = self.invitation
        booking = invitation.booking
        session = booking.session
        manager = invitation.stage == Stage.MANAGER
        if manager:
            heading = "How has their practice changed?"
            lead = (
                f"{booking.name or 'A member of your team'} attended {session.course.title} on "
                f"{timezone.localtime(session.starts_at):%-d %B %Y}. As their line manager, "
                "tell us what you see in their practice now, against each thing the course set "
                "out to teach."
            )
        else:
            heading = f"Your questionnaire {invitation.get_stage_display().lower()}"
            lead = (
                f"{session.course.title}, {timezone.localtime(session.starts_at):%-d %B %Y}. "
                "Rate yourself against each thing the course sets out to teach."
            )
        context.update(
            heading=heading,
            caption=session.course.title,
            lead=lead,
            manager=manager,
            closes=timezone.localtime(invitation.closes_at),
            grouped=context["form"].grouped(),
        )
        return context

    def form_valid(self, form: QuestionnaireForm) -> HttpResponse:
        try:
            services.response_submit(
                invitation=self.invitation, framework=self.framework, answers=form.answers()
            )
        except ValidationError as exc:
            return refused(self.request, " ".join(exc.messages))
        return render(
            self.request,
            "training/public/message.html",
            {
                "heading": "Thank you: your answers have been sent",
                "lines": [
                    "They are kept under a reference number, not a name, and used only to see "
                    "how the partnership's training changes practice.",
                    "You can close this page.",
                ],
            },
        )
