"""Pages of the challenge: the returns awaiting the panel, a return's challenge (what the
organisation said beside what the panel agreed, the outcome and the actions raised), the panel's
form, raising an action, the history, and the business unit's choice of the round's panel."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from assurance.core.downloads import file_download
from assurance.core.pagination import paginate
from assurance.core.permissions import Scope
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.selfassessment.challenges import selectors, services
from assurance.selfassessment.challenges.forms import (
    ChallengeActionForm,
    ChallengeForm,
    PanelForm,
)
from assurance.selfassessment.challenges.models import (
    OUTCOME_COLOURS,
    Challenge,
    ChallengeAction,
    ChallengePanel,
)
from assurance.selfassessment.returns import selectors as return_selectors
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.rounds import selectors as round_selectors
from assurance.selfassessment.rounds.models import Participant, Round


class ChallengeListView(PartnershipViewMixin, TemplateView):
    """The submitted returns the actor may challenge or read the challenge of: those awaiting
    the panel, or (``?list=challenged``) those it has challenged, each list 50 a page."""

    permission = "sa_challenge.view"
    template_name = "selfassessment/challenges/list.html"
    section = "self-assessment-challenges"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        awaiting = selectors.awaiting_challenge(actor=self.actor)
        challenged = selectors.challenged(actor=self.actor)
        showing = "challenged" if self.request.GET.get("list") == "challenged" else "awaiting"
        page = paginate(self.request, challenged if showing == "challenged" else awaiting)
        context.update(
            page,
            page_title="Challenge of self-assessments"
            + (" – challenged" if showing == "challenged" else ""),
            showing=showing,
            awaiting_total=page["total"] if showing == "awaiting" else awaiting.count(),
            challenged_total=page["total"] if showing == "challenged" else challenged.count(),
            can_record=self.actor.can("sa_challenge.record"),
            on_a_panel=selectors.sits_on_a_panel(actor=self.actor),
        )
        return context


class ChallengeMixin(PartnershipViewMixin):
    section = "self-assessment-challenges"
    participant_permission = "sa_challenge.view"

    @cached_property
    def participant(self) -> Participant:
        return selectors.get_participant(
            actor=self.actor, pk=self.kwargs["pk"], permission=self.participant_permission
        )

    @cached_property
    def sa_return(self) -> SelfAssessmentReturn | None:
        return return_selectors.return_of(participant=self.participant)

    @cached_property
    def challenge(self) -> Challenge | None:
        return selectors.challenge_of(participant=self.participant)

    @property
    def submitted(self) -> bool:
        return self.sa_return is not None and self.sa_return.is_locked

    def challenge_url(self) -> str:
        return self.partnership_url("selfassessment:challenge_detail", self.participant.pk)

    def get_cancel_url(self) -> str:
        return self.challenge_url()

    def get_caption(self) -> str:
        return f"{self.participant.name} · {self.participant.round}"

    def base_crumbs(self) -> list[dict[str, str]]:
        return [
            {
                "text": "Challenge of self-assessments",
                "href": self.partnership_url("selfassessment:challenge_list"),
            }
        ]

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [*self.base_crumbs(), {"text": "The challenge", "href": self.challenge_url()}]

    def not_submitted_redirect(self) -> HttpResponse | None:
        if not self.submitted:
            messages.info(self.request, services.NOT_SUBMITTED)
            return redirect(self.challenge_url())
        return None


class ChallengeDetailView(ChallengeMixin, TemplateView):
    """A return's challenge: each standard's self-rating and narrative beside the rating the
    panel agreed (where it differs) with its reason, the outcome, and the actions raised."""

    permission = "sa_challenge.view"
    template_name = "selfassessment/challenges/detail.html"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return self.base_crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        participant, challenge = self.participant, self.challenge
        organisation = selectors.is_organisation(actor=self.actor, participant=participant)
        can_record = self.submitted and selectors.may_record(
            actor=self.actor, participant=participant
        )
        # the organisation reads its challenge once the panel has recorded it
        shown = challenge is not None or not organisation
        sections = (
            selectors.standard_rows(
                participant=participant, sa_return=self.sa_return, challenge=challenge
            )
            if self.sa_return is not None and self.submitted and shown
            else []
        )
        earlier = challenge is not None and not challenge.is_current
        context.update(
            participant=participant,
            round=participant.round,
            challenge=challenge,
            # the challenge judged an earlier submission: the return was unlocked since
            earlier=earlier,
            changed_since=sum(row.changed_since for s in sections for row in s.rows),
            panel=selectors.panel_of(round=participant.round),
            submitted=self.submitted,
            sections=sections,
            # the ratings it changed (counted from the challenge while its return is unlocked,
            # when the standards are not shown)
            changed=sum(row.changed for s in sections for row in s.rows)
            if sections or challenge is None
            else challenge.agreed.count(),
            outcome_colour=OUTCOME_COLOURS.get(challenge.outcome, "") if challenge else "",
            can_record=can_record,
            can_raise=can_record and challenge is not None and self.actor.can("action.manage"),
            # the return itself: the business unit, the scrutineer and the organisation (a panel
            # member reads it here, through the challenge)
            can_read_return=self.actor.scope("sa_return.view") is Scope.ALL or organisation,
            page_title=f"Challenge: {participant.name}",
            caption=str(participant.round),
        )
        return context


class ChallengeEvidenceView(ChallengeMixin, View):
    """A file of the challenged return, for whoever may read the challenge: the round's panel
    (who do not open the return itself), the business unit, the scrutineer and the
    organisation. Nobody else: the challenge's own scope decides (404 outside it)."""

    permission = "sa_challenge.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:
        evidence = selectors.get_evidence(participant=self.participant, pk=kwargs["evidence_pk"])
        if not evidence.file:
            raise Http404("This evidence is a link, not a file.")
        return file_download(evidence.file, evidence.file_name)


