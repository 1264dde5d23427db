"""The completion dashboard. Amira (business unit) sees how many schools have not started, are
in progress, have submitted and are overdue; filters them by status, phase, type and area
(postcode district); sorts them; chases two by e-mail (their leads and deputies, not the head;
Oakhurst has nobody, and is named); and downloads the table as Excel. Corinne (scrutineer)
reads it but may not chase; Priya (police auditor) may not see it; Southvale gets 404."""

from __future__ import annotations

import io
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from assurance.selfassessment.dashboard.models import Chase

pytestmark = pytest.mark.django_db


def _url(round: Any, tail: str = "") -> str:
    return f"/p/{round.partnership.slug}/self-assessment/rounds/{round.pk}/completion/{tail}"


class _Table(HTMLParser):
    """The rows of the participants' table: each row's cells' texts, and the value of its
    checkbox (a participant's pk) if it has one."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []
        self._in_table = self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self._in_table = found.get("id") == "participants"
        elif self._in_table and tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append({"cells": [], "pk": None})
        elif self._in_body and tag == "td":
            self.rows[-1]["cells"].append("")
        elif self._in_body and tag == "br" and self.rows[-1]["cells"]:
            self.rows[-1]["cells"][-1] += " "
        elif self._in_body and tag == "input":
            self.rows[-1]["pk"] = int(found["value"] or 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._in_table = False

    def handle_data(self, data: str) -> None:
        if self._in_body and self.rows and self.rows[-1]["cells"]:
            self.rows[-1]["cells"][-1] += data


COLUMNS = ("name", "kind", "status", "activity", "chased")


def _rows(response: Any) -> list[dict[str, Any]]:
    """The table's rows as the page shows them: each row's ``pk`` (its checkbox's, if it has
    one) and its cells' texts by column (``COLUMNS``; the status with the day submitted)."""
    table = _Table()
    table.feed(response.content.decode())
    found = []
    for row in table.rows:
        texts = [" ".join(cell.split()) for cell in row["cells"]]
        if len(texts) == len(COLUMNS) + 1:  # the checkbox's cell first
            texts = texts[1:]
        if len(texts) == len(COLUMNS):
            found.append({"pk": row["pk"], **dict(zip(COLUMNS, texts, strict=True))})
    return found


def _names(response: Any) -> list[str]:
    """The names in the table's rows, in order."""
    return [row["name"] for row in _rows(response)]


def test_counts_and_every_participant(school_round, amira, client_for):
    response = client_for(amira).get(_url(school_round["round"]))
    assert response.status_code == 200
    counts = {value: n for value, _, n in response.context["counts"]}
    assert counts == {"not_started": 2, "in_progress": 1, "submitted": 1, "overdue": 3}
    assert _names(response) == [
        "Brook Infant School",
        "Fairway Primary School",
        "Larkfield Primary School",
        "Oakhurst High School",
    ]
    html = response.content.decode()
    assert "Overdue: 3" in html and "Never" in html
    # A submitted school cannot be ticked for a chase
    assert f'value="{school_round["fairway"].pk}"' not in html
    assert f'value="{school_round["larkfield"].pk}"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "status=overdue",
            ["Brook Infant School", "Larkfield Primary School", "Oakhurst High School"],
        ),
        ("status=submitted", ["Fairway Primary School"]),
        ("phase=Secondary", ["Oakhurst High School"]),
        ("type_group=Academies", ["Oakhurst High School"]),
        ("area=NF1", ["Fairway Primary School", "Larkfield Primary School"]),  # not NF12
        ("area=NF12", ["Brook Infant School"]),
        (
            "kind=setting",
            [
                "Brook Infant School",
                "Fairway Primary School",
                "Larkfield Primary School",
                "Oakhurst High School",
            ],
        ),
        ("name=brook", ["Brook Infant School"]),
        (
            "phase=Nursery",
            [  # not one of the choices: ignored
                "Brook Infant School",
                "Fairway Primary School",
                "Larkfield Primary School",
                "Oakhurst High School",
            ],
        ),
    ],
)
def test_filters(school_round, amira, client_for, query, expected):
    response = client_for(amira).get(_url(school_round["round"]) + "?" + query)
    assert response.status_code == 200
    assert _names(response) == expected


