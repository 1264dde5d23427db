"""Search finds each kind of record, only what the user may see, in a constant number of
queries. Personas: amira (Northfield business unit), priya (Northfield police auditor), kwame
(health auditor), corinne (scrutineer), dev (viewer), tamsin (Southvale business unit)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.audits.models import AuditStatus
from assurance.audits.tests.factories import AuditFactory
from assurance.core.registry import search_sources
from assurance.improvement.learning.tests.factories import LearningItemFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.search.query import parse_query
from assurance.search.selectors import search
from assurance.search.tests.conftest import Records


def _titles(person: Person, text: str, kind: str = "") -> dict[str, set[str]]:
    results = search(actor=actor_for_person(person), query=parse_query(text), kind=kind)
    found: dict[str, set[str]] = {}
    for hit in results[0 : len(results)]:
        found.setdefault(hit.kind, set()).add(hit.title)
    return found


def test_the_business_unit_finds_every_kind(records: Records, amira: Person) -> None:
    found = _titles(amira, "neglect")
    assert found["audit"] == {"Neglect deep dive"}
    assert found["learning"] == {"Neglect is seen late"}
    assert found["recommendation"] == {"Use the neglect toolkit"}
    assert found["action"] == {
        "Train staff in the neglect toolkit",
        "Health visitors use the neglect toolkit",
    }
    assert found["meeting"] == {"Northfield neglect sub-group meeting"}
    assert found["indicator"] == {"NEG-1: Children on a plan for neglect"}


def test_a_case_is_found_by_the_start_of_its_reference_in_any_case(
    records: Records, amira: Person
) -> None:
    reference = records.case.reference
    found = _titles(amira, reference[:6].lower(), kind="case")
    assert reference in found["case"]
    assert _titles(amira, reference, kind="case") == {"case": {reference}}
    assert not _titles(amira, reference[2:], kind="case")  # the middle of a reference


def test_each_result_links_to_its_record(records: Records, amira: Person) -> None:
    results = search(actor=actor_for_person(amira), query=parse_query("neglect"))
    hrefs = {hit.kind: hit.href for hit in results[0:20]}
    assert hrefs["audit"] == f"/p/northfield/audits/{records.audit.pk}/"
    assert hrefs["learning"] == f"/p/northfield/learning/{records.learning.pk}/"
    assert hrefs["meeting"].endswith(f"/{records.meeting.pk}/")
    assert hrefs["indicator"] == "/p/northfield/data-set/NEG-1/"


def test_nothing_of_another_partnership_is_found(
    records: Records, southvale_records: Any, amira: Person, tamsin: Person
) -> None:
    assert not any(
        "Southvale" in t for titles in _titles(amira, "neglect").values() for t in titles
    )
    southvale = _titles(tamsin, "neglect")
    assert southvale["audit"] == {"Southvale neglect audit"}
    assert "Northfield" not in str(southvale)
    assert not _titles(tamsin, records.case.reference)


def test_an_auditor_finds_only_her_agency_s_cases_and_returns(
    records: Records, priya: Person, kwame: Person
) -> None:
    prefix = records.case.reference.split("-")[0]
    priya_found = _titles(priya, prefix)
    assert priya_found["case"] == {records.case.reference}
    assert priya_found["agency_return"] == {
        f"Northfield Police return for case {records.case.reference}"
    }
    kwame_found = _titles(kwame, prefix)
    assert kwame_found["case"] == {records.case.reference, records.health_only_case.reference}
    assert kwame_found["agency_return"] == {
        f"Northfield Integrated Care Board return for case {records.case.reference}",
        f"Northfield Integrated Care Board return for case {records.health_only_case.reference}",
    }


def test_the_business_unit_does_not_find_an_agency_s_draft_return(
    records: Records, amira: Person
) -> None:
    """A return in draft never leaves its agency (audits.selectors.visible_returns)."""
    assert "agency_return" not in _titles(amira, records.case.reference)


def test_a_viewer_finds_published_audits_and_indicators_but_no_cases(
    records: Records, dev: Person, northfield: Any
) -> None:
    AuditFactory(partnership=northfield.partnership, title="Planned neglect audit")
    closed = AuditFactory(
        partnership=northfield.partnership,
        title="Published neglect audit",
        status=AuditStatus.CLOSED,
    )
    results = search(actor=actor_for_person(dev), query=parse_query("neglect"))
    assert {c.kind for c in results.counts} == {"audit", "indicator"}
    hits = results[0:10]
    assert {h.title for h in hits if h.kind == "audit"} == {"Published neglect audit"}
    assert [h.href for h in hits if h.kind == "audit"] == [
        f"/p/northfield/audits/{closed.pk}/report/"
    ]
    assert not _titles(dev, records.case.reference)


def test_the_scrutineer_sees_every_case_but_no_draft_return(
    records: Records, corinne: Person
) -> None:
    found = _titles(corinne, records.case.reference.split("-")[0])
    assert found["case"] == {records.case.reference, records.health_only_case.reference}
    assert "agency_return" not in found


def test_counts_by_kind_and_one_kind_chosen(records: Records, amira: Person) -> None:
    actor = actor_for_person(amira)
    results = search(actor=actor, query=parse_query("neglect toolkit"))
    counts = {c.kind: c.count for c in results.counts}
    assert counts["action"] == 2 and counts["recommendation"] == 1 and counts["audit"] == 0
    assert results.count() == 3
    only = search(actor=actor, query=parse_query("neglect toolkit"), kind="action")
    assert only.count() == 2
    assert {h.kind for h in only[0:10]} == {"action"}


def test_every_word_must_match_and_titles_come_first(records: Records, amira: Person) -> None:
    assert not _titles(amira, "neglect hovercraft")
    hits = search(actor=actor_for_person(amira), query=parse_query("toolkit"))[0:10]
    # Both actions and the recommendation have "toolkit" in the title; the meeting does not.
    assert {h.kind for h in hits} == {"action", "recommendation"}


def _queries(person: Person, text: str) -> int:
    actor = actor_for_person(person)
    with CaptureQueriesContext(connection) as captured:
        results = search(actor=actor, query=parse_query(text))
        results[0:20]
    return len(captured)


def test_queries_do_not_grow_with_the_results(
    records: Records, amira: Person, northfield: Any
) -> None:
    few = _queries(amira, "neglect")
    for n in range(30):
        LearningItemFactory(partnership=northfield.partnership, title=f"Neglect lesson {n}")
        AuditFactory(partnership=northfield.partnership, title=f"Neglect audit {n}")
    many = _queries(amira, "neglect")
    assert many == few
    # The count of every kind the business unit may see in one query, and one for the page.
    assert few == 2
    assert _queries(amira, "hovercraft") == 1  # nothing found: no page to read


@pytest.mark.postgres_only
def test_postgres_full_text_search_stems_words(records: Records, amira: Person) -> None:
    """ "neglected" finds "neglect" and "chronology" finds "Chronologies" on PostgreSQL."""
    assert "learning" in _titles(amira, "chronology")
    assert _titles(amira, "neglected")["recommendation"] == {"Use the neglect toolkit"}


def test_a_refused_search_finds_nothing_rather_than_failing(
    records: Records, amira: Person
) -> None:
    """A search that looks like an identifier (here a postcode) is refused by the query rules;
    asked anyway, the selector finds nothing (it used to raise on the empty condition)."""
    refused = parse_query("B33 8TH")
    assert not refused.ok
    results = search(actor=actor_for_person(amira), query=refused)
    assert len(results) == 0


def test_the_counts_and_the_page_asked_for_are_one_query(
    records: Records, amira: Person, northfield: Any
) -> None:
    """Given the page that will be read (the search page knows it from ``?page=``), the counts
    and that page come from one query, in the same order as read apart; another slice (a page
    number past the last) is read on its own."""
    for n in range(25):
        LearningItemFactory(partnership=northfield.partnership, title=f"Neglect lesson {n}")
    actor = actor_for_person(amira)
    query = parse_query("neglect")
    apart = search(actor=actor, query=query)
    for kind, window in (("", (0, 20)), ("", (20, 40)), ("learning", (20, 40))):
        separate = search(actor=actor, query=query, kind=kind)
        with CaptureQueriesContext(connection) as captured:
            together = search(actor=actor, query=query, kind=kind, window=window)
            page = together[window[0] : min(window[1], together.count())]
        assert len(captured) == 1
        assert together.counts == apart.counts
        assert together.count() == separate.count()
        assert page == separate[window[0] : min(window[1], separate.count())]
        assert page, "the window holds results"
    together = search(actor=actor, query=query, window=(400, 420))
    with CaptureQueriesContext(connection) as captured:
        last = together[20 : together.count()]
    assert len(captured) == 1
    assert last == apart[20 : apart.count()]


def test_the_search_page_reads_the_counts_and_its_page_in_one_query(
    records: Records, amira: Person
) -> None:
    actor = actor_for_person(amira)
    with CaptureQueriesContext(connection) as captured:
        results = search(actor=actor, query=parse_query("neglect"), window=(0, 20))
        assert results[0:20]
    assert len(captured) == 1
    with CaptureQueriesContext(connection) as captured:
        results = search(actor=actor, query=parse_query("hovercraft"), window=(0, 20))
        assert results[0:20] == []
    assert len(captured) == 1


@pytest.mark.parametrize("persona", ["amira", "priya", "corinne", "dev"])
def test_each_kind_s_visible_records_are_its_scope_alone(
    records: Records, persona: str, request: pytest.FixtureRequest
) -> None:
    """What a kind gives the search is which records the actor may see, and nothing a list
    page adds (counts, joined rows): every search plans each kind's sub-query, and the list
    pages' annotations made planning the search twice as long on PostgreSQL."""
    actor = actor_for_person(request.getfixturevalue(persona))
    for source in search_sources():
        visible = source.records(actor)
        if visible is None:
            continue
        assert not visible.query.annotations, source.kind


