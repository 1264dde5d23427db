"""A query compiled once per shape (core.compiled): bound to new values it is the query the ORM
would compile for them, and a query whose SQL depends on anything else is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from assurance.core import compiled
from assurance.partnerships.models import Partnership, Person
from assurance.partnerships.tests.factories import Tenant


def _people(values: Any) -> Any:
    return Person.unscoped.filter(
        partnership_id=values["partnership"], full_name__contains=values["word"]
    ).filter(email=values["email"])


def _fresh(values: Any) -> tuple[str, tuple[Any, ...]]:
    return _people(values).query.get_compiler(using="default").as_sql()


@pytest.mark.parametrize(
    "values",
    [
        {"partnership": 7, "word": "amira", "email": "a@b.test"},
        {"partnership": 123456, "word": "50%_off\\", "email": "qzplaceholderemailaqz"},
        {"partnership": 1, "word": "qzplaceholderemailaqz", "email": "x%y"},
    ],
)
def test_a_template_bound_to_values_is_the_query_compiled_for_them(
    db: None, values: dict[str, Any]
) -> None:
    template = compiled.template(_people, ints=("partnership",), texts=("word", "email"))
    assert template.bind(values) == _fresh(values)


def test_the_rows_are_converted_as_the_orm_converts_them(northfield: Tenant) -> None:
    def build(values: Any) -> Any:
        return Partnership.unscoped.filter(slug=values["slug"]).values_list(
            "name", "require_two_factor", "created_at"
        )

    template = compiled.template(build, texts=("slug",))
    assert template.rows({"slug": "northfield"}) == list(build({"slug": "northfield"}))
    name, two_factor, created = template.rows({"slug": "northfield"})[0]
    assert two_factor is False and created.tzinfo is not None
    assert template.rows({"slug": "nowhere"}) == []


def test_a_word_with_like_wildcards_matches_only_itself(northfield: Tenant, amira: Person) -> None:
    template = compiled.template(_people, ints=("partnership",), texts=("word", "email"))
    pk = northfield.partnership.pk
    sql, params = template.bind({"partnership": pk, "word": "Holloway", "email": amira.email})
    assert [row[0] for row in _run(sql, params)] == [amira.pk]
    sql, params = template.bind({"partnership": pk, "word": "_", "email": amira.email})
    assert _run(sql, params) == []  # an underscore is not "any one letter"


def _run(sql: str, params: Any) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_a_query_depending_on_the_time_is_refused(db: None) -> None:
    def build(values: Any) -> Any:
        return Person.unscoped.filter(pk=values["pk"], user__last_login__lt=timezone.now())

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, ints=("pk",))


def test_a_query_whose_sql_depends_on_a_value_is_refused(db: None) -> None:
    def build(values: Any) -> Any:
        people = Person.unscoped.filter(pk=values["pk"])
        return people.filter(is_active=True) if values["pk"] % 2 else people

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, ints=("pk",))


def test_a_query_built_by_reading_the_database_is_refused(northfield: Tenant) -> None:
    def build(values: Any) -> Any:
        ids = list(Partnership.unscoped.values_list("pk", flat=True))  # data, not shape
        return Person.unscoped.filter(pk=values["pk"], partnership__in=ids)

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, ints=("pk",))


def test_a_value_that_is_not_named_is_refused(db: None) -> None:
    with pytest.raises(compiled.NotCacheable):
        compiled.template(lambda values: Person.unscoped.filter(pk=values["pk"] + 1), ints=("pk",))


def test_placeholder_names_are_plain(db: None) -> None:
    with pytest.raises(ValueError, match="lower-case"):
        compiled.template(_people, ints=("partnership",), texts=("a_word", "email"))
