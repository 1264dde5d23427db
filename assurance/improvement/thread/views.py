"""Pages of the golden thread: from an action back to the evidence that caused it and forward to
its impact, and from a learning item forward to what it led to."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from assurance.improvement.learning.selectors import get_learning_item
from assurance.improvement.thread import selectors as thread
from assurance.partnerships.viewmixins import PartnershipViewMixin


class ActionThreadView(PartnershipViewMixin, TemplateView):
    permission = "action.view"
    template_name = "improvement/actions/thread.html"
    section = "actions"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        golden = thread.action_thread(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            thread=golden,
            action=golden.action,
            page_title=f"Golden thread: {golden.action.title}",
            can_update=self.actor.can("action.update"),
            can_judge=self.actor.can("impact.record"),
            breadcrumbs=[
                {"text": "Action log", "href": self.partnership_url("improvement:action_list")},
                {
                    "text": golden.action.title[:60],
                    "href": self.partnership_url("improvement:action_detail", golden.action.pk),
                },
            ],
        )
        return context


class LearningThreadView(PartnershipViewMixin, TemplateView):
    """From a learning item: the recommendations made because of it, the decisions on them, and
    their actions with what each achieved."""

    permission = "action.view"
    template_name = "improvement/actions/learning_thread.html"
    section = "actions"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = get_learning_item(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            item=item,
            consequences=thread.learning_consequences(actor=self.actor, item=item),
            page_title=f"What happened because of: {item.title}",
            breadcrumbs=[
                {
                    "text": item.title[:60],
                    "href": self.partnership_url("improvement:learning_detail", item.pk),
                }
            ],
        )
        return context