def test_sorting_by_status_and_last_activity(school_round, amira, client_for):
    client = client_for(amira)
    by_status = _names(client.get(_url(school_round["round"]) + "?sort=status&order=desc"))
    assert by_status[0] == "Fairway Primary School"
    assert by_status[-2:] == ["Larkfield Primary School", "Oakhurst High School"]
    response = client.get(_url(school_round["round"]) + "?sort=activity")
    latest_first = _names(response)
    # Fairway submitted after Brook began: the two that changed come first, newest first
    assert latest_first[:2] == ["Fairway Primary School", "Brook Infant School"]
    html = response.content.decode()
    assert 'aria-sort="descending"' in html
    # each column's link keeps the filters and sorts by it (the sorted one the other way round)
    filtered = client.get(_url(school_round["round"]) + "?phase=Primary&sort=name&page=1")
    text = filtered.content.decode()
    assert 'href="?phase=Primary&amp;sort=name&amp;order=desc"' in text
    assert 'href="?phase=Primary&amp;sort=status&amp;order=asc"' in text


def test_chase_two_schools_says_what_goes_and_logs_each(
    school_round, amira, client_for, django_capture_on_commit_callbacks
):
    client = client_for(amira)
    round = school_round["round"]
    ticked = [school_round["larkfield"].pk, school_round["oakhurst"].pk]
    page = client.get(_url(round, "chase/"), {"scope": "ticked", "participant": ticked})
    assert page.status_code == 200
    plan = page.context["plan"]
    assert (plan.emails, plan.organisations) == (2, 1)
    assert plan.nobody == ("Oakhurst High School",)
    html = page.content.decode()
    assert "2 e-mails" in html and "1 organisation" in html and "Oakhurst High School" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(round, "chase/"), {"participants": ",".join(map(str, ticked))})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "deputy@larkfield.example",
        "dsl@larkfield.example",
    ]
    assert "Larkfield Primary School" in mail.outbox[0].subject
    assert "The deadline was" in mail.outbox[0].body
    [chase] = Chase.unscoped.all()
    assert chase.participant == school_round["larkfield"]
    assert chase.chased_by == amira and chase.sent_at is not None
    assert chase.history.get().history_user == amira.user
    dashboard = client.get(response["Location"])
    [row] = [r for r in _rows(dashboard) if r["name"] == "Larkfield Primary School"]
    assert row["chased"] != "Never"


def test_chase_all_filtered_leaves_the_submitted_out(school_round, amira, client_for):
    client = client_for(amira)
    round = school_round["round"]
    page = client.get(_url(round, "chase/"), {"scope": "all", "area": "NF1"})
    assert page.context["submitted"] == 1  # Fairway, in NF1, has submitted
    assert page.context["plan"].organisations == 1  # Larkfield
    ids = page.context["form"].initial["participants"]
    client.post(_url(round, "chase/"), {"participants": ids})
    assert [c.participant.name for c in Chase.unscoped.all()] == ["Larkfield Primary School"]


def test_a_chase_of_nobody_reachable_is_refused_and_nothing_stored(school_round, amira, client_for):
    client = client_for(amira)
    round = school_round["round"]
    none = client.get(_url(round, "chase/"), {"scope": "ticked"})
    assert none.context["nothing_chosen"] and "did not tick" in none.content.decode()
    ids = f"{school_round['oakhurst'].pk},{school_round['fairway'].pk}"
    response = client.post(_url(round, "chase/"), {"participants": ids})
    assert response.status_code == 200
    assert "None of those chosen can be chased" in response.content.decode()
    assert not Chase.unscoped.exists() and not mail.outbox
    bad = client.post(_url(round, "chase/"), {"participants": "1,x"})
    assert "not understood" in bad.content.decode()