class ChallengeRecordView(ChallengeMixin, FormPageView):
    """The panel records the ratings it agreed where they differ, and its outcome."""

    permission = "sa_challenge.record"
    participant_permission = "sa_challenge.record"
    form_class = ChallengeForm
    template_name = "selfassessment/challenges/record.html"
    submit_label = "Save the challenge"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.not_submitted_redirect() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.not_submitted_redirect() or super().post(request, *args, **kwargs)

    def get_heading(self) -> str:
        return f"Challenge the return of {self.participant.name}"

    def get_lead(self) -> str:
        return (
            "Read what the organisation said of each standard. Where the panel agrees a "
            "different rating, choose it and say why; leave the rest as they are."
        )

    @cached_property
    def sections(self) -> list[selectors.SectionRows]:
        assert self.sa_return is not None
        return selectors.standard_rows(
            participant=self.participant, sa_return=self.sa_return, challenge=self.challenge
        )

    def get_object(self) -> Challenge | None:
        return self.challenge

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        kwargs["sections"] = self.sections
        challenge = self.challenge
        kwargs.setdefault("initial", {}).update(
            {
                "outcome": challenge.outcome,
                "summary": challenge.summary,
                "met_on": challenge.met_on,
            }
            if challenge
            else {"met_on": timezone.localdate()}
        )
        return kwargs

    def save(self, form: ChallengeForm) -> Challenge:
        return services.challenge_record(
            actor=self.actor,
            participant=self.participant,
            ratings=form.ratings(),
            outcome=form.cleaned_data["outcome"],
            summary=form.cleaned_data["summary"],
            met_on=form.cleaned_data["met_on"],
        )

    def get_success_message(self, record: Challenge) -> str:
        return f"The challenge of {self.participant.name}'s return has been saved."

    def success_url_for(self, record: Challenge) -> str:
        return self.challenge_url()

    def get_history_url(self) -> str:
        if self.challenge is None:
            return ""
        return self.partnership_url("selfassessment:challenge_history", self.participant.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            participant=self.participant,
            page_title=f"Challenge the return – {self.participant.name}",
        )
        return context


class ChallengeActionAddView(ChallengeMixin, FormPageView):
    """An action the organisation must take, raised at the challenge, into the action log."""

    permission = "action.manage"
    participant_permission = "sa_challenge.record"
    form_class = ChallengeActionForm
    submit_label = "Add it to the action log"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.challenge is None:
            messages.info(
                request, "Record the panel's challenge of the return first, then raise its actions."
            )
            return redirect(self.challenge_url())
        return self.not_submitted_redirect() or super().get(request, *args, **kwargs)

    def get_heading(self) -> str:
        return f"Raise an action for {self.participant.name}"

    def get_lead(self) -> str:
        return (
            "It goes into the partnership's action log, linked back to this return and the "
            "standard, and is followed up there like any other action."
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["framework_id"] = self.participant.round.framework_id
        initial = kwargs.setdefault("initial", {})
        owner = selectors.default_owner_agency(participant=self.participant)
        if owner is not None:
            initial["owner_agency"] = owner.pk
        item = self.request.GET.get("standard", "")
        if item.isdigit():
            initial["item"] = int(item)
        return kwargs

    def save(self, form: ChallengeActionForm) -> ChallengeAction:
        return services.challenge_action_raise(
            actor=self.actor,
            participant=self.participant,
            item=form.cleaned_data["item"],
            title=form.cleaned_data["title"],
            owner_agency=form.cleaned_data["owner_agency"],
            due_date=form.cleaned_data["due_date"],
            measure=form.cleaned_data["measure"],
        )

    def get_success_message(self, record: ChallengeAction) -> str:
        return f"“{record.action.title}” has been added to the action log."

    def success_url_for(self, record: ChallengeAction) -> str:
        return self.challenge_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"Raise an action – {self.participant.name}"
        return context


class ChallengeHistoryView(ChallengeMixin, HistoryView):
    permission = "sa_challenge.view"

    def get_object(self) -> Challenge:
        if self.challenge is None:
            raise Http404("This return has not been challenged.")
        return self.challenge

    def back_url(self, record: Any) -> str:
        return self.challenge_url()


class PanelView(FormPageView):
    """The business unit chooses the group whose members challenge the round's returns."""

    permission = "self_assessment.manage"
    section = "self-assessment-rounds"
    form_class = PanelForm
    submit_label = "Save"
    heading = "Who challenges this round's returns"

    @cached_property
    def round(self) -> Round:
        return round_selectors.get_round(actor=self.actor, pk=self.kwargs["pk"])

    @cached_property
    def panel(self) -> ChallengePanel | None:
        return selectors.panel_of(round=self.round)

    def get_caption(self) -> str:
        return str(self.round)

    def get_lead(self) -> str:
        return (
            "The members of the group you choose, and the business unit, challenge the "
            "submitted returns of this round. They see them on their home page."
        )

    def get_object(self) -> ChallengePanel | None:
        return self.panel

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        if self.panel is not None:
            kwargs.setdefault("initial", {})["group"] = self.panel.group_id
        return kwargs

    def get_cancel_url(self) -> str:
        return self.partnership_url("selfassessment:round_detail", self.round.pk)

    def save(self, form: PanelForm) -> ChallengePanel:
        return services.challenge_panel_set(
            actor=self.actor, round=self.round, group=form.cleaned_data["group"]
        )

    def get_success_message(self, record: ChallengePanel) -> str:
        return f"The members of {record.group} challenge this round's returns."

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")},
            {"text": str(self.round), "href": self.get_cancel_url()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page_title"] = f"Challenge panel – {self.round}"
        return context
