"""The business unit's pages to tag feedback with the learning cycle's themes and choose
quotes, and the pages of feedback that show them (the list and a piece of feedback)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.functional import cached_property

from assurance.core.pagination import paginate
from assurance.partnerships.viewmixins import FormPageView
from assurance.voice.feedback import views as feedback_views
from assurance.voice.feedback.models import Feedback
from assurance.voice.feedback.views import VoiceMixin
from assurance.voice.themes import selectors, services
from assurance.voice.themes.forms import NOT_QUOTED, FeedbackThemesForm, TagManyForm


class FeedbackListView(feedback_views.FeedbackListView):
    """What children and families told us, each piece with its themes."""

    def get_feedback(self) -> QuerySet[Feedback]:
        return selectors.with_themes(super().get_feedback())


class FeedbackDetailView(feedback_views.FeedbackDetailView):
    """A piece of feedback, with its themes and whether it is quoted."""

    @cached_property
    def feedback(self) -> Feedback:
        return selectors.get_feedback(actor=self.actor, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["themes"] = selectors.themes_of(self.feedback)
        context["quote"] = getattr(self.feedback, "chosen_quote", None)
        return context


class FeedbackThemesView(VoiceMixin, FormPageView):
    """One piece of feedback: its themes, and whether its words are quoted."""

    permission = "voice.manage"
    form_class = FeedbackThemesForm
    page_title = "Themes and quote"
    submit_label = "Save the themes and quote"
    success_message = "The themes and quote of {record} are saved."

    @cached_property
    def feedback(self) -> Feedback:
        return selectors.get_feedback(actor=self.actor, pk=self.kwargs["pk"])

    def get_caption(self) -> str:
        return f"Feedback {self.feedback.reference}"

    def get_lead(self) -> str:
        words = " / ".join(w for w in (self.feedback.good, self.feedback.better) if w)
        return f"“{words}”" if words else "Nothing written."

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "themes": selectors.theme_choices(actor=self.actor)}

    def get_initial(self) -> dict[str, Any]:
        quote = getattr(self.feedback, "chosen_quote", None)
        return {
            "themes": [t.pk for t in selectors.themes_of(self.feedback)],
            "part": quote.part if quote else NOT_QUOTED,
        }

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:feedback_detail", self.feedback.pk)

    def save(self, form: Any) -> Feedback:
        data = form.cleaned_data
        services.feedback_themes_set(
            actor=self.actor, feedback=self.feedback, themes=data["themes"]
        )
        return services.quote_choose(actor=self.actor, feedback=self.feedback, part=data["part"])


class TagManyView(VoiceMixin, FormPageView):
    """Tag many pieces of feedback with one theme at once, from a page of the feedback."""

    permission = "voice.manage"
    template_name = "voice/themes/tag_many.html"
    form_class = TagManyForm
    page_title = "Tag feedback with a theme"
    lead = (
        "Choose a theme of the learning cycle, tick the feedback that speaks about it, and save. "
        "A piece of feedback can have several themes."
    )
    submit_label = "Tag the feedback"

    @cached_property
    def untagged(self) -> bool:
        return self.request.GET.get("show") != "all"

    @cached_property
    def page(self) -> dict[str, Any]:
        return paginate(self.request, selectors.to_tag(actor=self.actor, untagged=self.untagged))

    def get_form_kwargs(self) -> dict[str, Any]:
        shown = [row.pk for row in self.page["rows"]]
        return {
            **super().get_form_kwargs(),
            "themes": selectors.theme_choices(actor=self.actor),
            "feedback": selectors.to_tag(actor=self.actor).filter(pk__in=shown),
        }

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:feedback_list")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **self.page, "untagged": self.untagged}

    def save(self, form: Any) -> int:
        return services.feedback_tag_many(
            actor=self.actor,
            feedback=form.cleaned_data["feedback"],
            theme=form.cleaned_data["theme"],
        )

    def get_success_message(self, record: int) -> str:
        return f"{record} piece{'' if record == 1 else 's'} of feedback tagged."

    def success_url_for(self, record: int) -> str:
        return self.request.get_full_path()
