from __future__ import annotations

from typing import Any

from django import forms

from assurance.core.forms import limit_choices
from assurance.frameworks.models import Framework, Item, ResponseScale


class StandardChoiceField(forms.ModelChoiceField):
    """A choice of one standard of the partnership's tools, named by tool, code and text."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.section.framework.name}: {obj.code} {obj.text[:90]}"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Framework file",
        help_text="A YAML file (.yaml) or an Excel workbook (.xlsx) in the format described in "
        "the guide. Nothing is imported unless the whole file is valid.",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 2 MB.")
        if not upload.name.lower().endswith((".yaml", ".yml", ".xlsx")):
            raise forms.ValidationError("The file must be a .yaml or an .xlsx file.")
        return upload


class CopyForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name of the adapted tool")
    theme = forms.CharField(max_length=80, label="Theme", help_text="For example neglect.")


class FrameworkForm(forms.ModelForm):
    class Meta:
        model = Framework
        fields = ["name", "theme", "description"]


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["code", "text", "guidance", "response_type", "scale", "evidence_required"]
        widgets = {
            "response_type": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 3}),
            "guidance": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"evidence_required": "The auditor must give evidence"}

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "scale", ResponseScale.objects_for(partnership))
        self.fields["scale"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("response_type") == "scale" and not data.get("scale"):
            self.add_error("scale", "Choose the grading scale for this item.")
        return data
