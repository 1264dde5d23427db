"""Forms of quarterly collection: an agency's values for a round, a revision, an unlock, a new
round, and the workbook upload."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from assurance.core.business_year import current_business_year
from assurance.core.forms import DateInput
from assurance.dataset.collection.rules import Entry, Problem, _fmt
from assurance.dataset.collection.selectors import ValueRow


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def _problem_errors(form: forms.Form, named: Iterable[tuple[str, str]]) -> ValidationError:
    """A service's problems (field name, message) as one ValidationError naming the form's
    fields, for core.forms.add_service_errors; the rest go above the form, in their order."""
    errors: dict[str, list[str]] = {}
    for name, message in named:
        errors.setdefault(name if name in form.fields else NON_FIELD_ERRORS, []).append(message)
    return ValidationError(errors)


def _field(problem: Problem) -> str:
    return {"confirmed_outlier": "confirmed"}.get(problem.field, problem.field)


def row_hint(row: ValueRow) -> str:
    """What the person needs to know while entering: the definition's parts, the target."""
    parts = []
    indicator = row.indicator
    if row.rule.needs_denominator:
        unit = {"percentage": "percentage", "rate_10k": "rate per 10,000", "ratio": "ratio"}[
            indicator.unit
        ]
        parts.append(f"The {unit} is worked out from the numerator and denominator.")
    places = indicator.decimal_places
    if row.context.target is not None:
        target = f"Target {_fmt(row.context.target, places)}"
        if row.context.tolerance is not None:
            target += f" (tolerance ± {_fmt(row.context.tolerance, places)})"
        parts.append(target + ".")
    if row.context.previous is not None:
        parts.append(f"Last period: {_fmt(row.context.previous, places)}.")
    return " ".join(parts)


