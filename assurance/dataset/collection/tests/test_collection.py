"""Quarterly collection end to end: the web form, sign-off and unlock, the business unit's
completeness and timeliness, chasing, publishing, revisions, the Excel workbook and the API.

Helen leads for the police: she sees only the police indicators and enters them; Farah leads
for the council and must not see the police's unpublished values; Amira runs the business unit.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from rest_framework.authtoken.models import Token

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.collection import services
from assurance.dataset.collection.models import (
    AgencySignOff,
    CollectionRound,
    IndicatorValue,
    Revision,
)
from assurance.dataset.collection.rules import Entry
from assurance.dataset.collection.selectors import (
    agency_indicators,
    changed_since_sign_off,
    partnership_series,
    round_progress,
)
from assurance.dataset.collection.tests.factories import (
    CollectionRoundFactory,
    IndicatorValueFactory,
)
from assurance.dataset.targets.tests.factories import IndicatorSettingFactory
from assurance.partnerships.access import actor_for_person

POLICE = ["POL-MISSING", "POL-RHI72", "POL-DA-CHILD"]


def _round(tenant, *, start=date(2026, 4, 1), due=None, status="open") -> CollectionRound:
    return CollectionRoundFactory(
        partnership=tenant.partnership,
        start=start,
        due_on=due or timezone.localdate() + timedelta(days=10),
        status=status,
    )


@pytest.fixture
def open_round(northfield, catalogue):
    return _round(northfield)


GOOD = {
    "POL-MISSING-numerator": "84",
    "POL-RHI72-numerator": "61",
    "POL-RHI72-denominator": "84",
    "POL-DA-CHILD-numerator": "233",
}


def test_each_agency_sees_exactly_its_sector_s_agency_returns(northfield, catalogue):
    police = {
        i.code
        for i in agency_indicators(
            agency=northfield.police, frequency="quarterly", period_start=date(2026, 4, 1)
        )
    }
    council = {
        i.code
        for i in agency_indicators(
            agency=northfield.council, frequency="quarterly", period_start=date(2026, 4, 1)
        )
    }
    assert police == set(POLICE)
    assert "CSC-REREF" in council and "CSC-CLA-START-RATE" not in council  # national stats
    assert not police & council


def test_lead_enters_values_on_the_form_and_the_rate_is_computed(open_round, helen, client_for):
    client = client_for(helen)
    url = f"/p/northfield/data-set/collection/{open_round.pk}/values/"
    html = client.get(url).content.decode()
    assert "Return-home interviews" in html or "POL-RHI72" in html
    assert "CSC-REF" not in html  # the council's indicators are not hers
    response = client.post(url, GOOD)
    assert response.status_code == 302
    value = IndicatorValue.objects_for(northfield_p(helen)).get(indicator__code="POL-RHI72")
    assert value.value == Decimal("72.6190")  # 61 / 84, computed
    assert value.entered_by == helen and value.history.count() == 1


def northfield_p(person):
    return person.partnership


def test_a_bad_form_names_each_indicator_and_saves_nothing(open_round, helen, client_for):
    client = client_for(helen)
    url = f"/p/northfield/data-set/collection/{open_round.pk}/values/"
    response = client.post(
        url,
        {
            "POL-MISSING-numerator": "-4",
            "POL-RHI72-numerator": "90",
            "POL-RHI72-denominator": "84",
            "POL-DA-CHILD-numerator": "233",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "POL-MISSING (Missing" in html and "must be 0 or more" in html
    assert "POL-RHI72" in html and "between 0 and 100" in html
    assert 'href="#id_POL-MISSING-numerator"' in html
    assert not IndicatorValue.objects_for(helen.partnership).exists()  # not even POL-DA-CHILD


def test_commentary_against_target_and_outlier_confirmation(open_round, helen, northfield):
    IndicatorSettingFactory(
        partnership=northfield.partnership,
        indicator=Indicator.objects.get(code="POL-RHI72"),
        business_year=2026,
        target=Decimal(80),
    )
    actor = actor_for_person(helen)
    entries = {"POL-RHI72": Entry("61", "84")}
    with pytest.raises(services.CollectionProblems) as caught:
        services.values_save(
            actor=actor, round=open_round, agency=northfield.police, entries=entries
        )
    assert caught.value.problems[0][1].field == "commentary"
    assert "below the target of 80.0" in caught.value.problems[0][1].message
    entries = {"POL-RHI72": Entry("61", "84", "Two officers were redeployed.")}
    services.values_save(actor=actor, round=open_round, agency=northfield.police, entries=entries)


def test_outlier_against_the_series_history_asks_for_confirmation(northfield, catalogue, helen):
    actor = actor_for_person(helen)
    history = [80, 84, 79, 83, 81, 78, 82, 80]
    start = date(2024, 4, 1)
    for figure in history:
        round = _round(northfield, start=start, status="published")
        IndicatorValueFactory(
            round=round,
            indicator=Indicator.objects.get(code="POL-MISSING"),
            agency=northfield.police,
            numerator=figure,
            value=figure,
            entered_by=helen,
        )
        start = round.period_end + timedelta(days=1)
    current = _round(northfield, start=start)
    entries = {"POL-MISSING": Entry("160", commentary="A new recording system.")}
    with pytest.raises(services.CollectionProblems) as caught:
        services.values_save(actor=actor, round=current, agency=northfield.police, entries=entries)
    ((code, problem),) = caught.value.problems
    assert code == "POL-MISSING" and problem.kind == "confirm"
    entries = {
        "POL-MISSING": Entry("160", commentary="A new recording system.", confirmed_outlier=True)
    }
    services.values_save(actor=actor, round=current, agency=northfield.police, entries=entries)
    saved = IndicatorValue.objects_for(northfield.partnership).get(round=current)
    assert saved.confirmed_outlier


def test_sign_off_locks_unlock_needs_a_reason_and_changes_are_counted(
    open_round, helen, amira, northfield, client_for
):
    lead = client_for(helen)
    base = f"/p/northfield/data-set/collection/{open_round.pk}/"
    lead.post(base + "values/", {"POL-MISSING-numerator": "84"})
    response = lead.post(base + "sign-off/")
    assert response.status_code == 400 and "enter a value before signing off" in (
        response.content.decode()
    )
    lead.post(base + "values/", GOOD)
    assert lead.post(base + "sign-off/").status_code == 302
    sign_off = AgencySignOff.objects_for(northfield.partnership).get()
    assert sign_off.is_locked and sign_off.signed_by == helen
    # locked: saving again changes nothing
    lead.post(base + "values/", {**GOOD, "POL-MISSING-numerator": "90"})
    assert (
        IndicatorValue.objects_for(northfield.partnership).get(indicator__code="POL-MISSING").value
        == 84
    )
    bu = client_for(amira)
    unlock = base + f"agencies/{northfield.police.pk}/unlock/"
    assert "Enter why you are unlocking" in bu.post(unlock, {"reason": ""}).content.decode()
    assert (
        bu.post(unlock, {"reason": "The missing count double-counted one child."}).status_code
        == 302
    )
    history = bu.get(base + f"agencies/{northfield.police.pk}/sign-off-history/").content.decode()
    assert "double-counted one child" in history
    lead.post(base + "values/", {**GOOD, "POL-MISSING-numerator": "83"})
    assert changed_since_sign_off(round=open_round, agency=northfield.police) == 1
    page = lead.get(base + "sign-off/").content.decode()
    assert "1 value changed since the last sign-off" in page
    assert "double-counted" in page


def test_business_unit_sees_completeness_and_timeliness_and_chases(
    northfield, catalogue, helen, farah, amira, client_for, mailoutbox
):
    round = _round(northfield, due=timezone.localdate() - timedelta(days=3))
    services.values_save(
        actor=actor_for_person(helen),
        round=round,
        agency=northfield.police,
        entries={
            code: Entry(*v)
            for code, v in {
                "POL-MISSING": ("84",),
                "POL-RHI72": ("61", "84"),
                "POL-DA-CHILD": ("233",),
            }.items()
        },
    )
    services.round_sign_off(actor=actor_for_person(helen), round=round, agency=northfield.police)
    progress = round_progress(round=round)
    by_agency = {p.agency.pk: p for p in progress.agencies}
    police, council = by_agency[northfield.police.pk], by_agency[northfield.council.pk]
    assert (police.reported, police.expected, police.completeness) == (3, 3, 100.0)
    assert police.on_time is False  # signed off after the due date
    assert council.reported == 0 and council.on_time is False
    assert progress.expected == sum(p.expected for p in progress.agencies)
    page = client_for(amira).get(f"/p/northfield/data-set/collection/{round.pk}/").content.decode()
    assert "Timeliness" in page and "Late" in page
    response = client_for(amira).post(
        f"/p/northfield/data-set/collection/{round.pk}/agencies/{northfield.council.pk}/chase/"
    )
    assert response.status_code == 302
    assert mailoutbox[0].to == [farah.email] and "0 of the" in mailoutbox[0].body


def test_publish_puts_values_in_the_series_and_revisions_keep_the_old_value(
    northfield, catalogue, helen, amira, client_for
):
    rounds = []
    for start, figure in [(date(2026, 4, 1), "84"), (date(2026, 7, 1), "91")]:
        round = _round(northfield, start=start)
        services.values_save(
            actor=actor_for_person(helen),
            round=round,
            agency=northfield.police,
            entries={"POL-MISSING": Entry(figure, commentary="Checked.")},
        )
        rounds.append(round)
    assert (
        partnership_series(
            partnership=northfield.partnership, indicator=Indicator.objects.get(code="POL-MISSING")
        )
        == []
    )  # nothing published yet
    client = client_for(amira)
    client.post(f"/p/northfield/data-set/collection/{rounds[0].pk}/publish/")
    rounds[0].refresh_from_db()
    assert rounds[0].is_published
    value = IndicatorValue.objects_for(northfield.partnership).get(round=rounds[0])
    revise = f"/p/northfield/data-set/collection/values/{value.pk}/revise/"
    assert client.get(revise).status_code == 403  # the business unit does not submit
    lead = client_for(helen)
    assert (
        "Enter why the value is being revised"
        in lead.post(revise, {"numerator": "86"}).content.decode()
    )
    assert lead.post(revise, {"numerator": "86", "reason": "Two late records."}).status_code == 302
    revision = Revision.objects_for(northfield.partnership).get()
    assert (revision.old_value, revision.new_value, revision.revised_by) == (84, 86, helen)
    series = partnership_series(
        partnership=northfield.partnership, indicator=Indicator.objects.get(code="POL-MISSING")
    )
    assert [(p.time_period, p.value, p.revised) for p in series] == [("Q1 2026/27", 86, True)]
    assert series[0].revisions[0].reason == "Two late records."
    api = client.get("/api/v1/partnerships/northfield/indicators/POL-MISSING/series").json()
    (point,) = api["points"]  # the second round is still open
    assert (point["time_period"], point["value"], point["revised"]) == (
        "Q1 2026/27",
        "86.0000",
        True,
    )
    assert point["revisions"][0]["old_value"] == "84.0000"
    assert point["commentary"] == [{"agency": northfield.police.short_name, "text": "Checked."}]


def test_values_wait_for_the_round_to_open(northfield, catalogue, helen):
    round = _round(northfield, start=timezone.localdate())  # opens after the quarter ends
    with pytest.raises(services.ValidationError, match="opens on"):
        services.values_save(
            actor=actor_for_person(helen),
            round=round,
            agency=northfield.police,
            entries={"POL-MISSING": Entry("84")},
        )


def test_leads_see_only_their_own_agency(open_round, helen, farah, amira, client_for, northfield):
    services.values_save(
        actor=actor_for_person(helen),
        round=open_round,
        agency=northfield.police,
        entries={"POL-MISSING": Entry("84")},
    )
    police_page = (
        f"/p/northfield/data-set/collection/{open_round.pk}/agencies/{northfield.police.pk}/"
    )
    assert client_for(farah).get(police_page).status_code == 404
    assert client_for(helen).get(police_page).status_code == 200
    assert client_for(amira).get(police_page).status_code == 200
    assert (
        client_for(amira)
        .get(f"/p/northfield/data-set/collection/{open_round.pk}/values/")
        .status_code
        == 403
    )
    with pytest.raises(services.PermissionDenied):
        services.values_save(
            actor=actor_for_person(farah),
            round=open_round,
            agency=northfield.police,
            entries={"POL-MISSING": Entry("1")},
        )


def _fill(content: bytes, cells: dict[str, object]) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["Values"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    for key, value in cells.items():
        code, column = key.rsplit(":", 1)
        sheet[f"{column}{rows[code]}"] = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_workbook_round_trip_rejects_a_bad_upload_whole(open_round, helen, client_for, northfield):
    client = client_for(helen)
    base = f"/p/northfield/data-set/collection/{open_round.pk}/"
    download = client.get(base + "workbook.xlsx")
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content))["Values"]
    assert [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)] == POLICE
    bad = _fill(
        download.content,
        {
            "POL-MISSING:E": "eighty",
            "POL-RHI72:E": 90,
            "POL-RHI72:F": 84,
            "POL-DA-CHILD:E": 233,
            "POL-DA-CHILD:H": "Perhaps",
        },
    )
    upload = io.BytesIO(bad)
    upload.name = "police.xlsx"
    response = client.post(base + "upload/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sheet Values, row 2, column E: POL-MISSING" in html and "must be a number" in html
    assert "Sheet Values, row 3, column E: POL-RHI72" in html
    assert "Sheet Values, row 4, column H: POL-DA-CHILD: enter Yes or No" in html
    assert html.index("row 2, column E") < html.index("row 3, column E") < html.index("row 4")
    assert not IndicatorValue.objects_for(northfield.partnership).exists()
    good = _fill(
        download.content,
        {"POL-MISSING:E": 84, "POL-RHI72:E": 61, "POL-RHI72:F": 84, "POL-DA-CHILD:E": 233},
    )
    upload = io.BytesIO(good)
    upload.name = "police.xlsx"
    assert client.post(base + "upload/", {"file": upload}).status_code == 302
    values = IndicatorValue.objects_for(northfield.partnership)
    assert values.count() == 3 and {v.entered_via for v in values} == {"workbook"}
    # the next download is pre-filled with what is saved
    again = load_workbook(io.BytesIO(client.get(base + "workbook.xlsx").content))["Values"]
    assert again["E3"].value == 61 and again["F3"].value == 84


def _upload(client, url: str, content: bytes):
    upload = io.BytesIO(content)
    upload.name = "police.xlsx"
    return client.post(url, {"file": upload})


def test_an_old_workbook_never_overwrites_a_later_change(open_round, helen, client_for, northfield):
    """Helen downloads the police workbook; a colleague then corrects POL-MISSING on the web.
    Uploading her old copy would silently undo that: it is refused whole, naming the row, who
    changed it and when; a fresh download uploads. A workbook without versions (made before
    they were written) is still accepted."""
    client = client_for(helen)
    base = f"/p/northfield/data-set/collection/{open_round.pk}/"
    first = client.get(base + "workbook.xlsx").content
    sheet = load_workbook(io.BytesIO(first))["Values"]
    assert sheet["I1"].value == "Saved version (do not change)"
    assert sheet.column_dimensions["I"].hidden
    assert _upload(client, base + "upload/", _fill(first, {"POL-MISSING:E": 84})).status_code == 302
    stale = client.get(base + "workbook.xlsx").content  # POL-MISSING saved: 84
    services.values_save(
        actor=actor_for_person(helen),
        round=open_round,
        agency=northfield.police,
        entries={"POL-MISSING": Entry("86", commentary="Corrected after a recount.")},
    )
    response = _upload(
        client, base + "upload/", _fill(stale, {"POL-RHI72:E": 61, "POL-RHI72:F": 84})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sheet Values, row 2: POL-MISSING was changed by" in html
    assert "after this workbook was downloaded" in html
    values = IndicatorValue.objects_for(northfield.partnership)
    assert values.get(indicator__code="POL-MISSING").numerator == 86
    assert not values.filter(indicator__code="POL-RHI72").exists(), "nothing saved"
    fresh = client.get(base + "workbook.xlsx").content
    ok = _upload(client, base + "upload/", _fill(fresh, {"POL-RHI72:E": 61, "POL-RHI72:F": 84}))
    assert ok.status_code == 302
    assert values.get(indicator__code="POL-MISSING").numerator == 86
    assert values.filter(indicator__code="POL-RHI72").exists()
    # A value removed on the web since the download is a change too.
    latest = client.get(base + "workbook.xlsx").content
    services.values_save(
        actor=actor_for_person(helen),
        round=open_round,
        agency=northfield.police,
        entries={"POL-RHI72": Entry()},
    )
    response = _upload(client, base + "upload/", latest)
    assert "Sheet Values, row 3: POL-RHI72 was removed" in response.content.decode()
    # Workbooks from before versions: no version column, no check.
    workbook = load_workbook(io.BytesIO(stale))
    workbook["Values"].delete_cols(9)
    old = io.BytesIO()
    workbook.save(old)
    assert _upload(client, base + "upload/", old.getvalue()).status_code == 302


def test_api_submission_with_a_token_uses_the_same_rules(open_round, helen, amira, northfield):
    from django.test import Client

    token = Token.objects.create(user=helen.user)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = f"/api/v1/collection/rounds/{open_round.pk}/values"
    bad = api.post(
        url,
        {
            "values": [
                {"indicator": "POL-RHI72", "numerator": "90", "denominator": "84"},
                {"indicator": "CSC-REF", "numerator": "10"},
            ]
        },
        content_type="application/json",
    )
    assert bad.status_code == 400
    problems = bad.json()["problems"]
    assert [p["indicator"] for p in problems] == ["POL-RHI72", "CSC-REF"]
    assert not IndicatorValue.objects_for(northfield.partnership).exists()
    good = api.post(
        url,
        {
            "values": [
                {"indicator": "POL-RHI72", "numerator": 61, "denominator": 84},
                {"indicator": "POL-MISSING", "numerator": "84"},
            ]
        },
        content_type="application/json",
    )
    assert good.status_code == 200, good.content
    body = good.json()
    assert body["saved"] == 2
    assert {v["indicator"]: v["value"] for v in body["values"]}["POL-RHI72"] == "72.6190"
    # the business unit reads every agency's values but cannot submit
    bu = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=amira.user).key}")
    assert len(bu.get(url).json()["values"]) == 2
    assert bu.post(url, {"values": []}, content_type="application/json").status_code == 403
    schema = Client(HTTP_AUTHORIZATION=f"Token {token.key}").get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/collection/rounds/{id}/values"]["post"]
    assert operation["operationId"] == "collection_round_values_submit"


def test_home_page_to_dos_for_a_lead_and_the_business_unit(northfield, catalogue, helen, amira):
    from assurance.core.registry import todos_for

    round = _round(northfield, due=timezone.localdate() - timedelta(days=1))
    mine = [t for t in todos_for(actor_for_person(helen)) if "data set values" in t.text]
    assert [t.status for t in mine] == ["Overdue"] and round.period.short_label in mine[0].text
    (chase,) = [t for t in todos_for(actor_for_person(amira)) if "data set values" in t.text]
    # council, police and health board: the learning trust (sector "other" here) owes nothing,
    # as the partnership's own training record is proposed to the council
    assert chase.text.startswith("Chase the agencies late") and chase.count == 3
    services.values_save(
        actor=actor_for_person(helen),
        round=round,
        agency=northfield.police,
        entries={
            "POL-MISSING": Entry("84"),
            "POL-RHI72": Entry("61", "84"),
            "POL-DA-CHILD": Entry("233"),
        },
    )
    services.round_sign_off(actor=actor_for_person(helen), round=round, agency=northfield.police)
    assert not [t for t in todos_for(actor_for_person(helen)) if "data set values" in t.text]


def test_round_pages_queries_do_not_grow_with_rounds_or_indicators(
    northfield, catalogue, helen, amira, client_for
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(client, url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    bu, lead = client_for(amira), client_for(helen)
    first = _round(northfield, start=date(2025, 4, 1), status="published")
    services.values_save(
        actor=actor_for_person(helen),
        round=_round(northfield),
        agency=northfield.police,
        entries={},
    )
    rounds_url = "/p/northfield/data-set/collection/"
    round_url = f"/p/northfield/data-set/collection/{first.pk}/"
    for client in (bu, lead):  # warm up: sessions, content types
        count(client, rounds_url)
    before = (count(bu, rounds_url), count(lead, rounds_url), count(bu, round_url))
    for start in (date(2024, 4, 1), date(2024, 7, 1), date(2024, 10, 1), date(2025, 1, 1)):
        round = _round(northfield, start=start, status="published")
        for code, figure in (("POL-MISSING", "80"), ("POL-DA-CHILD", "400")):
            IndicatorValueFactory(
                round=round,
                indicator=Indicator.objects.get(code=code),
                agency=northfield.police,
                numerator=Decimal(figure),
                value=Decimal(figure),
                entered_by=helen,
            )
    after = (count(bu, rounds_url), count(lead, rounds_url), count(bu, round_url))
    assert after == before


def test_business_unit_opens_quarterly_monthly_and_annual_rounds(
    northfield, catalogue, amira, client_for
):
    client = client_for(amira)
    url = "/p/northfield/data-set/collection/new/"
    form = {
        "frequency": "quarterly",
        "business_year": "2026",
        "number": "3",
        "opens_on": "2027-01-01",
        "due_on": "2027-01-31",
        "change_percent": "20",
    }
    assert client.post(url, form).status_code == 302
    assert "already a round for Q3 2026/27" in client.post(url, form).content.decode()
    assert client.post(url, {**form, "frequency": "monthly", "number": "12"}).status_code == 302
    assert client.post(url, {**form, "frequency": "annual", "number": "4"}).status_code == 302
    bad = client.post(url, {**form, "frequency": "monthly", "number": "1", "due_on": "2026-12-01"})
    assert "The due date must be on or after" in bad.content.decode()
    rounds = {
        (r.frequency, r.period_start.isoformat(), r.period_end.isoformat())
        for r in CollectionRound.objects_for(northfield.partnership)
    }
    assert rounds == {
        ("quarterly", "2026-10-01", "2026-12-31"),
        ("monthly", "2027-03-01", "2027-03-31"),
        ("annual", "2026-04-01", "2027-03-31"),
    }
