"""FormPageView gives ``partnership=`` to the forms built with it, and only to them."""

from __future__ import annotations

from django import forms

from assurance.partnerships.forms import AgencyForm, GroupMemberForm, PartnershipSettingsForm
from assurance.partnerships.viewmixins import _takes_partnership


class _Plain(forms.Form):
    text = forms.CharField()


class _Own(forms.Form):
    def __init__(self, *args: object, partnership: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def test_forms_built_with_a_partnership_get_it() -> None:
    assert _takes_partnership(_Own)
    assert _takes_partnership(AgencyForm)  # from PartnershipModelForm
    assert _takes_partnership(GroupMemberForm)  # its own __init__ passes it on


def test_other_forms_do_not() -> None:
    assert not _takes_partnership(_Plain)
    assert not _takes_partnership(PartnershipSettingsForm)