def test_another_rounds_participant_cannot_be_chased(school_round, amira, client_for, southvale):
    from assurance.selfassessment.rounds.tests.factories import ParticipantFactory

    other = ParticipantFactory(round__partnership=southvale.partnership)
    response = client_for(amira).post(
        _url(school_round["round"], "chase/"), {"participants": str(other.pk)}
    )
    assert response.status_code == 200
    assert not Chase.unscoped.exists()


def test_export_is_the_filtered_table(school_round, amira, client_for):
    response = client_for(amira).get(_url(school_round["round"], "export.xlsx") + "?status=overdue")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content))["Participants"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Name", "Agency or setting", "URN")
    assert [r[0] for r in rows[1:]] == [
        "Brook Infant School",
        "Larkfield Primary School",
        "Oakhurst High School",
    ]
    oakhurst = rows[3]
    assert oakhurst[4:9] == ("Secondary", "NF7", "Northfield", "Not started", "Yes")


def test_who_may_see_and_chase(school_round, corinne, priya, tamsin, client_for):
    round = school_round["round"]
    scrutineer = client_for(corinne).get(_url(round))
    assert scrutineer.status_code == 200
    assert "Chase those ticked" not in scrutineer.content.decode()
    assert client_for(corinne).get(_url(round, "chase/")).status_code == 403
    assert client_for(priya).get(_url(round)).status_code == 403
    assert client_for(tamsin).get(_url(round)).status_code == 404
    assert client_for(tamsin).get(_url(round, "export.xlsx")).status_code == 404


def test_an_agencies_round_chases_the_agency_leads(
    northfield, amira, farah, client_for, django_capture_on_commit_callbacks
):
    """A Section 11 round of agencies: no school filters; the council is chased through its
    agency lead (Farah), the police, with no lead of its own here, is named as unreachable."""
    from assurance.selfassessment.rounds.models import Audience
    from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory

    round = RoundFactory(
        partnership=northfield.partnership, audience=Audience.AGENCIES, framework__name="S11"
    )
    council = ParticipantFactory(round=round, setting=None, agency=northfield.council)
    police = ParticipantFactory(round=round, setting=None, agency=northfield.police)
    client = client_for(amira)
    page = client.get(_url(round))
    html = page.content.decode()
    assert "Type of establishment" not in html and "Agency" in html
    assert _names(page) == sorted([northfield.council.name, northfield.police.name])
    chase = client.get(_url(round, "chase/"), {"scope": "all"})
    assert chase.context["plan"].nobody == (northfield.police.name,)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(round, "chase/"), {"participants": f"{council.pk},{police.pk}"})
    assert [m.to for m in mail.outbox] == [[farah.email]]


def test_the_filters_offer_what_the_participants_have(school_round, amira, northfield):
    """The choices are the kinds, phases, types and areas (outward codes, as typed or not)
    among the round's participants, each once, in order; nothing empty is offered."""
    from assurance.partnerships.access import actor_for_person
    from assurance.selfassessment.dashboard.selectors import filter_choices
    from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
    from assurance.selfassessment.settings.tests.factories import SettingFactory

    round = school_round["round"]
    p = northfield.partnership
    for name, postcode, phase in [
        ("Hill Nursery", " nf3 1aa ", "Nursery"),  # spaces and lower case
        ("Dale College", "NF20", "16 plus"),  # an outward code alone
        ("Moor Unit", "", ""),  # no postcode, no phase
    ]:
        setting = SettingFactory(partnership=p, name=name, postcode=postcode, phase=phase)
        ParticipantFactory(round=round, setting=setting)
    ParticipantFactory(round=round, setting=None, agency=northfield.police)
    choices = filter_choices(actor=actor_for_person(amira), round=round)
    assert choices == {
        "kind": ["agency", "setting"],
        "phase": ["16 plus", "Nursery", "Primary", "Secondary"],
        "type_group": ["Academies", "Local authority maintained schools"],
        "area": ["NF1", "NF3", "NF7", "NF12", "NF20"],
    }


