"""The business unit's forms to tag feedback with the learning cycle's themes (one piece, or
many at once) and to choose a quote."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import Truncator

from assurance.core.forms import limit_choices
from assurance.improvement.learning.models import LearningTheme
from assurance.voice.feedback.models import Feedback
from assurance.voice.themes.models import QuotePart

NOT_QUOTED = ""


def feedback_label(feedback: Feedback) -> str:
    """A piece of feedback as a checkbox's label: its date, who, and the start of its words."""
    words = " / ".join(w for w in (feedback.good, feedback.better) if w) or "Nothing written"
    themes = ", ".join(tag.theme.title for tag in feedback.theme_tags.all())
    label = (
        f"{feedback.received_on:%-d %b %Y}, {feedback.get_age_band_display()}: "
        f"“{Truncator(words).words(20)}”"
    )
    return f"{label} (themes: {themes})" if themes else label


class FeedbackChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return feedback_label(obj)


class FeedbackThemesForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=LearningTheme.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The learning cycle's themes. Untick a theme to take it off.",
    )
    part = forms.ChoiceField(
        label="Quote in the quarter's summary",
        choices=[(NOT_QUOTED, "Do not quote"), *QuotePart.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="The words are quoted as they were written, with the age band, never a name.",
    )

    def __init__(self, *args: Any, themes: QuerySet[LearningTheme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "themes", themes)


class TagManyForm(forms.Form):
    theme = forms.ModelChoiceField(
        label="Theme",
        queryset=LearningTheme.unscoped.none(),
        empty_label="Choose a theme",
        error_messages={"required": "Choose the theme to tag the feedback with"},
    )
    feedback = FeedbackChoice(
        label="Feedback to tag",
        queryset=Feedback.unscoped.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one piece of feedback to tag"},
    )

    def __init__(
        self,
        *args: Any,
        themes: QuerySet[LearningTheme],
        feedback: QuerySet[Feedback],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "theme", themes)
        limit_choices(self, "feedback", feedback)
