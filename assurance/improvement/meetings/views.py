"""Pages for meetings of the partnership's groups: agenda built from what is due, papers
(links to the platform's reports), attendance and the quorum, minutes, and decisions on
recommendations with votes; the decision log."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.views.generic import TemplateView

from assurance.core.registry import standing_agenda_for
from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import LearningItem, Recommendation
from assurance.improvement.meetings import selectors, services
from assurance.improvement.meetings.agenda import agenda_defaults
from assurance.improvement.meetings.forms import (
    AgendaForm,
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    PaperForm,
)
from assurance.improvement.meetings.models import Decision, DecisionOutcome, Meeting
from assurance.partnerships import services as partnership_services
from assurance.partnerships.models import Group
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class MeetingsMixin(PartnershipViewMixin):
    section = "meetings"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Meetings", "href": self.partnership_url("improvement:meeting_list")}]


class OneMeetingMixin(MeetingsMixin):
    meeting_permission = "meeting.view"

    @property
    def meeting(self) -> Meeting:
        if not hasattr(self, "_meeting"):
            self._meeting = selectors.get_meeting(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.meeting_permission
            )
        return self._meeting

    def meeting_url(self, name: str = "improvement:meeting_detail") -> str:
        return self.partnership_url(name, self.meeting.pk)

    def get_cancel_url(self) -> str:
        return self.meeting_url()

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [*super().get_breadcrumbs(), {"text": str(self.meeting), "href": self.meeting_url()}]

    def get_caption(self) -> str:
        return str(self.meeting)


class MeetingListView(MeetingsMixin, TemplateView):
    permission = "meeting.view"
    template_name = "improvement/meetings/meeting_list.html"
    page_title = "Meetings"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        groups = list(Group.objects_for(self.partnership))
        chosen = next((g for g in groups if str(g.pk) == self.request.GET.get("group")), None)
        context.update(
            meetings=selectors.meeting_list(actor=self.actor, group=chosen),
            groups=groups,
            group=chosen,
            can_manage=self.actor.can("meeting.manage"),
        )
        return context


class MeetingDetailView(OneMeetingMixin, TemplateView):
    permission = "meeting.view"
    template_name = "improvement/meetings/meeting_detail.html"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return MeetingsMixin.get_breadcrumbs(self)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        meeting = self.meeting
        context.update(
            meeting=meeting,
            page_title=str(meeting),
            quorum=selectors.quorum_view(meeting),
            standing=[
                item
                if not item.permission or self.actor.can(item.permission)
                else replace(item, paper_href="")
                for item in standing_agenda_for(meeting)
            ],
            can_manage=self.actor.can("meeting.manage"),
            can_decide=self.actor.can("decision.record") and meeting.group.is_decision_making,
        )
        return context


class MeetingCreateView(MeetingsMixin, FormPageView):
    permission = "meeting.manage"
    form_class = MeetingForm
    page_title = "Add a meeting"
    success_message = "The meeting has been added. Now build its agenda."

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:meeting_list")

    def save(self, form: MeetingForm) -> Meeting:
        return services.meeting_create(
            actor=self.actor,
            group=form.cleaned_data["group"],
            held_on=form.cleaned_data["held_on"],
            location=form.cleaned_data["location"],
        )

    def success_url_for(self, record: Meeting) -> str:
        return self.partnership_url("improvement:meeting_agenda", record.pk)


class MeetingUpdateView(OneMeetingMixin, FormPageView):
    permission = "meeting.manage"
    meeting_permission = "meeting.manage"
    form_class = MeetingForm
    page_title = "Change the meeting and its minutes"
    success_message = "The meeting has been saved."

    def get_object(self) -> Meeting:
        return self.meeting

    def save(self, form: MeetingForm) -> Meeting:
        return partnership_services.record_save(
            actor=self.actor, form=form, permission=self.permission
        )


class AgendaView(OneMeetingMixin, FormPageView):
    """The agenda, built from what is due: each candidate is ticked if it is due for the group."""

    permission = "meeting.manage"
    meeting_permission = "meeting.manage"
    page_title = "Build the agenda"
    submit_label = "Save the agenda"
    lead = (
        "What is due for this group is ticked: new learning and data set exceptions not yet "
        "discussed, recommendations awaiting decision (for the decision-making group), and "
        "actions overdue or due within eight weeks of the meeting. Change the choice as "
        "needed; the report of any audit on the agenda is added to the papers."
    )
    success_message = "The agenda has been saved."

    def get_form(self, form_class: Any = None) -> AgendaForm:
        self.candidates = candidates = selectors.agenda_candidates(meeting=self.meeting)
        chosen = agenda_defaults(
            decides=self.meeting.group.is_decision_making,
            meeting_on=self.meeting.held_on,
            candidates=candidates,
        )
        if self.meeting.agenda_items.all():
            current = self.meeting.agenda_items.all()
            keys = {
                (a.kind, a.learning_item_id or a.recommendation_id or a.action_id) for a in current
            }
            titles = {a.title for a in current if a.kind == "exception"}
            chosen = [
                c
                for c in candidates
                if (c.kind, c.key) in keys or (c.kind == "dataset" and c.title in titles)
            ]
        return AgendaForm(**self.get_form_kwargs(), candidates=candidates, chosen=chosen)

    def save(self, form: AgendaForm) -> Meeting:
        p = self.partnership
        data = form.cleaned_data

        def pick(model: Any, key: str) -> list[Any]:
            keys = data.get(key) or []
            by_pk = model.objects_for(p).in_bulk(keys)
            return [by_pk[k] for k in keys if k in by_pk]

        titles = {c.key: c.title for c in self.candidates if c.kind == "dataset"}
        services.agenda_set(
            actor=self.actor,
            meeting=self.meeting,
            dataset_exceptions=[titles[k] for k in data.get("dataset") or [] if k in titles],
            exceptions=pick(LearningItem, "exception"),
            learning_items=pick(LearningItem, "learning"),
            recommendations=pick(Recommendation, "recommendation"),
            actions=pick(Action, "action"),
            other=(data.get("other") or "").splitlines(),
        )
        return self.meeting


class AttendanceView(OneMeetingMixin, FormPageView):
    permission = "meeting.manage"
    meeting_permission = "meeting.manage"
    form_class = AttendanceForm
    page_title = "Record attendance"
    success_message = "The attendance has been recorded."

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["seat_holders"] = services.seat_holders(self.meeting.group)[0]
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        rows = list(self.meeting.attendances.all())
        return {
            "present": [a.person_id for a in rows if a.present],
            "apologies": [a.person_id for a in rows if not a.present],
        }

    def get_lead(self) -> str:
        group = self.meeting.group
        return (
            f"The {group.name}'s quorum: {group.quorum_description.lower()}. Members are those "
            "named for a seat on the group, or deputising for their agency's seat."
        )

    def save(self, form: AttendanceForm) -> Any:
        return services.attendance_record(
            actor=self.actor,
            meeting=self.meeting,
            present=form.cleaned_data["present"],
            apologies=form.cleaned_data["apologies"],
        )


class PaperAddView(OneMeetingMixin, FormPageView):
    permission = "meeting.manage"
    meeting_permission = "meeting.manage"
    form_class = PaperForm
    page_title = "Add a paper"
    submit_label = "Add the paper"
    lead = (
        "Papers are reports the platform produces from its records, so the meeting always "
        "reads the current version."
    )
    success_message = "The paper has been added."

    def save(self, form: PaperForm) -> Any:
        data = form.cleaned_data
        return services.paper_add(
            actor=self.actor,
            meeting=self.meeting,
            kind=data["kind"],
            audit=data.get("audit"),
            report_meeting=data.get("report_meeting"),
            indicator=data.get("indicator"),
        )


class DecisionCreateView(OneMeetingMixin, FormPageView):
    """Record a decision: the quorum is shown first, then the recommendation, the decision,
    the reasons and (if the group votes) each member's vote."""

    permission = "decision.record"
    template_name = "improvement/meetings/decision_form.html"
    form_class = DecisionForm
    page_title = "Record a decision"
    submit_label = "Record the decision"

    def voters(self) -> list[Any]:
        rule = self.meeting.group.voting_rule
        if rule == "consensus":
            return []
        return [
            a
            for a in self.meeting.attendances.all()
            if a.present
            and a.is_member
            and (rule != "one_per_statutory_partner" or a.agency.statutory_role)
        ]

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["voters"] = self.voters()
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        rec = self.request.GET.get("recommendation")
        return {"recommendation": rec} if rec and rec.isdigit() else {}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        group = self.meeting.group
        context.update(
            meeting=self.meeting,
            quorum=selectors.quorum_view(self.meeting),
            decides=group.is_decision_making,
            voting_rule=group.get_voting_rule_display(),
            shared_vote=group.voting_rule in {"one_per_statutory_partner", "one_per_member_agency"},
        )
        return context

    def save(self, form: DecisionForm) -> Decision:
        data = form.cleaned_data
        return services.decision_record(
            actor=self.actor,
            meeting=self.meeting,
            recommendation=data["recommendation"],
            outcome=data["outcome"],
            reasons=data["reasons"],
            votes=form.votes(),
        )

    def get_success_message(self, record: Decision) -> str:
        note = "" if record.quorate else " It is marked as taken while the meeting was inquorate."
        if record.carried is False:
            note += " The motion was not carried, so the recommendation stays as it was."
        return "The decision has been recorded." + note


