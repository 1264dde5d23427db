"""Pages of the action log and action plans: the log, an action, the plans, adding and editing
actions, progress, evidence, completion and impact."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView, View

from assurance.core.downloads import file_download
from assurance.core.forms import limit_choices
from assurance.core.pagination import paginate
from assurance.core.registry import action_origins_for, deliveries_of
from assurance.improvement.actions import selectors
from assurance.improvement.actions import (
    selectors as action_selectors,
)
from assurance.improvement.actions import (
    services as action_services,
)
from assurance.improvement.actions.forms import (
    ActionFilterForm,
    ActionForm,
    CompleteForm,
    EvidenceForm,
    JudgementForm,
    ProgressForm,
)
from assurance.improvement.actions.models import Action, ActionState
from assurance.improvement.learning.models import Recommendation
from assurance.partnerships.models import Agency
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class ActionMixin(PartnershipViewMixin):
    """An action the actor may act on under ``permission`` (404 outside their scope)."""

    section = "actions"
    action: Action

    def get_action(self) -> Action:
        if not hasattr(self, "action"):
            self.action = action_selectors.get_action_for(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.permission
            )
        return self.action

    def action_url(self) -> str:
        return self.partnership_url("improvement:action_detail", self.get_action().pk)

    def thread_url(self) -> str:
        return self.partnership_url("improvement:action_thread", self.get_action().pk)

    # As a form page: about the action, back to its page.

    def get_caption(self) -> str:
        return self.get_action().title

    def get_cancel_url(self) -> str:
        return self.action_url()

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        action = self.get_action()
        return [
            {"text": "Action log", "href": self.partnership_url("improvement:action_list")},
            {"text": action.title[:60], "href": self.action_url()},
        ]


# --- plans -----------------------------------------------------------------------------------


class PlanListView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/actions/plan_list.html"
    section = "actions"
    page_title = "Action plans"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            plans=action_selectors.action_plans(actor=self.actor),
            breadcrumbs=[
                {"text": "Action log", "href": self.partnership_url("improvement:action_list")}
            ],
        )
        return context


class PlanDetailView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/actions/plan_detail.html"
    section = "actions"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plan = action_selectors.get_plan(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            plan=plan,
            accepted=plan.recommendation.status == Recommendation.Status.ACCEPTED,
            can_add=self.actor.can("action.manage"),
            page_title=f"Action plan: {plan.recommendation.title}",
            breadcrumbs=[
                {"text": "Action plans", "href": self.partnership_url("improvement:plan_list")}
            ],
        )
        return context


class ActionAddView(FormPageView):
    permission = "action.manage"
    form_class = ActionForm
    section = "actions"
    page_title = "Add an action to the plan"
    lead = "Make it SMART: specific, with an owner, a due date and a measure anyone can check."
    submit_label = "Add the action"
    success_message = "“{record.title}” is in the plan."

    def get_recommendation(self) -> Recommendation:
        plan = action_selectors.get_plan(actor=self.actor, pk=self.kwargs["pk"])
        return plan.recommendation

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:plan_detail", self.kwargs["pk"])

    def get_caption(self) -> str:
        return self.get_recommendation().title

    def get_initial(self) -> dict[str, Any]:
        """The baseline audit and standard of the learning behind the recommendation, ready
        for a re-audit measure (used only if that measure is chosen)."""
        return action_selectors.reaudit_baseline(recommendation=self.get_recommendation())

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        recommendation = self.get_recommendation()
        if recommendation.status != Recommendation.Status.ACCEPTED:
            messages.error(
                request,
                "Only an accepted recommendation has an action plan: this one is "
                f"{recommendation.get_status_display().lower()}.",
            )
            return redirect(self.get_cancel_url())
        return super().get(request, *args, **kwargs)

    def save(self, form: ActionForm) -> Action:
        return action_services.action_plan_add(
            actor=self.actor, recommendation=self.get_recommendation(), **form.cleaned_data
        )


class ActionEditView(ActionMixin, FormPageView):
    permission = "action.update"
    form_class = ActionForm
    page_title = "Change the action"
    submit_label = "Save the changes"
    success_message = "The action has been changed."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        action = self.get_action()
        kwargs["can_move"] = self.actor.can("action.manage")
        kwargs["initial"] = {name: getattr(action, name) for name in action_services.ACTION_FIELDS}
        kwargs["initial"]["delivered_by"] = action_selectors.delivered_by(action=action)
        return kwargs

    def save(self, form: ActionForm) -> Action:
        values = dict(form.cleaned_data)
        if not self.actor.can("action.manage"):
            values.pop("owner_agency", None)
        return action_services.action_edit(actor=self.actor, action=self.get_action(), **values)


class ProgressAddView(ActionMixin, FormPageView):
    permission = "action.update"
    form_class = ProgressForm
    page_title = "Give a progress update"
    submit_label = "Record the update"
    success_message = "Your update has been recorded."

    def save(self, form: ProgressForm) -> Any:
        return action_services.progress_update_add(
            actor=self.actor, action=self.get_action(), **form.cleaned_data
        )


class EvidenceAddView(ActionMixin, FormPageView):
    permission = "action.update"
    form_class = EvidenceForm
    page_title = "Add evidence"
    lead = (
        "Show that the action was delivered: a document, or a link to a record on the "
        "platform such as an audit report or the minutes of a meeting."
    )
    submit_label = "Add the evidence"
    success_message = "The evidence has been added."

    def save(self, form: EvidenceForm) -> Any:
        return action_services.evidence_add(
            actor=self.actor,
            action=self.get_action(),
            description=form.cleaned_data["description"],
            file=form.cleaned_data.get("file"),
            link=form.cleaned_data.get("link") or "",
        )


class EvidenceDownloadView(ActionMixin, View):
    permission = "action.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        evidence = action_selectors.get_evidence(
            actor=self.actor, action=self.get_action(), pk=kwargs["evidence_pk"]
        )
        if evidence.link:
            return redirect(evidence.link)
        if not evidence.file:
            raise Http404("No file.")
        return file_download(evidence.file, evidence.file_name)


class ActionCompleteView(ActionMixin, FormPageView):
    permission = "action.update"
    form_class = CompleteForm
    page_title = "Mark the action complete"
    submit_label = "Mark it complete"
    success_message = "The action is complete."

    def get_initial(self) -> dict[str, Any]:
        return {"completed_on": timezone.localdate()}

    def get_lead(self) -> str:
        evidence = action_selectors.action_evidence(action=self.get_action()).count()
        return (
            f"{evidence} piece{'s' if evidence != 1 else ''} of evidence attached. "
            if evidence
            else "An action can only be completed with evidence: add it first. "
        ) + (
            "Where success is measured by an indicator or a re-audit, the platform then "
            "compares before and after."
        )

    def save(self, form: CompleteForm) -> Action:
        return action_services.action_complete(
            actor=self.actor,
            action=self.get_action(),
            completed_on=form.cleaned_data["completed_on"],
        )

    def success_url_for(self, record: Action) -> str:
        return self.thread_url()


class ImpactJudgementView(ActionMixin, FormPageView):
    permission = "impact.record"
    form_class = JudgementForm
    page_title = "Record a judgement of the impact"
    submit_label = "Record the judgement"
    success_message = "The judgement has been recorded."

    def get_lead(self) -> str:
        return f"The measure of success: {self.get_action().measure}"

    def save(self, form: JudgementForm) -> Any:
        return action_services.impact_judgement_record(
            actor=self.actor, action=self.get_action(), **form.cleaned_data
        )

    def success_url_for(self, record: Any) -> str:
        return self.thread_url()


class ImpactMeasureView(ActionMixin, View):
    """Compare before and after again (for example once a re-audit has closed)."""

    permission = "impact.record"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = self.get_action()
        if action.state != ActionState.COMPLETE:
            messages.error(request, "Impact is measured once the action is complete.")
        else:
            assessment = action_services.impact_assess(action=action, user=request.user)
            if assessment is None:
                messages.error(
                    request,
                    "This action's measure is a described test: record a judgement instead.",
                )
            else:
                messages.success(request, f"Impact measured: {assessment.get_outcome_display()}.")
        return redirect(self.thread_url())


class ActionListView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/action_list.html"
    section = "actions"
    page_title = "Action log"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = ActionFilterForm(self.request.GET or None)
        limit_choices(form, "agency", Agency.objects_for(self.partnership))
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {k: v for k, v in form.cleaned_data.items() if v}
        rows = selectors.action_rows(
            actor=self.actor,
            status=filters.get("status"),
            agency=filters.get("agency"),
            due_before=filters.get("due_before"),
        )
        context.update(
            paginate(self.request, rows),
            form=form,
            filtered=bool(filters),
            counts=selectors.status_counts(rows),
        )
        return context


class ActionDetailView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/action_detail.html"
    section = "actions"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        action = selectors.get_action(actor=self.actor, pk=self.kwargs["pk"])
        status, label = selectors.action_status_of(action)
        context.update(
            action=action,
            status=status,
            status_label=label,
            updates=action_selectors.action_updates(action=action),
            evidence=action_selectors.action_evidence(action=action),
            deliveries=deliveries_of(action),
            impact=next(iter(action_selectors.impact_assessments(action=action)), None),
            origins=action_origins_for(action),
            can_update=self.actor.can("action.update")
            and (self.actor.can("action.manage") or action.owner_agency_id == self.actor.agency_id),
            page_title=action.title,
            breadcrumbs=[
                {"text": "Action log", "href": self.partnership_url("improvement:action_list")}
            ],
        )
        return context


class ActionHistoryView(HistoryView):
    permission = "action.view"
    section = "actions"

    def get_object(self) -> Action:
        return selectors.get_action(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("improvement:action_detail", record.pk)
