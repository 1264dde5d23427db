"""Pages to add a session to a course, and the trainer pool. A session's own page (places,
bookings, the register) is in ``bookings/views.py``."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.partnerships.viewmixins import FormPageView, PartnershipViewMixin
from assurance.training.courses.selectors import get_course
from assurance.training.sessions import selectors, services
from assurance.training.sessions.forms import SessionForm, TrainerForm
from assurance.training.sessions.models import Trainer, TrainingSession


class TrainingMixin(PartnershipViewMixin):
    section = "training"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Training", "href": self.partnership_url("training:course_list")}]


class SessionCreateView(TrainingMixin, FormPageView):
    permission = "training.manage"
    form_class = SessionForm
    page_title = "Add a session"
    success_message = "The session has been added. Share its booking page with practitioners."

    def get_caption(self) -> str:
        return get_course(actor=self.actor, pk=self.kwargs["pk"]).title

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:course_detail", self.kwargs["pk"])

    def save(self, form: SessionForm) -> TrainingSession:
        course = get_course(actor=self.actor, pk=self.kwargs["pk"])
        return services.session_save(actor=self.actor, course=course, **form.session_fields())

    def success_url_for(self, record: TrainingSession) -> str:
        return self.partnership_url("training:session_detail", record.pk)


class TrainerListView(TrainingMixin, TemplateView):
    permission = "training.view"
    template_name = "training/trainer_list.html"
    page_title = "Trainer pool"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            trainers=list(selectors.trainer_list(actor=self.actor)),
            can_manage=self.actor.can("training.manage"),
        )
        return context


class TrainerCreateView(TrainingMixin, FormPageView):
    permission = "training.manage"
    form_class = TrainerForm
    page_title = "Add a trainer"
    success_message = "{record.name} has been added to the trainer pool."

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:trainer_list")

    def save(self, form: TrainerForm) -> Trainer:
        return services.trainer_save(actor=self.actor, **form.cleaned_data)


class TrainerEditView(TrainingMixin, FormPageView):
    permission = "training.manage"
    form_class = TrainerForm
    page_title = "Change the trainer"
    success_message = "{record.name} has been saved."

    @property
    def trainer(self) -> Trainer:
        if not hasattr(self, "_trainer"):
            self._trainer = selectors.get_trainer(actor=self.actor, pk=self.kwargs["pk"])
        return self._trainer

    def get_object(self) -> Trainer:
        return self.trainer

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        t = self.trainer
        return {
            "name": t.name,
            "agency": t.agency,
            "email": t.email,
            "specialisms": t.specialisms,
            "is_active": t.is_active,
        }

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:trainer_list")

    def save(self, form: TrainerForm) -> Trainer:
        return services.trainer_save(actor=self.actor, trainer=self.trainer, **form.cleaned_data)