class ValuesForm(forms.Form):
    """One group of fields per indicator: numerator (or the value), denominator where the unit
    needs one, commentary, and the confirmation of an unusual value."""

    def __init__(self, *args: Any, rows: list[ValueRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            code, indicator, saved = row.indicator.code, row.indicator, row.value
            if row.rule.needs_denominator:
                self.fields[f"{code}-numerator"] = forms.CharField(
                    label="Numerator",
                    required=False,
                    help_text=indicator.numerator_definition,
                    initial=_number(saved.numerator) if saved else "",
                )
                self.fields[f"{code}-denominator"] = forms.CharField(
                    label="Denominator",
                    required=False,
                    help_text=indicator.denominator_definition,
                    initial=_number(saved.denominator) if saved else "",
                )
            else:
                self.fields[f"{code}-numerator"] = forms.CharField(
                    label=f"Value ({indicator.get_unit_display().lower()})",
                    required=False,
                    initial=_number(saved.numerator) if saved else "",
                )
            for name in (f"{code}-numerator", f"{code}-denominator"):
                if name in self.fields:
                    self.fields[name].widget.attrs.update(
                        {"inputmode": "decimal", "class": "govuk-input--width-10"}
                    )
            for locality in row.localities:
                part = row.parts.get(locality.pk)
                for piece in (
                    ("numerator", "denominator") if row.rule.needs_denominator else ("numerator",)
                ):
                    name = f"{code}-loc{locality.pk}-{piece}"
                    label = piece.capitalize() if row.rule.needs_denominator else "Figure"
                    self.fields[name] = forms.CharField(
                        label=f"{locality.name}: {label.lower()}",
                        required=False,
                        initial=_number(getattr(part, piece)) if part else "",
                    )
                    self.fields[name].widget.attrs.update(
                        {"inputmode": "decimal", "class": "govuk-input--width-10"}
                    )
            self.fields[f"{code}-commentary"] = forms.CharField(
                label="Commentary",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="Needed when the value misses its target, leaves its tolerance or "
                f"changes more than {_fmt(row.context.change_percent)}% from last period.",
                initial=saved.commentary if saved else "",
            )
            self.fields[f"{code}-confirmed"] = forms.BooleanField(
                label="I have checked this unusual value and it is right",
                required=False,
                initial=saved.confirmed_outlier if saved else False,
            )

    def groups(self) -> list[dict[str, Any]]:
        groups = []
        for row in self.rows:
            code = row.indicator.code
            groups.append(
                {
                    "row": row,
                    "hint": row_hint(row),
                    "fields": [
                        self[f"{code}-{part}"]
                        for part in ("numerator", "denominator", "commentary")
                        if f"{code}-{part}" in self.fields
                    ],
                    "confirm": self[f"{code}-confirmed"],
                    "localities": [
                        self[name] for name in self.fields if name.startswith(f"{code}-loc")
                    ],
                }
            )
        return groups

    def entries(self) -> dict[str, Entry]:
        data = self.cleaned_data
        return {
            row.indicator.code: Entry(
                numerator=data.get(f"{row.indicator.code}-numerator", ""),
                denominator=data.get(f"{row.indicator.code}-denominator", ""),
                commentary=data.get(f"{row.indicator.code}-commentary", ""),
                confirmed_outlier=bool(data.get(f"{row.indicator.code}-confirmed")),
            )
            for row in self.rows
        }

    def parts(self) -> dict[str, dict[int | str, tuple[object, object]]]:
        """The figures typed for each locality of the indicators collected by locality."""
        data = self.cleaned_data
        return {
            row.indicator.code: {
                loc.pk: (
                    data.get(f"{row.indicator.code}-loc{loc.pk}-numerator", ""),
                    data.get(f"{row.indicator.code}-loc{loc.pk}-denominator", ""),
                )
                for loc in row.localities
            }
            for row in self.rows
            if row.by_locality
        }

    def problem_errors(self, problems: list[tuple[str, Problem]]) -> ValidationError:
        return _problem_errors(self, ((f"{code}-{_field(p)}", p.message) for code, p in problems))


class RevisionForm(forms.Form):
    numerator = forms.CharField(
        label="Numerator", error_messages={"required": "Enter the revised numerator"}
    )
    denominator = forms.CharField(
        label="Denominator", error_messages={"required": "Enter the revised denominator"}
    )
    commentary = forms.CharField(
        label="Commentary", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    confirmed = forms.BooleanField(
        label="I have checked this unusual value and it is right", required=False
    )
    reason = forms.CharField(
        label="Why is the value being revised?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the value is being revised"},
    )

    def __init__(
        self, *args: Any, needs_denominator: bool, row: ValueRow | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not needs_denominator:
            del self.fields["denominator"]
            self.fields["numerator"].label = "Revised value"
            self.fields["numerator"].error_messages["required"] = "Enter the revised value"
        # an indicator collected by locality: the revised figure of each locality in use
        self.localities = list(row.localities) if row is not None else []
        pieces = ("numerator", "denominator") if needs_denominator else ("numerator",)
        for locality in self.localities:
            part = row.parts.get(locality.pk) if row is not None else None
            for piece in pieces:
                label = piece if needs_denominator else "revised figure"
                self.fields[f"loc{locality.pk}-{piece}"] = forms.CharField(
                    label=f"{locality.name}: {label}",
                    required=False,
                    initial=_number(getattr(part, piece)) if part else "",
                    widget=forms.TextInput(
                        attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}
                    ),
                )
        if self.localities:  # the localities before the commentary and the reason
            order = [n for n in self.fields if n in ("numerator", "denominator")]
            order += [n for n in self.fields if n.startswith("loc")]
            self.order_fields(order)

    def parts(self) -> dict[int | str, tuple[object, object]] | None:
        if not self.localities:
            return None
        data = self.cleaned_data
        return {
            loc.pk: (
                data.get(f"loc{loc.pk}-numerator", ""),
                data.get(f"loc{loc.pk}-denominator", ""),
            )
            for loc in self.localities
        }

    def entry(self) -> Entry:
        data = self.cleaned_data
        return Entry(
            data.get("numerator", ""),
            data.get("denominator", ""),
            data.get("commentary", ""),
            bool(data.get("confirmed")),
        )

    def problem_errors(self, problems: list[tuple[str, Problem]]) -> ValidationError:
        return _problem_errors(self, ((_field(p), p.message) for _code, p in problems))


class UnlockForm(forms.Form):
    reason = forms.CharField(
        label="Why are you unlocking the agency's values?",
        help_text="The agency lead sees this reason, and it is kept in the history.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you are unlocking the values"},
    )


class RoundForm(forms.Form):
    frequency = forms.ChoiceField(
        label="How often",
        choices=[("quarterly", "Quarterly"), ("monthly", "Monthly"), ("annual", "Annual")],
        initial="quarterly",
        widget=forms.RadioSelect,
    )
    business_year = forms.IntegerField(
        label="Business year",
        help_text="The year it starts: 2026 means April 2026 to March 2027.",
        min_value=2000,
        max_value=2100,
        initial=current_business_year,
        error_messages={"required": "Enter the business year, like 2026"},
    )
    number = forms.IntegerField(
        label="Quarter or month",
        help_text="Quarter 1 to 4 (Q1 is April to June), or month 1 (April) to 12 (March). "
        "Leave as 1 for an annual round.",
        min_value=1,
        max_value=12,
        initial=1,
        error_messages={"required": "Enter the quarter or month, like 1"},
    )
    opens_on = forms.DateField(
        label="Opens on",
        widget=DateInput,
        initial=date.today,
        error_messages={"required": "Enter the date the round opens"},
    )
    due_on = forms.DateField(
        label="Due date",
        widget=DateInput,
        help_text="Agencies should sign off their values by this date.",
        error_messages={"required": "Enter the due date"},
    )
    change_percent = forms.DecimalField(
        label="Change that needs commentary (%)",
        help_text="A value that moves more than this from last period needs commentary.",
        initial=25,
        min_value=0,
        max_digits=5,
        decimal_places=1,
    )


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(label="Completed workbook (.xlsx)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("The file must be an Excel workbook (.xlsx)")
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        return upload
