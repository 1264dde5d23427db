"""Free text that looks like a child's identifier (``core.identifiers``) is flagged before it is
saved on every form that takes free text about children's cases, as on an audit return: learning
items, recommendations, action progress and impact judgements, an audit's key messages and
learning event, moderation notes, meeting minutes and decisions, scrutiny's challenges, answers
and outcomes; and data-set commentary, which is published, is refused by all three ways in.

One mechanism does it: ``core.forms.IdentifierCheckMixin`` on the form, the reason box in
``forms/govuk_field.html``, and ``FormPageView`` recording what was kept (``KeptIdentifier``).
If the first test fails after adding a form of free text, give it the mixin. (The data set's
commentary is checked by the collection rules: ``dataset/collection/tests``.)
"""

from __future__ import annotations

import pytest
from django import forms

from assurance.audits import forms as audit_forms
from assurance.core.forms import IdentifierCheckMixin
from assurance.improvement.actions import forms as action_forms
from assurance.improvement.actions.models import ActionUpdate
from assurance.improvement.actions.tests.factories import ActionFactory
from assurance.improvement.learning import forms as learning_forms
from assurance.improvement.meetings import forms as meeting_forms
from assurance.improvement.scrutiny import forms as scrutiny_forms
from assurance.partnerships.models import KeptIdentifier
from assurance.voice.feedback import forms as voice_forms

NHS = "Discussed at clinic: NHS number 943 476 5919."

CHECKED = [
    (learning_forms.LearningItemForm, "what_was_learned"),
    (learning_forms.LearningItemForm, "title"),
    (learning_forms.RecommendationForm, "text"),
    (learning_forms.RecommendationForm, "title"),
    (action_forms.ProgressForm, "text"),
    (action_forms.JudgementForm, "summary"),
    (audit_forms.KeyMessageForm, "text"),
    (audit_forms.LearningEventForm, "what_was_shared"),
    (audit_forms.ModerationMeetingForm, "notes"),
    (audit_forms.ReturnForm, None),  # its fields are made per item: text_fields()
    (meeting_forms.MeetingForm, "minutes"),
    (meeting_forms.DecisionForm, "reasons"),
    (scrutiny_forms.ChallengeForm, "detail"),
    (scrutiny_forms.ChallengeForm, "subject"),
    (scrutiny_forms.AnswerForm, "answer"),
    (scrutiny_forms.OutcomeForm, "outcome_notes"),
    (voice_forms.HandleForm, "handling_note"),
]


@pytest.mark.parametrize(("form_class", "name"), CHECKED)
def test_every_free_text_form_about_cases_is_checked(
    form_class: type[forms.BaseForm], name: str | None
) -> None:
    assert issubclass(form_class, IdentifierCheckMixin), form_class.__name__
    if name is None:
        return
    field = form_class.base_fields[name]
    assert isinstance(field, forms.CharField)
    named = form_class.identifier_fields
    assert named is None or name in named, f"{form_class.__name__}.{name} is not checked"


@pytest.mark.django_db
def test_a_progress_update_is_flagged_and_kept_only_with_a_reason_which_is_recorded(
    northfield, farah, client_for
) -> None:
    action = ActionFactory(partnership=northfield.partnership, owner_agency=northfield.council)
    client = client_for(farah)
    url = northfield.url(f"actions/{action.pk}/progress/")
    response = client.post(url, {"rag": "amber", "text": NHS})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "This looks like it contains an NHS number (“943 476 5919”)" in html
    assert 'name="keep_text"' in html
    assert not ActionUpdate.objects_for(northfield.partnership).exists()
    reason = "The clinic's appointment reference, not the child's."
    response = client.post(url, {"rag": "amber", "text": NHS, "keep_text": reason})
    assert response.status_code == 302
    update = ActionUpdate.objects_for(northfield.partnership).get()
    assert update.text == NHS
    [kept] = KeptIdentifier.objects_for(northfield.partnership)
    assert (kept.field, kept.kinds, kept.reason) == ("text", "nhs_number", reason)
    assert kept.kept_by == farah and kept.page == url
    # Ordinary text is saved without a question, and nothing more is recorded.
    response = client.post(url, {"rag": "green", "text": "All four sessions delivered."})
    assert response.status_code == 302
    assert KeptIdentifier.objects_for(northfield.partnership).count() == 1
