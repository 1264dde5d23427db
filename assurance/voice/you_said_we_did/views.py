"""The themes children and families spoke about, each theme's page (what was said, what was
done, and the action's measured impact), and the business unit's “you said, we did” answers."""

from __future__ import annotations

from typing import Any

from django.utils.functional import cached_property
from django.views.generic import TemplateView

from assurance.core.pagination import paginate
from assurance.improvement.learning.models import LearningTheme
from assurance.partnerships.viewmixins import FormPageView, HistoryView
from assurance.voice.feedback.views import VoiceMixin
from assurance.voice.themes.selectors import tagged
from assurance.voice.you_said_we_did import selectors, services
from assurance.voice.you_said_we_did.forms import AnswerForm
from assurance.voice.you_said_we_did.models import YouSaidWeDid


class ThemesMixin(VoiceMixin):
    permission = "voice.view"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [
            *super().get_breadcrumbs(),
            {"text": "Themes", "href": self.partnership_url("voice:theme_list")},
        ]


class ThemeListView(ThemesMixin, TemplateView):
    template_name = "voice/you_said_we_did/theme_list.html"
    page_title = "Themes children and families spoke about"

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return VoiceMixin.get_breadcrumbs(self)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            themes=selectors.themes_heard(actor=self.actor),
            can_manage=self.actor.can("voice.manage"),
        )
        return context


class ThemeDetailView(ThemesMixin, TemplateView):
    """A theme: what was said about it, what was done (“you said, we did”), and the measured
    impact of each answer's action."""

    template_name = "voice/you_said_we_did/theme_detail.html"

    @cached_property
    def theme(self) -> LearningTheme:
        return selectors.get_theme(actor=self.actor, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        answers = selectors.answers(actor=self.actor).filter(theme=self.theme)
        context.update(
            paginate(self.request, tagged(actor=self.actor, theme=self.theme)),
            theme=self.theme,
            page_title=self.theme.title,
            answers=selectors.answer_rows(answers),
            can_manage=self.actor.can("voice.manage"),
        )
        return context


class AnswerCreateView(ThemesMixin, FormPageView):
    permission = "voice.manage"
    form_class = AnswerForm
    page_title = "Add a “you said, we did” answer"
    lead = (
        "Say what children and families told us, and what was done about it, in words a child "
        "would understand. Link the action of the action log that did it, so its measured "
        "impact is shown."
    )
    submit_label = "Save the answer"
    success_message = "The answer is saved."

    @cached_property
    def theme(self) -> LearningTheme:
        return selectors.get_theme(actor=self.actor, pk=self.kwargs["pk"])

    def get_caption(self) -> str:
        return self.theme.title

    def get_initial(self) -> dict[str, Any]:
        return {"theme": self.theme.pk}

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:theme_detail", self.theme.pk)

    def save(self, form: Any) -> YouSaidWeDid:
        return services.answer_save(actor=self.actor, answer=YouSaidWeDid(), **form.cleaned_data)

    def success_url_for(self, record: YouSaidWeDid) -> str:
        return self.partnership_url("voice:theme_detail", record.theme_id)


class AnswerMixin(ThemesMixin):
    @cached_property
    def answer(self) -> YouSaidWeDid:
        return selectors.get_answer(actor=self.actor, pk=self.kwargs["pk"])

    def get_object(self) -> YouSaidWeDid:
        return self.answer


class AnswerUpdateView(AnswerMixin, FormPageView):
    permission = "voice.manage"
    form_class = AnswerForm
    page_title = "Change the “you said, we did” answer"
    success_message = "The answer is saved."

    def get_caption(self) -> str:
        return self.answer.theme.title

    def get_cancel_url(self) -> str:
        return self.partnership_url("voice:theme_detail", self.answer.theme_id)

    def get_history_url(self) -> str:
        return self.partnership_url("voice:answer_history", self.answer.pk)

    def save(self, form: Any) -> YouSaidWeDid:
        return services.answer_save(actor=self.actor, answer=self.answer, **form.cleaned_data)

    def success_url_for(self, record: YouSaidWeDid) -> str:
        return self.partnership_url("voice:theme_detail", record.theme_id)


class AnswerHistoryView(AnswerMixin, HistoryView):
    def back_url(self, record: YouSaidWeDid) -> str:
        return self.partnership_url("voice:theme_detail", record.theme_id)
