"""The dashboard's filter form is drawn once per choices and values asked for (ADR 032), and its
status tags are written once in Python: a cached form is never out of date (a new area among the
participants, or another value asked for, draws it anew), and the tags are GOV.UK's."""

from __future__ import annotations

import pytest
from django.utils import timezone

from assurance.selfassessment.dashboard import display
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
from assurance.selfassessment.settings.tests.factories import SettingFactory

pytestmark = pytest.mark.django_db


def filters_of(html: str) -> str:
    return html.split('id="completion-filters"')[1].split("</form>")[0]


def test_the_cached_filter_form_follows_the_choices_and_the_values(school_round, amira, client_for):
    round = school_round["round"]
    client = client_for(amira)
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/completion/"
    before = filters_of(client.get(url).content.decode())
    assert 'value="NF7"' in before and 'value="NF9"' not in before
    ParticipantFactory(
        round=round, setting=SettingFactory(partnership=round.partnership, postcode="NF9 1AA")
    )
    after = filters_of(client.get(url).content.decode())
    assert 'value="NF9"' in after
    chosen = filters_of(client.get(url + "?area=NF9").content.decode())
    assert 'value="NF9" selected' in chosen and "Clear the filters" in chosen
    assert 'value="NF9" selected' not in filters_of(client.get(url).content.decode())


def test_the_status_tags(school_round, amira, client_for):
    round = school_round["round"]
    html = (
        client_for(amira)
        .get(f"/p/northfield/self-assessment/rounds/{round.pk}/completion/")
        .content.decode()
    )
    table = html.split('id="participants"')[1].split("</table>")[0]
    assert '<strong class="govuk-tag govuk-tag--green">Submitted</strong>' in table
    assert '<strong class="govuk-tag govuk-tag--blue">In progress</strong>' in table
    assert table.count('<strong class="govuk-tag govuk-tag--red">Overdue</strong>') == 3
    assert round.deadline < timezone.localdate()


def test_a_status_tag_is_escaped():
    assert str(display.tag("<b>", "")) == '<strong class="govuk-tag">&lt;b&gt;</strong>'


def test_the_choices_are_read_again_only_when_who_takes_part_or_a_setting_changes(
    school_round, amira, client_for
):
    """The filters' choices are kept under who takes part and the settings' last import: a
    page after the first does not read them, and a setting re-imported in another phase
    shows in them at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assurance.selfassessment.settings.models import Setting
    from assurance.selfassessment.settings.services import settings_import
    from assurance.selfassessment.settings.tests.factories import gias_row_of

    round = school_round["round"]
    client = client_for(amira)
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/completion/"
    client.get(url)

    def choices_read() -> tuple[bool, str]:
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        return any("SELECT DISTINCT" in q["sql"] for q in captured), filters_of(html)

    read, before = choices_read()
    assert not read and 'value="Nursery"' not in before
    setting = Setting.unscoped.filter(partnership=round.partnership).order_by("pk").first()
    settings_import(partnership=round.partnership, rows=[gias_row_of(setting, phase="Nursery")])
    read, after = choices_read()
    assert read and 'value="Nursery"' in after
    assert choices_read()[0] is False


def test_nothing_asked_for_and_the_form_drawn_before_no_form_is_built(
    school_round, amira, client_for, monkeypatch
):
    from assurance.selfassessment.dashboard import forms

    round = school_round["round"]
    client = client_for(amira)
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/completion/"
    first = client.get(url)
    built = []
    real = forms.CompletionFilterForm.__init__

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(forms.CompletionFilterForm, "__init__", counted)
    again = client.get(url)
    assert built == [] and filters_of(again.content.decode()) == filters_of(first.content.decode())
    assert "<title>Error" not in again.content.decode()
    client.get(url + "?phase=Primary")  # asked for: built, to read what was asked
    assert built == [1]