@pytest.mark.parametrize(
    ("submitted_at", "shown"),
    [
        ("2026-06-30T23:30:00+00:00", "1 Jul 2026"),  # half past midnight in summer time
        ("2026-12-31T23:30:00+00:00", "31 Dec 2026"),  # in winter, London is on UTC
    ],
)
def test_the_day_shown_is_the_day_in_england(school_round, amira, client_for, submitted_at, shown):
    """The days a row shows are worked out by the database in the service's time zone."""
    from datetime import datetime

    from assurance.selfassessment.rounds.models import Participant

    round = school_round["round"]
    Participant.unscoped.filter(round=round, status="submitted").update(
        submitted_at=datetime.fromisoformat(submitted_at)
    )
    rows = _rows(client_for(amira).get(_url(round)))
    assert {row["name"]: row["status"] for row in rows}["Fairway Primary School"] == (
        f"Submitted {shown}"
    )


def test_every_page_of_the_table_in_order_whatever_the_filters_values(
    northfield, amira, client_for
):
    """The table's query is compiled once per shape of filters and bound to their values: each
    page and each value gives the participants the ORM query gives, in its order."""
    from assurance.partnerships.access import actor_for_person
    from assurance.selfassessment.dashboard import selectors
    from assurance.selfassessment.dashboard.tests.test_api import _round_of

    round = _round_of(northfield, 120)
    client = client_for(amira)
    actor = actor_for_person(amira)
    for query, filters in [
        ("", selectors.Filters()),
        ("?phase=Primary", selectors.Filters(phase="Primary")),
        ("?phase=Secondary", selectors.Filters(phase="Secondary")),
        ("?status=submitted&area=NF3", selectors.Filters(status="submitted", area="NF3")),
    ]:
        expected = [
            p.name
            for p in selectors.completion_rows(
                actor=actor,
                round=round,
                filters=filters,
                sort="name",
                order="asc",
                today=round.deadline,
            )
        ]
        shown: list[str] = []
        for page in (1, 2, 3):
            sep = "&" if query else "?"
            response = client.get(_url(round) + f"{query}{sep}page={page}")
            if page > 1 and response.context["page_obj"].number < page:
                break
            shown += _names(response)
        assert shown == expected, query
        assert response.context["total"] == len(expected)


def test_a_round_that_cannot_exist_or_is_anothers_is_not_found(
    school_round, amira, client_for, southvale
):
    """The dashboard's reads are sent with the round's (bound to the partnership and the id
    asked for): an id no round can have, or another partnership's round, is a 404, never an
    error or another partnership's rows."""
    from assurance.selfassessment.rounds.tests.factories import RoundFactory

    client = client_for(amira)
    for pk in (0, 2**31, 2**63, 10**30):
        response = client.get(f"/p/northfield/self-assessment/rounds/{pk}/completion/")
        assert response.status_code == 404, pk
    theirs = RoundFactory(partnership=southvale.partnership)
    response = client.get(f"/p/northfield/self-assessment/rounds/{theirs.pk}/completion/")
    assert response.status_code == 404


def test_nothing_is_overdue_before_the_deadline(school_round, amira, client_for):
    """The page reads its rows as if the deadline had passed, before it has the round: before
    the deadline, "overdue" still matches none."""
    round = school_round["round"]
    round.deadline = timezone.localdate() + timedelta(days=30)
    round.save()
    response = client_for(amira).get(_url(round) + "?status=overdue&sort=activity")
    assert _names(response) == []
    assert response.context["total"] == 0
    assert "None match the filters." in response.content.decode()


