"""Each search shape's SQL is compiled once per process (roles, an agency or none, how many
words) and bound to the actor's and the search's values: for every persona and search it is
exactly the SQL the ORM compiles for them, and it finds the same records."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from assurance.core.registry import search_sources
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.search import selectors
from assurance.search.query import parse_query
from assurance.search.tests.conftest import Records

PERSONAS = ["amira", "priya", "kwame", "helen", "corinne", "dev", "tamsin"]


def _shape(actor: Any, terms: int) -> Any:
    return selectors._shape(
        "default",
        actor.roles,
        actor.person.agency_id is not None,
        terms,
        timezone.localdate(),
        tuple(map(id, search_sources())),
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_compiled_shape_is_the_query_the_orm_compiles(
    persona: str, records: Records, southvale_records: Any, request: Any
) -> None:
    actor = actor_for_person(request.getfixturevalue(persona))
    for text in ("neglect", "neglect toolkit", records.case.reference[:6], "50% a_b c\\d"):
        query = parse_query(text)
        shape = _shape(actor, len(query.terms))
        assert shape is not None, "every persona's search is compiled once"
        kinds, template = shape
        fresh_kinds, fresh = selectors._matches(actor, query.text, query.terms, "default")
        assert kinds == fresh_kinds
        assert template.bind(selectors._values(actor, query)) == fresh


def test_each_persona_finds_the_same_records_as_before(
    records: Records, amira: Person, priya: Person, dev: Person
) -> None:
    for person in (amira, priya, dev):
        actor = actor_for_person(person)
        query = parse_query("neglect")
        results = selectors.search(actor=actor, query=query)
        kinds, fresh = selectors._matches(actor, query.text, query.terms, "default")
        direct = selectors.Results(
            actor=actor,
            matches=fresh,
            sources={s.kind: s for s in search_sources() if s.kind in kinds},
        )
        assert [c.count for c in results.counts] == [c.count for c in direct.counts]
        assert results[0:20] == direct[0:20]
