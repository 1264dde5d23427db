"""The business unit's page of a course's evaluation: response rates per stage, the paired
change in the same practitioners per learning outcome, the managers' agreement and what
practitioners said changed in their practice. No names: answers are pseudonymous."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assurance.core.business_year import business_year_from, business_year_label
from assurance.core.charts import Share, proportion_chart
from assurance.core.documents import Report
from assurance.partnerships.viewmixins import DocumentView, FormPageView
from assurance.training.bookings.models import Booking
from assurance.training.bookings.selectors import get_booking
from assurance.training.bookings.views import TrainingMixin
from assurance.training.evaluation import analysis, figures, selectors, services
from assurance.training.evaluation.forms import ManagerForm
from assurance.training.evaluation.report import annual_report


class EvaluationView(TrainingMixin, TemplateView):
    permission = "evaluation.view"
    template_name = "training/evaluation.html"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        course = self.course
        return [
            *super().get_breadcrumbs(),
            {
                "text": course.title,
                "href": self.partnership_url("training:course_detail", course.pk),
            },
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        now = timezone.now()
        self.course = selectors.evaluated_course(actor=self.actor, pk=self.kwargs["pk"])
        context = super().get_context_data(**kwargs)
        evaluation = selectors.course_evaluation(course=self.course, now=now)
        chart = proportion_chart(
            [
                Share(rate.stage.label, rate.rate.value, rate.rate.low, rate.rate.high)
                for rate in evaluation.rates
            ],
            description="Response rate at each stage, with its 95% interval",
        )
        numbers = figures.outcome_numbers([row.outcome for row in evaluation.rows])
        context.update(
            course=self.course,
            page_title=f"Evaluation: {self.course.title}",
            evaluation=evaluation,
            rates_chart=chart,
            change_chart=figures.three_month_chart(
                [
                    (
                        row.outcome,
                        row.measure,
                        row.evaluation.changes[analysis.Comparison.BEFORE_THREE_MONTHS],
                    )
                    for row in evaluation.rows
                ],
                course_title=self.course.title,
            ),
            rates=[
                {
                    "stage": rate.stage,
                    "invited": rate.invited,
                    "responded": rate.responded,
                    "text": figures.rate_text(rate.rate),
                }
                for rate in evaluation.rates
            ],
            outcomes=[
                {
                    "row": row,
                    "number": numbers[row.outcome],
                    "changes": [
                        figures.change_row(c, row.evaluation.changes[c])
                        for c in analysis.Comparison
                    ],
                    "agreement": row.evaluation.agreement,
                    "within_one": figures.share_text(row.evaluation.agreement.within_one),
                    "agreement_difference": figures.signed(
                        row.evaluation.agreement.mean_difference
                    ),
                }
                for row in evaluation.rows
            ],
            caution_below=analysis.CAUTION_BELOW,
            can_see_responses=self.actor.can("evaluation.responses"),
        )
        return context


class AnnualReportView(TrainingMixin, DocumentView):
    """The year's training evaluation report (``?year=2025`` for 2025/26) as a page, a PDF and
    a Word document."""

    permission = "evaluation.view"
    page_title = "Training evaluation: annual report"

    @cached_property
    def year(self) -> int:
        return business_year_from(self.request.GET.get("year"))

    def get_report(self) -> Report:
        return annual_report(actor=self.actor, year=self.year)

    def get_filename(self) -> str:
        return f"training-evaluation-{business_year_label(self.year).replace('/', '-')}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = f"?year={self.year}"
        context.update(
            pdf_url=self.partnership_url("training:annual_report_pdf") + query,
            docx_url=self.partnership_url("training:annual_report_docx") + query,
        )
        return context


class ManagerChangeView(TrainingMixin, FormPageView):
    """Add or correct a practitioner's line manager, from the session's register."""

    permission = "attendance.record"
    form_class = ManagerForm
    page_title = "Line manager"
    submit_label = "Save the line manager"
    success_message = "The line manager has been saved."

    @cached_property
    def booking(self) -> Booking:
        return get_booking(actor=self.actor, pk=self.kwargs["pk"], permission="attendance.record")

    def get_object(self) -> Booking:
        return self.booking

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def get_caption(self) -> str:
        return f"{self.booking.name}, {self.booking.session}"

    def get_lead(self) -> str:
        return (
            "The manager is asked for their view of the practitioner's practice three months "
            "after the course. A corrected address gets a new link; one sent to the old "
            "address stops working."
        )

    def get_initial(self) -> dict[str, Any]:
        return {
            "manager_name": self.booking.manager_name,
            "manager_email": self.booking.manager_email,
        }

    def get_cancel_url(self) -> str:
        return self.partnership_url("training:session_detail", self.booking.session_id)

    def save(self, form: ManagerForm) -> Booking:
        return services.booking_manager_change(
            actor=self.actor,
            booking=self.booking,
            manager_name=form.cleaned_data["manager_name"],
            manager_email=form.cleaned_data["manager_email"],
        )