def test_a_value_that_is_not_a_choice_is_left_out_and_shown_as_the_forms_error(
    school_round, amira, client_for
):
    """A value that is not among the choices is left out of the rows; the page says so as the
    form's error, in its title too."""
    client = client_for(amira)
    response = client.get(_url(school_round["round"]) + "?status=in_progress&phase=Nursery")
    assert _names(response) == ["Brook Infant School"]
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "Select a valid choice" in html
    valid = client.get(_url(school_round["round"]) + "?status=in_progress&phase=Primary")
    assert _names(valid) == ["Brook Infant School"]
    assert "<title>Error: " not in valid.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "  brook  "},
        {"name": "x" * 100},
        {"name": "x" * 101},
        {"status": "overdue", "phase": "Primary"},
        {"status": "lost"},
        {"kind": "agency", "area": "NF1"},
        {"kind": "school", "area": "NF99", "type_group": "Academies"},
        {"phase": " Primary "},
    ],
)
def test_the_filters_asked_for_are_what_the_form_takes(data):
    """``asked_filters`` (read without building the form) refuses what the form refuses and
    takes what it takes."""
    from assurance.selfassessment.dashboard.forms import CompletionFilterForm, asked_filters

    choices = {
        "kind": ["setting"],
        "phase": ["Primary", "Secondary"],
        "type_group": ["Academies"],
        "area": ["NF1", "NF12"],
    }
    filters, refused = asked_filters(data, choices)
    form = CompletionFilterForm(data, choices=choices)
    assert refused == (not form.is_valid())
    for name, value in vars(filters).items():
        if name not in form.errors:
            assert value == form.cleaned_data[name], name
        else:
            assert value == ("x" * 100 if name == "name" else ""), name


def test_the_rows_kept_move_on_with_every_change_they_show(
    school_round, northfield, amira, client_for, django_capture_on_commit_callbacks
):
    """The page's rows are kept drawn (ADR 032), and drawn again after any change to what they
    show: a return begun and submitted, a chase, a setting renamed by a re-import, a
    participant added, the deadline moved."""
    from dataclasses import replace

    from assurance.core.history import save_as
    from assurance.selfassessment.rounds.models import ParticipantStatus
    from assurance.selfassessment.rounds.services import participant_status_move
    from assurance.selfassessment.rounds.tests.factories import ParticipantFactory
    from assurance.selfassessment.settings.gias import GiasRow
    from assurance.selfassessment.settings.services import settings_import
    from assurance.selfassessment.settings.tests.factories import SettingFactory

    client = client_for(amira)
    round = school_round["round"]
    larkfield = school_round["larkfield"]

    def shown() -> dict[str, dict[str, Any]]:
        return {row["name"]: row for row in _rows(client.get(_url(round)))}

    row = shown()["Larkfield Primary School"]
    assert (row["status"], row["activity"], row["chased"]) == (
        "Not started Overdue",
        "None",
        "Never",
    )
    participant_status_move(
        participant=larkfield, status=ParticipantStatus.IN_PROGRESS, actor=amira
    )
    row = shown()["Larkfield Primary School"]
    assert row["status"] == "In progress Overdue" and row["activity"] != "None"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(round, "chase/"), {"participants": str(larkfield.pk)})
    assert shown()["Larkfield Primary School"]["chased"] != "Never"
    participant_status_move(participant=larkfield, status=ParticipantStatus.SUBMITTED, actor=amira)
    assert shown()["Larkfield Primary School"]["status"].startswith("Submitted ")
    setting = larkfield.setting
    gias = GiasRow(
        line=2,
        urn=setting.urn,
        name="Larkfield Church of England Primary School",
        la_number=setting.la_number,
        la_name=setting.la_name,
        establishment_type=setting.establishment_type,
        type_group=setting.type_group,
        phase=setting.phase,
        status=setting.status,
        opened_on=setting.opened_on,
        closed_on=setting.closed_on,
        postcode=setting.postcode,
    )
    settings_import(partnership=northfield.partnership, rows=[gias])
    assert "Larkfield Church of England Primary School" in shown()
    settings_import(partnership=northfield.partnership, rows=[replace(gias, postcode="NF9 9ZZ")])
    assert shown()["Larkfield Church of England Primary School"]["kind"].endswith("NF9 9ZZ")
    ParticipantFactory(
        round=round, setting=SettingFactory(partnership=northfield.partnership, name="Ash School")
    )
    assert "Ash School" in shown()
    round.deadline = timezone.localdate() + timedelta(days=30)
    save_as(round, amira)
    assert shown()["Brook Infant School"]["status"] == "In progress"  # no longer overdue


