"""Pages of the training offer's courses: the list, and adding or changing a course. A course's
own page, with its sessions' places, is in ``bookings/views.py``."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin
from assurance.training.courses import selectors, services
from assurance.training.courses.forms import CourseForm
from assurance.training.courses.models import Course


class TrainingMixin(PartnershipViewMixin):
    section = "training"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Training", "href": self.partnership_url("training:course_list")}]


class CourseListView(TrainingMixin, TemplateView):
    permission = "training.view"
    template_name = "training/course_list.html"
    page_title = "Training"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            courses=list(selectors.course_list(actor=self.actor)),
            can_manage=self.actor.can("training.manage"),
            can_see_evaluation=self.actor.can("evaluation.view"),
        )
        return context


class CourseCreateView(TrainingMixin, FormPageView):
    permission = "training.manage"
    form_class = CourseForm
    page_title = "Add a course"
    success_message = "“{record.title}” has been added to the training offer."

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:course_list")

    def save(self, form: CourseForm) -> Course:
        return services.course_save(actor=self.actor, **form.cleaned_data)

    def success_url_for(self, record: Course) -> str:
        return self.partnership_url("training:course_detail", record.pk)


class OneCourseMixin(TrainingMixin):
    @property
    def course(self) -> Course:
        if not hasattr(self, "_course"):
            self._course = selectors.get_course(actor=self.actor, pk=self.kwargs["pk"])
        return self._course

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:course_detail", self.course.pk)

    def get_caption(self) -> str:
        return self.course.title


class CourseEditView(OneCourseMixin, FormPageView):
    permission = "training.manage"
    form_class = CourseForm
    page_title = "Change the course"
    success_message = "The course has been saved."

    def get_object(self) -> Course:
        return self.course

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        course = self.course
        return {
            "title": course.title,
            "summary": course.summary,
            "audience": course.audience,
            "level": course.level,
            "outcomes": "\n".join(o.text for o in course.outcomes.all()),
            "priorities": list(course.priorities.all()),
            "learning_items": list(course.learning_items.all()),
            "actions": list(course.actions.all()),
            "is_active": course.is_active,
        }

    def get_history_url(self) -> str:
        return self.partnership_url("training:course_history", self.course.pk)

    def save(self, form: CourseForm) -> Course:
        return services.course_save(actor=self.actor, course=self.course, **form.cleaned_data)


class CourseHistoryView(OneCourseMixin, HistoryView):
    permission = "training.view"

    def get_object(self) -> Any:
        return self.course

    def back_url(self, record: Any) -> str:
        return self.get_cancel_url()
