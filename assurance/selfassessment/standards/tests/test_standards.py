"""How a round's submitted returns rate each standard, read by those who may: Amira (business
unit) and Corinne (scrutineer) see the standards' figures, the heat map and the API; Priya (a
police auditor) is refused (403); Tamsin (Southvale) finds nothing (404). A draft counts
nowhere; the change is since last year's round of the same tool."""

from __future__ import annotations

from typing import Any

import pytest

from assurance.core.stats import wilson_interval
from assurance.partnerships.access import actor_for_person
from assurance.selfassessment.standards import selectors

pytestmark = pytest.mark.django_db


def by_code(figures: selectors.RoundStandards) -> dict[str, Any]:
    return {s.code: s for s in figures.standards}


def test_each_standards_proportion_interval_and_change(rounds, amira):
    figures = selectors.round_standards(actor=actor_for_person(amira), round=rounds["round"])
    assert figures.returns == 3 and figures.participants == 5
    assert figures.previous == rounds["last"]
    assert figures.labels == ["Fully met", "Partly met", "Not met"]
    standards = by_code(figures)
    assert len(standards) == 14
    first = standards["1.1"]
    # Fairway's draft (everything Not met) is not counted
    assert dict(first.counts) == {"Fully met": 1, "Partly met": 1, "Not met": 1}
    assert (first.met, first.n) == (1, 3)
    interval = wilson_interval(1, 3)
    assert (first.ci_low, first.ci_high) == (interval.low, interval.high)
    assert first.previous_proportion == pytest.approx(0.25)
    assert first.change == pytest.approx(1 / 3 - 0.25)
    assert first.change_text == "Up 8 points (could be chance)"
    other = standards["1.2"]
    assert (other.met, other.n) == (3, 3) and other.previous_proportion == 1.0
    assert other.change_text == "No change"


def test_a_round_with_no_earlier_round(rounds, amira):
    figures = selectors.round_standards(actor=actor_for_person(amira), round=rounds["last"])
    assert figures.previous is None and figures.returns == 4
    first = by_code(figures)["1.1"]
    assert (first.met, first.n) == (1, 4)
    assert first.change_text == "Not in the last round"


def test_the_standards_page(rounds, amira, corinne, priya, tamsin, client_for):
    round = rounds["round"]
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/standards/"
    html = client_for(amira).get(url).content.decode()
    assert "From the 3 submitted returns of 5 taking part" in html
    assert "33% (1 of 3)" in html and "Up 8 points (could be chance)" in html
    assert client_for(corinne).get(url).status_code == 200
    assert client_for(priya).get(url).status_code == 403
    assert client_for(tamsin).get(url.replace("northfield", "southvale")).status_code == 404


def test_the_heat_map_groups_and_lists_the_submitted_returns(rounds, amira, client_for):
    round = rounds["round"]
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/heat-map/"
    html = client_for(amira).get(url).content.decode()
    groups = html.split('id="heat-map-groups"')[1].split("</table>")[0]
    # by phase: two primaries (1.1 met by neither), one secondary (met)
    assert 'Primary<br><span class="govuk-body-s">2 returns</span>' in groups
    assert 'Secondary<br><span class="govuk-body-s">1 return</span>' in groups
    assert "0% meet it (0 of 2)" in groups and "100% meet it (1 of 1)" in groups
    organisations = html.split('id="heat-map-organisations"')[1].split("</table>")[0]
    assert "3 submitted returns" in organisations
    assert "Larkfield Primary School" in organisations
    assert "Fairway Primary School" not in organisations  # a draft
    assert "Meadow Primary School" not in organisations
    # each cell says its rating in words beside the coloured mark
    larkfield = organisations.split("Larkfield Primary School")[1].split("</tr>")[0]
    assert 'govuk-tag--red app-heat__tag" aria-hidden="true">N</strong>' in larkfield
    assert '<span class="govuk-visually-hidden">Not met</span>' in larkfield
    assert larkfield.count("Fully met</span>") == 13
    assert f'href="/p/northfield/self-assessment/returns/{rounds["larkfield"].pk}/"' in html


@pytest.mark.parametrize(
    ("query", "rows", "group"),
    [
        ("?by=type_group", 3, "Academies<br>"),
        ("?phase=Secondary", 1, "Primary<br>"),
        ("?name=brook", 1, "Primary<br>"),
        ("?phase=Tertiary", 3, "Primary<br>"),  # not a choice: ignored
    ],
)
def test_heat_map_filters_and_grouping(rounds, amira, client_for, query, rows, group):
    round = rounds["round"]
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/heat-map/{query}"
    html = client_for(amira).get(url).content.decode()
    organisations = html.split('id="heat-map-organisations"')[1].split("</table>")[0]
    assert organisations.count('<th scope="row"') == rows
    assert group in html.split('id="heat-map-groups"')[1].split("</table>")[0]


def test_heat_map_permissions(rounds, corinne, priya, tamsin, client_for):
    url = f"/p/northfield/self-assessment/rounds/{rounds['round'].pk}/heat-map/"
    assert client_for(corinne).get(url).status_code == 200
    assert client_for(priya).get(url).status_code == 403
    assert client_for(tamsin).get(url.replace("northfield", "southvale")).status_code == 404


