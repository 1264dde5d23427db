"""Pages of participation events: the list, an event with what was heard, and the forms."""

from __future__ import annotations

from typing import Any

from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.voice.events import selectors, services
from assurance.voice.events.forms import EventForm, HeardForm
from assurance.voice.events.models import ParticipationEvent


class EventMixin(PartnershipViewMixin):
    section = "voice"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Voice", "href": self.partnership_url("voice:feedback_list")},
            {"text": "Events", "href": self.partnership_url("voice:event_list")},
        ]

    @cached_property
    def event(self) -> ParticipationEvent:
        return selectors.get_event(actor=self.actor, pk=self.kwargs["pk"])


class EventListView(EventMixin, TemplateView):
    permission = "voice.view"
    template_name = "voice/events/event_list.html"
    page_title = "Participation events"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Voice", "href": self.partnership_url("voice:feedback_list")}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            events=selectors.event_list(actor=self.actor),
            can_manage=self.actor.can("voice.manage"),
            can_duty=self.actor.can("voice.duty"),
        )
        return context


class EventDetailView(EventMixin, TemplateView):
    permission = "voice.view"
    template_name = "voice/events/event_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            page_title=self.event.title,
            heard=selectors.event_heard(actor=self.actor, event=self.event),
            can_manage=self.actor.can("voice.manage"),
        )
        return context


class EventCreateView(EventMixin, FormPageView):
    permission = "voice.manage"
    form_class = EventForm
    page_title = "Record a participation event"
    lead = "A youth forum, the children in care council, a school council or another event."
    submit_label = "Save and add what was heard"
    success_message = "“{record}” is recorded."

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:event_list")

    def save(self, form: Any) -> ParticipationEvent:
        return services.event_save(
            actor=self.actor, event=ParticipationEvent(), **form.cleaned_data
        )

    def success_url_for(self, record: ParticipationEvent) -> str:
        return self.partnership_url("voice:event_heard_add", record.pk)


class EventUpdateView(EventMixin, FormPageView):
    permission = "voice.manage"
    form_class = EventForm
    page_title = "Change the event"
    success_message = "“{record}” is saved."

    def get_object(self) -> ParticipationEvent:
        return self.event

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:event_detail", self.event.pk)

    def get_history_url(self) -> str:
        return self.partnership_url("voice:event_history", self.event.pk)

    def save(self, form: Any) -> ParticipationEvent:
        return services.event_save(actor=self.actor, event=self.event, **form.cleaned_data)


class EventHistoryView(EventMixin, HistoryView):
    permission = "voice.view"

    def get_object(self) -> ParticipationEvent:
        return self.event

    def back_url(self, record: ParticipationEvent) -> str:
        return self.partnership_url("voice:event_detail", record.pk)


class EventHeardAddView(EventMixin, FormPageView):
    permission = "voice.manage"
    form_class = HeardForm
    page_title = "Add what was heard"
    submit_label = "Add it"
    success_message = "Added to what was heard."

    def get_caption(self) -> str:
        return self.event.title

    def get_lead(self) -> str:
        return (
            "One point a time. Something that reads like a disclosure goes to the business "
            "unit's duty inbox and is not shown on the event."
        )

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:event_detail", self.event.pk)

    def save(self, form: Any) -> Any:
        data = form.cleaned_data
        return services.event_heard_add(
            actor=self.actor,
            event=self.event,
            heard=data["heard"],
            kind=data["kind"],
            age_band=data["age_band"],
            base_url=self.request.build_absolute_uri("/")[:-1],
        )