def _search_sql(person: Person, text: str) -> str:
    with CaptureQueriesContext(connection) as captured:
        results = search(actor=actor_for_person(person), query=parse_query(text), window=(0, 20))
        results[0:20]
    return " ".join(q["sql"] for q in captured.captured_queries)


def test_a_kind_seen_whole_is_matched_by_partnership_without_a_sub_query(
    records: Records, amira: Person, priya: Person
) -> None:
    """The business unit sees every audit, case, learning item, recommendation, action and
    meeting of the partnership: those kinds' documents are the partnership's, so the search
    asks no sub-query of their tables (each planned and hashed on every search). An auditor
    sees only her agency's cases: hers are still read through the cases' selector, and the
    returns' (the business unit's too: not every return) and indicators' (national ones
    besides the partnership's) always are."""
    whole = _search_sql(amira, "neglect")
    for table in ("audits_audit", "audits_auditcase", "improvement_learningitem"):
        assert f'"{table}"' not in whole, table
    for table in ("audits_agencyreturn", "dataset_indicator"):
        assert f'"{table}"' in whole, table
    assert '"audits_auditcase"' in _search_sql(priya, "neglect")
    # and what each finds is what their kinds' selectors give (the tests above, by role)
    assert _titles(amira, "neglect")["audit"] == {"Neglect deep dive"}


@pytest.mark.postgres_only
def test_the_words_are_made_a_text_query_once_per_search(records: Records, amira: Person) -> None:
    """ADR 054: in a plan kept for any words the text query is a sub-select run once (an
    InitPlan), not parsed again for every document checked and ranked; what is found is the
    same, stemmed and ranked."""
    from assurance.search.selectors import _matches

    actor = actor_for_person(amira)
    _, (sql, params) = _matches(actor, "neglected", ("neglected",), connection.alias)
    assert "(SELECT websearch_to_tsquery(" in sql
    assert "websearch_to_tsquery(" not in sql.replace("(SELECT websearch_to_tsquery(", "")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row for (row,) in cursor.fetchall())
    assert "InitPlan" in plan
    assert _titles(amira, "neglected")["recommendation"] == {"Use the neglect toolkit"}
