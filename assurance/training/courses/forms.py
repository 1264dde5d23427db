"""The course form: what it covers, for whom, at what level, its learning outcomes and what in
the partnership's priorities and learning it answers."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.improvement.actions.models import Action, ActionState
from assurance.improvement.learning.models import LearningItem
from assurance.partnerships.models import Partnership, Priority
from assurance.training.courses.models import CourseLevel
from assurance.training.courses.services import outcome_lines


class CourseForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the course's title"})
    summary = forms.CharField(
        label="What the course covers",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what the course covers"},
    )
    audience = forms.CharField(
        label="Who it is for",
        max_length=300,
        help_text="For example: social workers, health visitors, school designated leads.",
        error_messages={"required": "Enter who the course is for"},
    )
    level = forms.ChoiceField(
        choices=CourseLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the course's level"},
    )
    outcomes = forms.CharField(
        label="Learning outcomes",
        help_text="One a line. Practitioners rate their knowledge and confidence against each "
        "before the course, at its end and three months on.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter at least one learning outcome"},
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="The priorities it serves (optional)",
    )
    learning_items = forms.ModelMultipleChoiceField(
        queryset=LearningItem.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="The learning it answers (optional)",
    )
    actions = forms.ModelMultipleChoiceField(
        queryset=Action.unscoped.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="The actions it delivers (optional)",
        help_text="An action delivered by this course, measured by the change in the "
        "practitioners trained, takes the course's three-month change as its measured impact.",
    )
    is_active = forms.BooleanField(
        required=False, initial=True, label="Offered: practitioners can book its sessions"
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        priorities = self.fields["priorities"]
        items = self.fields["learning_items"]
        assert isinstance(priorities, forms.ModelMultipleChoiceField)
        assert isinstance(items, forms.ModelMultipleChoiceField)
        priorities.queryset = Priority.objects_for(partnership).order_by("-business_year", "order")
        items.queryset = LearningItem.objects_for(partnership).order_by("-learned_on")
        actions = self.fields["actions"]
        assert isinstance(actions, forms.ModelMultipleChoiceField)
        actions.queryset = (
            Action.objects_for(partnership)
            .exclude(state=ActionState.CANCELLED)
            .order_by("due_date", "pk")
        )

    def clean_outcomes(self) -> list[str]:
        return outcome_lines(self.cleaned_data["outcomes"])
