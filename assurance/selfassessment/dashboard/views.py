"""The round's completion dashboard: how many have not started, are in progress, have submitted
and are overdue; the participants filtered (a GET form: works without JavaScript) and sorted,
50 a page; a chase by e-mail of those ticked or of all that match; the table as Excel."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView, View

from assurance.core import compiled
from assurance.core.kept import kept
from assurance.core.links import QueryLinks
from assurance.core.pagination import PER_PAGE, asked_page, paginate
from assurance.core.spreadsheets import XLSX
from assurance.partnerships.access import storable_id
from assurance.partnerships.viewmixins import FormPageView, PartnershipViewMixin
from assurance.selfassessment.dashboard import display, rules, selectors, services
from assurance.selfassessment.dashboard.forms import (
    FILTER_FIELDS,
    ChaseForm,
    CompletionFilterForm,
    asked_filters,
)
from assurance.selfassessment.dashboard.models import Chase
from assurance.selfassessment.dashboard.workbook import completion_workbook
from assurance.selfassessment.rounds.models import ParticipantStatus, Round
from assurance.selfassessment.rounds.selectors import get_round
from assurance.selfassessment.surveys.selectors import round_staff_survey

SECTION = "self-assessment-rounds"
COLUMNS = (("name", "Name"), ("status", "Status"), ("activity", "Last activity"))


class _RoundMixin(PartnershipViewMixin):
    def get_round(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = get_round(actor=self.actor, pk=self.kwargs["pk"])
        return self._round

    def asked_filters(self, state: selectors.Completion | None = None) -> selectors.Filters:
        """The filters asked for (a value not among the round's choices is ignored). The filter
        form of what was asked for is ``self.filter_form``, built only when drawn (the page's
        drawing of it is kept: ``display.filters_key``); ``self.filters_refused`` says whether
        a value asked for was not one it takes (the page is then drawn with its error). Given
        the round's ``completion``, its choices are kept (``selectors.filter_choices``)."""
        choices = selectors.filter_choices(actor=self.actor, round=self.get_round(), state=state)
        self.filter_choices = choices
        data = self.request.GET if any(f in self.request.GET for f in FILTER_FIELDS) else None
        filters, self.filters_refused = asked_filters(data, choices)
        self.filter_form: CompletionFilterForm = SimpleLazyObject(  # type: ignore[assignment]
            lambda: CompletionFilterForm(data, choices=choices)
        )
        return filters

    def filter_values(self) -> list[tuple[str, str]]:
        """The filters' values asked for (those given), in the form's order."""
        return [(f, self.request.GET[f]) for f in FILTER_FIELDS if self.request.GET.get(f)]

    def dashboard_url(self) -> str:
        return self.partnership_url("selfassessment:round_completion", self.get_round().pk)


class CompletionView(_RoundMixin, TemplateView):
    permission = "self_assessment.view"
    template_name = "selfassessment/round_completion.html"
    section = SECTION

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        sort, order = rules.sort_choice(
            self.request.GET.get("sort", ""), self.request.GET.get("order", "")
        )

        # the round, the counts and what the rows are drawn from read together: each read is
        # bound to the actor's partnership and the round's id (a round of another partnership
        # reads nothing, and is a 404)
        start = (asked_page(self.request) - 1) * PER_PAGE
        asked = Round(pk=storable_id(Round, self.kwargs["pk"]), partnership=self.partnership)
        with compiled.ahead(selectors.dashboard_reads(actor=self.actor, round=asked)):
            round = self.get_round()
            state = selectors.completion(actor=self.actor, round=round, today=today)
        filters = self.asked_filters(state)
        counts = state.counts
        total = sum(counts[s] for s in ParticipantStatus.values)
        can_chase = self.actor.can("self_assessment.manage")
        setting_url = self.partnership_url("selfassessment:setting_list")

        def draw() -> display.DrawnRows:
            # unfiltered, the rows are every participant, already counted by status; a page
            # past the last is the last
            window = selectors.completion_window(
                actor=self.actor,
                round=round,
                filters=filters,
                sort=sort,
                order=order,
                today=today,
                count=None if filters.active else total,
                start=start,
            )
            page = paginate(self.request, window)
            cells = display.row_cells(
                page["rows"], setting_url=setting_url, past_deadline=round.is_past_deadline
            )
            return display.DrawnRows(page["total"], display.rows_html(cells, can_chase=can_chase))

        # the page's rows drawn are kept under everything they show (ADR 032, 056): read and drawn
        # again only when one of the round's participants, their settings, the round or the
        # day has changed since, or the cache lost them
        drawn_from = selectors.rows_state(actor=self.actor, round=round, state=state)
        drawn = (
            draw()
            if drawn_from is None
            else kept(
                "sa-completion-rows",
                (drawn_from, today, filters, sort, order, start, can_chase, setting_url),
                draw,
            )
        )
        sorting = QueryLinks(self.request.GET, "sort", "order", "page")
        filter_values = self.filter_values()
        shown_counts = [
            *((s.value, display.LABELS[s.value], counts[s.value]) for s in ParticipantStatus),
            (selectors.OVERDUE, "Overdue", counts[selectors.OVERDUE]),
        ]
        round_url = self.partnership_url("selfassessment:round_detail", round.pk)
        context.update(
            # the pagination, from how many match (the rows themselves are drawn)
            paginate(self.request, range(drawn.total), count=drawn.total),
            rows_html=drawn.html,
            round=round,
            # built when drawn; asked for its errors (the page's title) only when it has one
            filter_form=self.filter_form,
            form=self.filter_form if self.filters_refused else None,
            # the filter form is drawn once per choices and values asked for (ADR 032)
            form_key=display.filters_key(
                choices=self.filter_choices,
                data={f: self.request.GET[f] for f in FILTER_FIELDS if f in self.request.GET},
            ),
            filters=filters,
            filter_values=filter_values,
            filter_query=urlencode(filter_values),
            counts=shown_counts,
            count_links=display.count_links(shown_counts, current=filters.status),
            total_participants=total,
            columns=[
                {
                    "key": key,
                    "label": label,
                    "aria_sort": ("ascending" if order == "asc" else "descending")
                    if key == sort
                    else "none",
                    "href": sorting.to(
                        sort=key, order="desc" if key == sort and order == "asc" else "asc"
                    ),
                }
                for key, label in COLUMNS
            ],
            can_chase=can_chase,
            page_title=f"Who has submitted: {round}",
            export_url=self.partnership_url("selfassessment:round_completion_export", round.pk),
            chase_url=self.partnership_url("selfassessment:round_chase", round.pk),
            round_url=round_url,
            breadcrumbs=[
                {"text": "Rounds", "href": self.partnership_url("selfassessment:round_list")},
                {"text": str(round), "href": round_url},
            ],
        )
        return context


class ChaseView(_RoundMixin, FormPageView):
    """Chase by e-mail: the page says how many e-mails go to how many organisations, names
    those with nobody to send to, and sends once confirmed."""

    permission = "self_assessment.manage"
    form_class = ChaseForm
    section = SECTION
    page_title = "Chase by e-mail"
    template_name = "selfassessment/round_chase.html"

    def chosen_ids(self) -> list[int]:
        """On the way in (GET): the ticked participants, or every one matching the filters."""
        if not hasattr(self, "_chosen"):
            self._chosen = self._chosen_ids()
        return self._chosen

    def _chosen_ids(self) -> list[int]:
        if self.request.GET.get("scope") == "all":
            filters = self.asked_filters()
            return selectors.filtered_ids(
                actor=self.actor,
                round=self.get_round(),
                filters=filters,
                today=timezone.localdate(),
            )
        ids = []
        for value in self.request.GET.getlist("participant"):
            if value.isdigit():
                ids.append(int(value))
        return ids

    def get_initial(self) -> dict[str, Any]:
        return {"participants": ",".join(str(i) for i in self.chosen_ids())}

    def get_caption(self) -> str:
        return str(self.get_round())

    def get_cancel_url(self) -> str:
        query = urlencode(self.filter_values())
        return self.dashboard_url() + (f"?{query}" if query else "")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.is_bound:
            ids = form.cleaned_data.get("participants", []) if form.is_valid() else []
        else:
            ids = self.chosen_ids()
        candidates, submitted = selectors.chase_candidates(
            actor=self.actor, round=self.get_round(), ids=ids
        )
        plan = rules.chase_plan([(p.name, to) for p, to in candidates])
        context.update(plan=plan, submitted=submitted, chosen=len(ids), nothing_chosen=not ids)
        return context

    def save(self, form: ChaseForm) -> list[Chase]:
        return services.chase_send(
            actor=self.actor,
            round=self.get_round(),
            ids=form.cleaned_data["participants"],
            base_url=self.request.build_absolute_uri("/")[:-1],
        )

    def get_success_message(self, record: list[Chase]) -> str:
        emails = sum(len(c.recipients.split(", ")) for c in record)
        n = len(record)
        return (
            f"{emails} chase {'e-mail is' if emails == 1 else 'e-mails are'} being sent to "
            f"{n} {'organisation' if n == 1 else 'organisations'}."
        )

    def success_url_for(self, record: list[Chase]) -> str:
        return self.get_cancel_url()

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Who has submitted", "href": self.dashboard_url()}]


class CompletionExportView(_RoundMixin, View):
    """Every participant matching the filters (not only the page shown), as Excel."""

    permission = "self_assessment.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        round, today = self.get_round(), timezone.localdate()
        filters = self.asked_filters()
        sort, order = rules.sort_choice(request.GET.get("sort", ""), request.GET.get("order", ""))
        rows = selectors.completion_rows(
            actor=self.actor, round=round, filters=filters, sort=sort, order=order, today=today
        )
        described = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in vars(filters).items() if v)
        content = completion_workbook(
            round=round,
            participants=rows,
            filters=described,
            today=today,
            staff=round_staff_survey(actor=self.actor, round=round),
        )
        response = HttpResponse(content, content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="round-{round.pk}-completion-{today:%Y-%m-%d}.xlsx"'
        )
        return response