def test_each_save_of_a_participant_counts(school_round):
    """A participant's version (what its rows are kept under) goes up by one with each save,
    counted by the database: two saves made from the same reading (two requests at once) both
    count. It is not a change of its own: not in the history."""
    from assurance.core.history import save_as
    from assurance.selfassessment.rounds.models import Participant

    pk = school_round["larkfield"].pk
    before = Participant.unscoped.get(pk=pk).version
    first, second = Participant.unscoped.get(pk=pk), Participant.unscoped.get(pk=pk)
    save_as(first, None)
    second.save(update_fields=["status"])
    assert Participant.unscoped.get(pk=pk).version == before + 2
    history = Participant.history.model  # type: ignore[attr-defined]
    assert "version" not in {field.name for field in history._meta.fields}


def test_a_round_of_agencies_shows_an_agency_renamed(northfield, amira, client_for):
    """The rows of a round of agencies are not kept: an agency's name changes outside it."""
    from assurance.core.history import save_as
    from assurance.selfassessment.rounds.models import Audience
    from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory

    round = RoundFactory(partnership=northfield.partnership, audience=Audience.AGENCIES)
    ParticipantFactory(round=round, setting=None, agency=northfield.police)
    client = client_for(amira)
    assert _names(client.get(_url(round))) == [northfield.police.name]
    northfield.police.name = "Northfield Constabulary"
    save_as(northfield.police, amira)
    assert _names(client.get(_url(round))) == ["Northfield Constabulary"]


def test_the_chase_form_carries_the_filters_asked_for(school_round, amira, client_for):
    """ "Chase all that match the filters" sends the filters asked for (not the page, the sort
    or anything else in the address), and the Excel link downloads the rows they match."""
    round = school_round["round"]
    html = (
        client_for(amira)
        .get(
            _url(round), {"area": "NF1", "status": "overdue", "page": "2", "sort": "name", "x": "y"}
        )
        .content.decode()
    )
    form = html[html.index('id="chase-form"') : html.index('id="participants"')]
    assert form.count('type="hidden"') == 2
    assert '<input type="hidden" name="status" value="overdue">' in form
    assert '<input type="hidden" name="area" value="NF1">' in form
    assert f'action="{_url(round, "chase/")}"' in html
    assert f'href="{_url(round, "export.xlsx")}?status=overdue&amp;area=NF1"' in html


def test_the_counts_link_to_their_rows_and_mark_the_one_shown(school_round, amira, client_for):
    html = client_for(amira).get(_url(school_round["round"]), {"status": "overdue"}).content
    counts = html.decode().split('id="completion-counts">')[1].split("</ul>")[0]
    assert counts.count("<li>") == 4
    assert '<a class="govuk-link govuk-!-font-weight-bold" href="?status=not_started">' in counts
    assert 'href="?status=overdue" aria-current="true">Overdue: 3</a>' in counts
    assert counts.count("aria-current") == 1


def test_the_rows_are_kept_only_for_a_reader_who_sees_every_participant(
    school_round, amira, monkeypatch
):
    """The key of the kept rows does not say whom the reader sees: were the dashboard ever
    open to a reader who sees only some participants, their rows would not be kept."""
    from assurance.core import permissions
    from assurance.partnerships.access import actor_for_person
    from assurance.selfassessment.dashboard import selectors

    actor, round = actor_for_person(amira), school_round["round"]
    state = selectors.completion(actor=actor, round=round, today=timezone.localdate())
    assert selectors.rows_state(actor=actor, round=round, state=state) is not None
    narrower = dict.fromkeys(actor.roles, permissions.Scope.OWN_AGENCY)
    monkeypatch.setitem(permissions.PERMISSIONS, "self_assessment.view", narrower)
    assert selectors.rows_state(actor=actor, round=round, state=state) is None
