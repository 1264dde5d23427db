"""The form of a locality."""

from __future__ import annotations

from django import forms

from assurance.dataset.localities.models import Locality


class LocalityForm(forms.ModelForm):
    class Meta:
        model = Locality
        fields = ["name", "description", "is_active"]
        labels = {"name": "Name", "description": "Description (optional)"}
        help_texts = {"name": "The ward or locality name people in the partnership use."}
        error_messages = {"name": {"required": "Enter the locality's name"}}
