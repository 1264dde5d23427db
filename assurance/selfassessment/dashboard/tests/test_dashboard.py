"""The completion dashboard. Amira (business unit) sees how many schools have not started, are
in progress, have submitted and are overdue; filters them by status, phase, type and area
(postcode district); sorts them; chases two by e-mail (their leads and deputies, not the head;
Oakhurst has nobody, and is named); and downloads the table as Excel. Corinne (scrutineer)
reads it but may not chase; Priya (police auditor) may not see it; Southvale gets 404."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from assurance.selfassessment.dashboard.models import Chase

pytestmark = pytest.mark.django_db


def _url(round: Any, tail: str = "") -> str:
    return f"/p/{round.partnership.slug}/self-assessment/rounds/{round.pk}/completion/{tail}"


def _names(response: Any) -> list[str]:
    """The names in the table's rows, in order (its cells, drawn from plain values)."""
    return [row["name"] for row in response.context["cells"]]


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
    [row] = [r for r in dashboard.context["cells"] if r["pk"] == school_round["larkfield"].pk]
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
    assert [r["name"] for r in page.context["cells"]] == sorted(
        [northfield.council.name, northfield.police.name]
    )
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
    cells = client_for(amira).get(_url(round)).context["cells"]
    assert {row["name"]: row["submitted"] for row in cells}["Fairway Primary School"] == shown


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
    """The rows read for the filters as asked are read again without the value refused; the
    page says so as the form's error, in its title too."""
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


def test_what_is_read_ahead_has_a_shape_the_page_could_ask_for():
    """The filters read ahead, before the round's choices are known, keep only a status and a
    kind that could be offered: what is asked cannot add to the reads compiled and kept per
    shape of filters (one per process, whatever the values)."""
    from assurance.selfassessment.dashboard.forms import asked_filters
    from assurance.selfassessment.dashboard.selectors import Filters

    data = {"kind": "anything", "status": "lost", "phase": "Any text", "area": "ZZ9", "name": "x"}
    assert asked_filters(data, None)[0] == Filters(phase="Any text", area="ZZ9", name="x")
    kept = {"kind": "agency", "status": "overdue"}
    assert asked_filters(kept, None)[0] == Filters(kind="agency", status="overdue")
