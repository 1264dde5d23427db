"""Search reads documents kept beside the records: they follow every save and delete, the text
of a record they repeat (an agency's name, an audit's title), and ``rebuild_search_index``
makes them afresh after writes that bypass saving."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import CommandError, call_command
from django.db import connection

from assurance.core.history import delete_as, save_as
from assurance.improvement.actions.models import Action
from assurance.improvement.learning.models import LearningItem
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.search import selectors
from assurance.search.models import SearchDocument
from assurance.search.query import parse_query
from assurance.search.selectors import search
from assurance.search.services import build_if_empty, normalise
from assurance.search.tests.conftest import Records


def _titles(person: Person, text: str) -> set[str]:
    results = search(actor=actor_for_person(person), query=parse_query(text))
    return {hit.title for hit in results[0 : len(results)]}


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("Neglect  is\nSeen Late", "neglect is seen late"),
        ("  ", ""),
        (None, ""),
        (42, "42"),
        ("Écoles", "écoles"),
    ],
)
def test_a_field_is_stored_in_lower_case_with_single_spaces(value: Any, stored: str) -> None:
    assert normalise(value) == stored


def test_a_record_saved_is_found_by_its_new_words_only(records: Records, amira: Person) -> None:
    item = records.learning
    item.title = "Chronologies arrive late"
    save_as(item, amira)
    assert "Chronologies arrive late" in _titles(amira, "arrive")
    assert "Neglect is seen late" not in _titles(amira, "neglect")
    document = SearchDocument.objects.get(kind="learning", object_id=item.pk)
    assert document.title == "Chronologies arrive late"
    assert document.head == "chronologies arrive late"


def test_a_record_deleted_is_no_longer_found(records: Records, amira: Person) -> None:
    pk = records.recommendation.pk
    records.recommendation.learning_items.clear()
    delete_as(records.recommendation, amira)
    assert not SearchDocument.objects.filter(kind="recommendation", object_id=pk).exists()
    assert "Use the neglect toolkit" not in _titles(amira, "toolkit")


def test_renaming_an_agency_rewrites_the_documents_that_name_it(
    records: Records, amira: Person, northfield: Any
) -> None:
    """Actions are found by their owner agency's name: the new name finds them, the old not."""
    police = northfield.police
    police.name = "Northfield Constabulary"
    save_as(police, amira)
    assert "Train staff in the neglect toolkit" in _titles(amira, "constabulary")
    assert "Train staff in the neglect toolkit" not in _titles(amira, "police")


def test_renaming_an_audit_rewrites_its_cases_summaries(records: Records, amira: Person) -> None:
    audit = records.audit
    audit.title = "Neglect of older children"
    save_as(audit, amira)
    document = SearchDocument.objects.get(kind="case", object_id=records.case.pk)
    assert document.summary == "In the audit Neglect of older children"


def test_rebuild_finds_records_written_without_saving_them(records: Records, amira: Person) -> None:
    LearningItem.unscoped.filter(pk=records.learning.pk).update(title="Supervision was rare")
    Action.unscoped.filter(pk=records.action.pk).update(title="Audit supervision records")
    assert not _titles(amira, "supervision")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert _titles(amira, "supervision") == {"Supervision was rare", "Audit supervision records"}
    assert "learning: 1 documents" in out.getvalue()


def test_rebuild_of_one_kind_and_a_kind_that_does_not_exist(
    records: Records, amira: Person
) -> None:
    Action.unscoped.filter(pk=records.action.pk).update(title="Audit supervision records")
    call_command("rebuild_search_index", kind=["action"], stdout=StringIO())
    assert _titles(amira, "supervision") == {"Audit supervision records"}
    with pytest.raises(CommandError, match="No kind of record called actoins: choose from"):
        call_command("rebuild_search_index", kind=["actoins"], stdout=StringIO())


def test_an_upgraded_service_builds_its_documents_once(records: Records, amira: Person) -> None:
    """After the migration that adds documents, records exist and no documents do: the
    ``post_migrate`` hook builds them; with documents present, it leaves them alone."""
    count = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    build_if_empty()
    assert SearchDocument.objects.count() == count
    assert "Neglect is seen late" in _titles(amira, "neglect")
    SearchDocument.objects.filter(kind="action").delete()
    build_if_empty()
    assert not SearchDocument.objects.filter(kind="action").exists()


@pytest.mark.postgres_only
def test_postgres_stores_each_document_s_vector_under_a_gin_index(records: Records) -> None:
    """One GIN index of the partnership and the vector (``btree_gin``, migration 0002): a
    search reads the partnership's documents holding the word, not the country's."""
    document = SearchDocument.objects.get(kind="learning", object_id=records.learning.pk)
    assert "neglect" in str(document.vector)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchdocument'"
            " AND indexname = 'search_document_scope_vector'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (partnership_id, vector)" in definition


def _plan_without_partnership_btrees(documents: Any) -> str:
    """PostgreSQL's plan of ``documents`` with the btree indexes of the partnership dropped
    (in the test's transaction) and sequential scans off: the tiny table's plan would otherwise
    read its few documents through them, and show nothing of the GIN indexes."""
    sql, params = documents.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchdocument'"
            " AND indexdef LIKE '%%btree (partnership_id%%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.postgres_only
def test_postgres_reads_the_partnership_s_documents_through_the_gin_index(
    records: Records, amira: Person
) -> None:
    """The search gives the GIN index both keys, the partnership and the words: an id compared
    as an ``integer`` would leave it the words alone (every partnership's documents). The
    btree indexes of the partnership are dropped in the test's transaction, so that the tiny
    table's plan can only show what the GIN index is given."""
    actor = actor_for_person(amira)
    words = SearchQuery("neglect", search_type="websearch", config=selectors.CONFIG)
    documents = SearchDocument.objects.filter(
        selectors._partnership_is(actor, "default"), vector=words
    )
    plan = _plan_without_partnership_btrees(documents)
    assert "search_document_scope_vector" in plan, plan
    assert "Index Cond: ((partnership_id = " in plan and "(vector @@ " in plan, plan


@pytest.mark.postgres_only
def test_postgres_reads_the_catalogue_s_documents_through_their_own_gin_index(
    records: Records,
) -> None:
    """The catalogue's documents (no partnership) are looked through by a GIN index of their
    own (migration 0003), not by the country's documents holding the word. (The btree indexes
    of the partnership are dropped in the test's transaction: the tiny table's plan would
    read its few documents through them.)"""
    words = SearchQuery("neglect", search_type="websearch", config=selectors.CONFIG)
    documents = SearchDocument.objects.filter(partnership__isnull=True, vector=words)
    plan = _plan_without_partnership_btrees(documents)
    assert "search_document_catalogue_vector" in plan, plan
    assert "search_document_scope_vector" not in plan, plan
