"""Pages for independent scrutiny: the scrutineer's challenges (to whom, about what, by when),
the challenged agency's answers, and the scrutineer's judgement of the outcome."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView

from assurance.core.permissions import Scope
from assurance.improvement.scrutiny import selectors, services
from assurance.improvement.scrutiny.forms import AnswerForm, ChallengeForm, OutcomeForm
from assurance.improvement.scrutiny.models import Challenge, ChallengeStatus
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class ChallengesMixin(PartnershipViewMixin):
    section = "challenges"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Challenges", "href": self.partnership_url("improvement:challenge_list")}]


class OneChallengeMixin(ChallengesMixin):
    @property
    def challenge(self) -> Challenge:
        if not hasattr(self, "_challenge"):
            self._challenge = selectors.get_challenge(actor=self.actor, pk=self.kwargs["pk"])
        return self._challenge

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:challenge_detail", self.challenge.pk)

    def get_caption(self) -> str:
        return self.challenge.subject


def can_answer(actor: Any, challenge: Challenge) -> bool:
    scope = actor.scope("challenge.answer")
    if scope is None or challenge.status == ChallengeStatus.CLOSED:
        return False
    return scope is Scope.ALL or challenge.agency_id == actor.agency_id


class ChallengeListView(ChallengesMixin, TemplateView):
    permission = "challenge.view"
    template_name = "improvement/challenges/challenge_list.html"
    page_title = "Challenges"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or ""
        status = status if status in {"open", *ChallengeStatus.values} else ""
        challenges = list(selectors.challenge_list(actor=self.actor, status=status or None))
        today = timezone.localdate()
        context.update(
            rows=[(c, selectors.challenge_is_overdue(c, today)) for c in challenges],
            statuses=[("open", "Not yet closed"), *ChallengeStatus.choices],
            status=status,
            can_record=self.actor.can("challenge.record"),
        )
        return context


class ChallengeDetailView(OneChallengeMixin, TemplateView):
    permission = "challenge.view"
    template_name = "improvement/challenges/challenge_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        challenge = self.challenge
        context.update(
            challenge=challenge,
            page_title=challenge.subject,
            overdue=selectors.challenge_is_overdue(challenge),
            can_answer=can_answer(self.actor, challenge),
            can_close=self.actor.can("challenge.record")
            and challenge.status == ChallengeStatus.ANSWERED,
        )
        return context


class ChallengeCreateView(ChallengesMixin, FormPageView):
    permission = "challenge.record"
    form_class = ChallengeForm
    page_title = "Record a challenge"
    success_message = "The challenge to {record.agency} has been recorded."

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:challenge_list")

    def save(self, form: ChallengeForm) -> Challenge:
        return services.challenge_raise(actor=self.actor, **form.cleaned_data)

    def success_url_for(self, record: Challenge) -> str:
        return self.partnership_url("improvement:challenge_detail", record.pk)


class ChallengeAnswerView(OneChallengeMixin, FormPageView):
    permission = "challenge.answer"
    form_class = AnswerForm
    page_title = "Answer the challenge"
    submit_label = "Send the answer"
    success_message = "Your answer has been sent to the scrutineer."

    def get_form_kwargs(self) -> dict[str, Any]:
        if not can_answer(self.actor, self.challenge):
            raise PermissionDenied("Only the challenged agency answers an open challenge.")
        return super().get_form_kwargs()

    def get_initial(self) -> dict[str, Any]:
        return {"answer": self.challenge.answer} if self.challenge.answer else {}

    def get_revision_records(self) -> list[Any]:
        return [self.challenge]

    def get_lead(self) -> str:
        return self.challenge.detail

    def save(self, form: AnswerForm) -> Challenge:
        return services.challenge_answer(
            actor=self.actor, challenge=self.challenge, answer=form.cleaned_data["answer"]
        )


class ChallengeOutcomeView(OneChallengeMixin, FormPageView):
    permission = "challenge.record"
    form_class = OutcomeForm
    page_title = "Record the outcome"
    submit_label = "Close the challenge"
    success_message = "The challenge has been closed."

    def get_lead(self) -> str:
        return f"The answer: {self.challenge.answer or 'not yet given.'}"

    def save(self, form: OutcomeForm) -> Challenge:
        return services.challenge_close(
            actor=self.actor, challenge=self.challenge, **form.cleaned_data
        )


class ChallengeHistoryView(OneChallengeMixin, HistoryView):
    permission = "challenge.view"

    def get_object(self) -> Any:
        return self.challenge

    def back_url(self, record: Any) -> str:
        return self.get_cancel_url()
