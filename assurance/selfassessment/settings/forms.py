"""The filters of the settings list."""

from __future__ import annotations

from django import forms

from assurance.selfassessment.settings.models import SettingRole, SettingStatus


class SettingFilterForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=100)
    phase = forms.ChoiceField(label="Phase", required=False)
    type_group = forms.ChoiceField(label="Type", required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "All but closed"), *list(SettingStatus.choices)],
    )

    def __init__(
        self, *args: object, phases: list[str], type_groups: list[str], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["phase"].choices = [("", "All phases")] + [(p, p) for p in phases]  # type: ignore[attr-defined]
        self.fields["type_group"].choices = [("", "All types")] + [(t, t) for t in type_groups]  # type: ignore[attr-defined]


class SettingMemberInviteForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=150)
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text="Their own work address: each person signs in with their own account.",
    )
    role = forms.ChoiceField(
        label="Role at the school or college",
        choices=SettingRole.choices,
        widget=forms.RadioSelect,
        help_text="The headteacher or principal signs the setting's returns off.",
    )


class ConfirmForm(forms.Form):
    """A page that asks only for confirmation."""
