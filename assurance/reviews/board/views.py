"""The deadline board (every open review the actor may open, its next deadline in working days,
late ones marked; for everyone else in the partnership, anonymised counts) and a review's page:
the incident, its deadlines and its rapid review, for the people named on it, the business unit
and the scrutineer."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.utils import timezone
from django.views.generic import TemplateView

from assurance.core.business_year import business_year_from, business_year_label
from assurance.core.documents import Report
from assurance.partnerships.viewmixins import AccessLogged, DocumentView, PartnershipViewMixin
from assurance.reviews.board import display, selectors
from assurance.reviews.board.report import build_annual_report
from assurance.reviews.clock.rules import is_late
from assurance.reviews.clock.selectors import closure_days
from assurance.reviews.information_requests.selectors import requests_of
from assurance.reviews.notifications.models import SeriousIncident
from assurance.reviews.practice_reviews.selectors import (
    practice_review_learning,
    practice_review_of,
)
from assurance.reviews.rapid_reviews.models import Outcome
from assurance.reviews.rapid_reviews.selectors import partners_quorum, rapid_review_of


class BoardView(PartnershipViewMixin, TemplateView):
    permission = "review.summary"
    section = "reviews"
    template_name = "reviews/board.html"
    page_title = "Serious incidents and reviews"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        show = self.request.GET.get("show", "")
        board = selectors.board(actor=self.actor, show=show)
        rows, rows_key = display.board_cells(
            tuple(board.rows), slug=self.partnership.slug, partnership_id=self.partnership.pk
        )
        context.update(
            summary=board.summary,
            board=board,
            rows=rows,
            rows_key=rows_key,
            can_view=self.actor.can("review.view"),
            show=show,
            show_choices=show_choices(board.closed_years),
            show_label=dict(show_choices(board.closed_years)).get(show, ""),
            can_manage=self.actor.can("review.manage"),
        )
        return context


def show_choices(years: list[int]) -> list[tuple[str, str]]:
    """The board's views: the open reviews and those closed in the last twelve months (the
    default), the open ones only, those closed in each year, every review."""
    return [
        (selectors.SHOW_RECENT, "Open reviews and those closed in the last 12 months"),
        (selectors.SHOW_OPEN, "Open reviews only"),
        *((str(year), f"Reviews closed in {year}") for year in years),
        (selectors.SHOW_ALL, "Every review"),
    ]


class IncidentDetailView(AccessLogged, PartnershipViewMixin, TemplateView):
    permission = "review.view"
    section = "reviews"
    template_name = "reviews/incident_detail.html"
    access_logged = "incident"

    @cached_property
    def incident(self) -> SeriousIncident:
        return selectors.incident_for_page(actor=self.actor, pk=self.kwargs["pk"])

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Reviews", "href": self.partnership_url("reviews:board")}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        incident = self.incident
        review = rapid_review_of(incident=incident)
        practice = practice_review_of(incident=incident)
        undertaken = review.decision == Outcome.CSPR and review.decided_on is not None
        today = timezone.localdate()
        timeline = selectors.timeline_of(
            incident, today, closure_days(partnership=self.partnership)
        )
        context.update(
            incident=incident,
            review=review,
            timeline=timeline,
            page_title=f"Serious incident {incident.reference}",
            agencies=list(incident.agencies.order_by("name")),
            panel=list(incident.panel.select_related("agency").order_by("full_name")),
            can_manage=self.actor.can("review.manage"),
            can_scrutinise=self.actor.can("review.scrutinise") and bool(review.decision),
            practice=practice if undertaken else None,
            learning=practice_review_learning(review=practice),
            meeting_quorum=partners_quorum(review.meeting) if review.meeting else None,
            information=[
                (r, is_late(due=r.due_on, done_on=r.submitted_on, today=today))
                for r in requests_of(incident=incident)
            ],
        )
        return context


class AnnualSummaryView(DocumentView):
    """The year's summary (counts and themes only) as a page, a PDF and a Word document."""

    permission = "review.summary"
    section = "reviews"
    page_title = "Serious incidents and reviews: annual summary"

    @cached_property
    def year(self) -> int:
        return business_year_from(self.request.GET.get("year"))

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Reviews", "href": self.partnership_url("reviews:board")}]

    def get_report(self) -> Report:
        return build_annual_report(actor=self.actor, year=self.year)

    def get_filename(self) -> str:
        return f"reviews-annual-summary-{business_year_label(self.year).replace('/', '-')}"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = f"?year={self.year}"
        context.update(
            pdf_url=self.partnership_url("reviews:annual_summary_pdf") + query,
            docx_url=self.partnership_url("reviews:annual_summary_docx") + query,
        )
        return context
