"""The child's form, and the business unit's forms for links and the duty inbox."""

from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import IdentifierCheckMixin, limit_choices
from assurance.partnerships.models import Agency
from assurance.voice.feedback.models import (
    AgeBand,
    DutyInbox,
    Feedback,
    FeedbackLink,
    Feeling,
    ServiceUsed,
)

MAX_TEXT = 2000


class ChildFeedbackForm(forms.Form):
    """What a child, young person, parent or carer tells us. Plain words; no name asked.

    The free text is not refused when it looks like a name, address or phone number: a child
    is not asked to justify what they wrote. It is read for a possible disclosure when it is
    stored instead (``services.feedback_submit``)."""

    feeling = forms.TypedChoiceField(
        label="How did it go?",
        choices=Feeling.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    good = forms.CharField(
        label="What was good?",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "What was good must be 2,000 characters or fewer"},
    )
    better = forms.CharField(
        label="What could be better?",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "What could be better must be 2,000 characters or fewer"},
    )
    age_band = forms.ChoiceField(
        label="How old are you?",
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how old you are, or “I would rather not say”"},
    )
    service = forms.ChoiceField(
        label="Who helped you?",
        choices=ServiceUsed.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who helped you, or “Something else”"},
    )

    def __init__(self, *args: Any, link: FeedbackLink, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if link.service:
            del self.fields["service"]


class FeedbackLinkForm(forms.ModelForm):
    class Meta:
        model = FeedbackLink
        fields = ["title", "service"]
        error_messages = {"title": {"required": "Enter what the link is for"}}


class FeedbackLinkUpdateForm(FeedbackLinkForm):
    class Meta(FeedbackLinkForm.Meta):
        fields = ["title", "service", "is_open"]


class HandleForm(IdentifierCheckMixin, forms.ModelForm):
    """What the duty officer did: free text about a child, so checked for identifiers."""

    class Meta:
        model = Feedback
        fields = ["handling_note"]
        labels = {"handling_note": "What was done"}
        help_texts = {
            "handling_note": "For example: passed to the children's services front door at "
            "10:40; the school's designated safeguarding lead was told."
        }
        widgets = {"handling_note": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"handling_note": {"required": "Enter what was done"}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handling_note"].required = True  # blank until someone handles it


class DutyInboxForm(forms.ModelForm):
    class Meta:
        model = DutyInbox
        fields = ["duty_email", "disclosure_words", "local_help"]
        widgets = {"disclosure_words": forms.Textarea(attrs={"rows": 12})}
        error_messages = {
            "disclosure_words": {"required": "Enter at least one word or phrase, one a line"},
            "duty_email": {"invalid": "Enter the duty e-mail address like duty@example.gov.uk"},
        }


class UploadForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.unscoped.none(),
        label="Agency that gathered the feedback",
        error_messages={"required": "Select the agency that gathered the feedback"},
    )
    file = forms.FileField(
        label="Spreadsheet of feedback (Excel)",
        error_messages={"required": "Choose the spreadsheet to upload"},
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "agency", agencies)
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first()