class MeetingHistoryView(OneMeetingMixin, HistoryView):
    permission = "meeting.view"

    def get_object(self) -> Any:
        return self.meeting

    def back_url(self, record: Any) -> str:
        return self.meeting_url()


# --- the decision log ---------------------------------------------------------------------------


class DecisionLogView(PartnershipViewMixin, TemplateView):
    permission = "decision.view"
    template_name = "improvement/meetings/decision_log.html"
    section = "meetings"
    page_title = "Decision log"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        outcome = self.request.GET.get("outcome") or ""
        outcome = outcome if outcome in DecisionOutcome.values else ""
        context.update(
            decisions=selectors.decision_log(actor=self.actor, outcome=outcome or None),
            outcomes=DecisionOutcome.choices,
            outcome=outcome,
        )
        return context


class DecisionDetailView(PartnershipViewMixin, TemplateView):
    permission = "decision.view"
    template_name = "improvement/meetings/decision_detail.html"
    section = "meetings"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        decision = selectors.get_decision(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            decision=decision,
            page_title=str(decision),
            breadcrumbs=[
                {"text": "Decision log", "href": self.partnership_url("improvement:decision_log")}
            ],
        )
        return context


class DecisionHistoryView(HistoryView):
    permission = "decision.view"
    section = "meetings"

    def get_object(self) -> Any:
        return selectors.get_decision(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("improvement:decision_detail", record.pk)


# --- the highlight report -----------------------------------------------------------------------