def test_the_standards_api(rounds, amira, priya, tamsin, client_for):
    round = rounds["round"]
    url = f"/api/v1/self-assessments/rounds/{round.pk}/standards"
    body = client_for(amira).get(url).json()
    assert body["returns"] == 3 and body["participants"] == 5
    assert body["previous_round"] == {
        "id": rounds["last"].pk,
        "year": rounds["last"].year,
        "tool": str(rounds["last"].framework),
    }
    first = body["standards"][0]
    assert first["code"] == "1.1" and first["title"]
    assert first["counts"] == [
        {"rating": "Fully met", "count": 1},
        {"rating": "Partly met", "count": 1},
        {"rating": "Not met", "count": 1},
    ]
    interval = wilson_interval(1, 3)
    assert (first["met"], first["n"]) == (1, 3)
    assert first["proportion"] == pytest.approx(1 / 3)
    assert first["ci_low"] == pytest.approx(interval.low)
    assert first["ci_high"] == pytest.approx(interval.high)
    assert first["previous_proportion"] == pytest.approx(0.25)
    assert first["change"] == pytest.approx(1 / 3 - 0.25)
    assert client_for(priya).get(url).status_code == 403
    assert client_for(tamsin).get(url).status_code == 404
    missing = "/api/v1/self-assessments/rounds/999999/standards"
    assert client_for(amira).get(missing).status_code == 404


def test_the_schema_describes_the_standards_endpoint(client_for, amira):
    schema = client_for(amira).get("/api/v1/openapi.json").json()
    assert "/api/v1/self-assessments/rounds/{id}/standards" in schema["paths"]
    fields = schema["components"]["schemas"]["SelfAssessmentStandard"]["properties"]
    for name in ("code", "title", "counts", "met", "n", "proportion", "ci_low", "ci_high"):
        assert name in fields, name


def test_the_heat_maps_form_and_standards_are_drawn_once_per_what_they_show(
    rounds, amira, client_for
):
    """The filter form and the list of standards come drawn from the cache on the next
    request (ADR 032); other values asked for draw the form anew, with what was asked."""
    round = rounds["round"]
    client = client_for(amira)
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/heat-map/"

    def form_templates(response) -> int:  # type: ignore[no-untyped-def]
        return sum(t.name.startswith("forms/") or "field" in t.name for t in response.templates)

    first = client.get(url)
    assert form_templates(first) > 0
    again = client.get(url)
    assert form_templates(again) == 0

    def part(response, mark: str, end: str) -> str:  # type: ignore[no-untyped-def]
        return response.content.decode().split(mark)[1].split(end)[0]

    for mark, end in (('id="heat-map-filters"', "</form>"), ("The standards", "</details>")):
        assert part(again, mark, end) == part(first, mark, end)
    asked = client.get(url + "?by=type_group")
    assert form_templates(asked) > 0
    filters = asked.content.decode().split('id="heat-map-filters"')[1].split("</form>")[0]
    assert 'value="type_group" selected' in filters
    assert '<dt class="govuk-summary-list__key">' in asked.content.decode()  # the standards


def test_a_frozen_tools_standards_are_read_once(rounds, django_assert_num_queries):
    """A version with assessments never changes: its standards are read once and kept; a
    version still being written is read each time."""
    from assurance.selfassessment.standards.selectors import tool_standards

    framework = rounds["round"].framework
    # as the first return's assessment does (frameworks.assessments; the factory makes them
    # directly)
    type(framework).unscoped.filter(pk=framework.pk).update(is_frozen=True)
    framework.refresh_from_db()
    first = tool_standards(framework=framework)
    with django_assert_num_queries(0):
        assert tool_standards(framework=framework) == first
    framework.is_frozen = False
    with django_assert_num_queries(2):
        assert tool_standards(framework=framework) == first


def test_the_heat_maps_groups_are_worked_out_once_per_state_of_the_submitted_returns(
    rounds, amira, client_for
):
    """The groups' figures and the filters' choices are kept for the submitted returns as they
    are (ADR 032): the next request does not read the answers by group; a return unlocked
    leaves the figures at once, and a school re-imported in another phase regroups them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assurance.selfassessment.returns.models import SelfAssessmentReturn
    from assurance.selfassessment.settings.services import settings_import
    from assurance.selfassessment.settings.tests.factories import gias_row_of

    round = rounds["round"]
    client = client_for(amira)
    url = f"/p/northfield/self-assessment/rounds/{round.pk}/heat-map/"

    def groups() -> tuple[bool, str]:
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        by_group = any(
            '"frameworks_answer"' in q["sql"] and "GROUP BY" in q["sql"] for q in captured
        )
        return by_group, html.split('id="heat-map-groups"')[1].split("</table>")[0]

    primary = 'Primary<br><span class="govuk-body-s">{}</span>'
    read, first = groups()
    assert read and primary.format("2 returns") in first
    read, again = groups()
    assert not read and again == first
    # unlocked (as ``returns.services.return_unlock`` does): out of the figures at once
    SelfAssessmentReturn.unscoped.filter(participant=rounds["larkfield"]).update(submitted_at=None)
    read, unlocked = groups()
    assert read and primary.format("1 return") in unlocked
    # a school re-imported in another phase: regrouped at once
    reimported = gias_row_of(rounds["brook"].setting, phase="Nursery")
    settings_import(partnership=round.partnership, rows=[reimported])
    read, regrouped = groups()
    assert read and "Nursery<br>" in regrouped
