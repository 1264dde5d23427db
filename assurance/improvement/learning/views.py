"""Pages for what the partnership learns: learning items (with documents), themes across
sources, and the recommendations the Assurance and Review Group makes from them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, HttpRequest
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from assurance.core.business_year import business_year_label
from assurance.core.pagination import paginate
from assurance.improvement.learning import selectors, services
from assurance.improvement.learning.forms import (
    LearningDocumentForm,
    LearningItemForm,
    RecommendationForm,
    ThemeForm,
)
from assurance.improvement.learning.models import (
    LearningItem,
    LearningSource,
    LearningTheme,
    Recommendation,
)
from assurance.improvement.learning.rules import document_problem
from assurance.partnerships import services as partnership_services
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin

# --- learning items -----------------------------------------------------------------------------


class LearningMixin(PartnershipViewMixin):
    section = "learning"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Learning", "href": self.partnership_url("improvement:learning_list")}]


class LearningListView(LearningMixin, TemplateView):
    permission = "learning.view"
    template_name = "improvement/learning/learning_list.html"
    page_title = "Learning"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        source = self.request.GET.get("source") or ""
        if source not in LearningSource.values:
            source = ""
        years = selectors.learning_years(actor=self.actor)
        year_text = self.request.GET.get("year") or ""
        year = int(year_text) if year_text.isdigit() and int(year_text) in years else None
        context.update(
            paginate(
                self.request,
                selectors.learning_item_list(actor=self.actor, source=source or None, year=year),
            ),
            sources=LearningSource.choices,
            source=source,
            years=[(y, business_year_label(y)) for y in years],
            year=year,
            can_manage=self.actor.can("learning.manage"),
        )
        return context


class LearningDetailView(LearningMixin, TemplateView):
    permission = "learning.view"
    template_name = "improvement/learning/learning_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = selectors.get_learning_item(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            item=item,
            page_title=item.title,
            can_manage=self.actor.can("learning.manage"),
        )
        return context


class LearningCreateView(LearningMixin, FormPageView):
    permission = "learning.manage"
    form_class = LearningItemForm
    page_title = "Record learning"
    success_message = "The learning has been recorded."

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:learning_list")

    def get_initial(self) -> dict[str, Any]:
        """Pre-filled from the page the user came from (an audit's findings, an indicator)."""
        initial: dict[str, Any] = {}
        get = self.request.GET
        form = LearningItemForm(partnership=self.partnership)
        for name in ("audit", "standard", "indicator"):
            value = get.get(name)
            if not value:
                continue
            field = form.fields[name]
            lookup = {"code": value} if name == "indicator" else {"pk": value}
            try:
                record = field.queryset.filter(**lookup).first()  # type: ignore[attr-defined]
            except (ValueError, TypeError):
                record = None
            if record is not None:
                initial[name] = record.pk
        if "audit" in initial:
            initial["source"] = LearningSource.AUDIT
        elif "indicator" in initial:
            initial["source"] = LearningSource.DATASET
        return initial

    def save(self, form: LearningItemForm) -> LearningItem:
        data = form.cleaned_data
        upload = data.get("document")
        if upload is not None:
            problem = document_problem(upload.name or "", upload.size or 0, upload.read(64))
            upload.seek(0)
            if problem:
                raise ValidationError({"document": problem})
        with transaction.atomic():
            item = services.learning_item_create(
                actor=self.actor,
                title=data["title"],
                what_was_learned=data["what_was_learned"],
                source=data["source"],
                source_reference=data["source_reference"],
                learned_on=data["learned_on"],
                audit=data.get("audit"),
                standard=data.get("standard"),
                indicator=data.get("indicator"),
                themes=data.get("themes") or [],
            )
            if upload is not None:
                services.learning_document_attach(
                    actor=self.actor, item=item, title=data["document_title"], upload=upload
                )
        return item

    def success_url_for(self, record: LearningItem) -> str:
        return self.partnership_url("improvement:learning_detail", record.pk)


class LearningUpdateView(LearningMixin, FormPageView):
    permission = "learning.manage"
    form_class = LearningItemForm
    page_title = "Change the learning"
    success_message = "The learning has been changed."

    def get_object(self) -> LearningItem:
        return selectors.get_learning_item(actor=self.actor, pk=self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:learning_detail", self.kwargs["pk"])

    def save(self, form: LearningItemForm) -> LearningItem:
        return partnership_services.record_save(
            actor=self.actor, form=form, permission=self.permission
        )


class LearningDocumentAddView(LearningMixin, FormPageView):
    permission = "learning.manage"
    form_class = LearningDocumentForm
    page_title = "Attach a document"
    submit_label = "Attach"
    success_message = "The document has been attached."

    @cached_property
    def item(self) -> Any:
        return selectors.get_learning_item(actor=self.actor, pk=self.kwargs["pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        self.item  # noqa: B018 - through the permission layer first: another partnership's is a 404
        return super().get_form_kwargs()

    def get_caption(self) -> str:
        return str(self.item.title)

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:learning_detail", self.kwargs["pk"])

    def save(self, form: LearningDocumentForm) -> Any:
        return services.learning_document_attach(
            actor=self.actor,
            item=self.item,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["upload"],
        )


class LearningDocumentDownloadView(PartnershipViewMixin, View):
    """A document, through the permission layer (never a public media URL)."""

    permission = "learning.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:
        document = selectors.get_learning_document(actor=self.actor, pk=kwargs["pk"])
        return FileResponse(
            document.file.open("rb"), as_attachment=True, filename=document.filename
        )


class LearningHistoryView(LearningMixin, HistoryView):
    permission = "learning.view"

    def get_object(self) -> Any:
        return selectors.get_learning_item(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("improvement:learning_detail", record.pk)


# --- themes ---------------------------------------------------------------------------------


class ThemeMixin(PartnershipViewMixin):
    section = "learning"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Learning", "href": self.partnership_url("improvement:learning_list")},
            {"text": "Themes", "href": self.partnership_url("improvement:theme_list")},
        ]


class ThemeListView(ThemeMixin, TemplateView):
    permission = "learning.view"
    template_name = "improvement/learning/theme_list.html"
    page_title = "Themes"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            themes=selectors.theme_list(actor=self.actor),
            can_manage=self.actor.can("learning.manage"),
        )
        return context


class ThemeDetailView(ThemeMixin, TemplateView):
    permission = "learning.view"
    template_name = "improvement/learning/theme_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        theme = selectors.get_theme(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            theme=theme,
            sources=selectors.theme_sources(theme),
            page_title=theme.title,
            can_manage=self.actor.can("learning.manage"),
        )
        return context


class ThemeCreateView(ThemeMixin, FormPageView):
    permission = "learning.manage"
    form_class = ThemeForm
    page_title = "Add a theme"
    success_message = "The theme has been added. Add learning to it from each learning item."

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:theme_list")

    def save(self, form: ThemeForm) -> LearningTheme:
        return partnership_services.record_save(
            actor=self.actor, form=form, permission=self.permission
        )

    def success_url_for(self, record: LearningTheme) -> str:
        return self.partnership_url("improvement:theme_detail", record.pk)


class ThemeUpdateView(ThemeCreateView):
    page_title = "Change the theme"

    def get_object(self) -> LearningTheme:
        return selectors.get_theme(actor=self.actor, pk=self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:theme_detail", self.kwargs["pk"])


class ThemeHistoryView(ThemeMixin, HistoryView):
    permission = "learning.view"

    def get_object(self) -> Any:
        return selectors.get_theme(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("improvement:theme_detail", record.pk)


# --- recommendations ------------------------------------------------------------------------


class RecommendationMixin(PartnershipViewMixin):
    section = "learning"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            {"text": "Learning", "href": self.partnership_url("improvement:learning_list")},
            {
                "text": "Recommendations",
                "href": self.partnership_url("improvement:recommendation_list"),
            },
        ]


class RecommendationListView(RecommendationMixin, TemplateView):
    permission = "learning.view"
    template_name = "improvement/learning/recommendation_list.html"
    page_title = "Recommendations"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or ""
        valid = {"awaiting", *Recommendation.Status.values}
        status = status if status in valid else ""
        context.update(
            recommendations=selectors.recommendation_list(actor=self.actor, status=status or None),
            statuses=[("awaiting", "Awaiting decision"), *Recommendation.Status.choices[1:]],
            status=status,
            can_manage=self.actor.can("learning.manage"),
        )
        return context


class RecommendationDetailView(RecommendationMixin, TemplateView):
    permission = "learning.view"
    template_name = "improvement/learning/recommendation_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rec = selectors.get_recommendation(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            recommendation=rec,
            page_title=rec.title,
            accepted=rec.status == Recommendation.Status.ACCEPTED,
            can_plan=self.actor.can("action.manage"),
        )
        return context


class RecommendationCreateView(RecommendationMixin, FormPageView):
    permission = "learning.manage"
    form_class = RecommendationForm
    page_title = "Make a recommendation to the executive"
    submit_label = "Make the recommendation"
    success_message = "The recommendation now awaits the executive's decision."

    def get_cancel_url(self) -> str:
        return self.partnership_url("improvement:recommendation_list")

    def get_initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for name in ("theme", "learning"):
            values = [v for v in self.request.GET.getlist(name) if v.isdigit()]
            if values:
                initial["themes" if name == "theme" else "learning_items"] = values
        return initial

    def save(self, form: RecommendationForm) -> Recommendation:
        data = form.cleaned_data
        return services.learning_recommendation_create(
            actor=self.actor,
            title=data["title"],
            text=data["text"],
            learning_items=data["learning_items"],
            themes=data["themes"],
            made_on=data.get("made_on"),
        )

    def success_url_for(self, record: Recommendation) -> str:
        return self.partnership_url("improvement:recommendation_detail", record.pk)


class RecommendationHistoryView(RecommendationMixin, HistoryView):
    permission = "learning.view"

    def get_object(self) -> Any:
        return selectors.get_recommendation(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("improvement:recommendation_detail", record.pk)
