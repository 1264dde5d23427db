"""A query compiled once per shape (core.compiled): bound to new values it is the query the ORM
would compile for them, and a query whose SQL depends on anything else is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from assurance.core import compiled


def _types(values: Any) -> Any:
    return ContentType.objects.filter(
        pk__gt=values["above"], model__contains=values["word"]
    ).filter(app_label=values["app"])


def _fresh(values: Any) -> tuple[str, tuple[Any, ...]]:
    return _types(values).query.get_compiler(using="default").as_sql()


def _template() -> compiled.Template:
    return compiled.template(_types, ints=("above",), texts=("word", "app"))


@pytest.mark.parametrize(
    "values",
    [
        {"above": 7, "word": "person", "app": "partnerships"},
        {"above": 123456, "word": "50%_off\\", "app": "qzplaceholderappaqz"},
        {"above": 0, "word": "qzplaceholderappaqz", "app": "x%y"},
    ],
)
def test_a_template_bound_to_values_is_the_query_compiled_for_them(
    db: None, values: dict[str, Any]
) -> None:
    assert _template().bind(values) == _fresh(values)


def test_the_rows_are_converted_as_the_orm_converts_them(db: None) -> None:
    expires = timezone.now() + timedelta(days=1)
    Session.objects.create(session_key="k" * 32, session_data="{}", expire_date=expires)

    def build(values: Any) -> Any:
        return Session.objects.filter(session_key=values["key"]).values_list(
            "session_data", "expire_date"
        )

    template = compiled.template(build, texts=("key",))
    assert template.rows({"key": "k" * 32}) == list(build({"key": "k" * 32}))
    data, expire_date = template.rows({"key": "k" * 32})[0]
    assert data == "{}" and expire_date == expires and expire_date.tzinfo is not None
    assert template.rows({"key": "nowhere"}) == []


def test_a_word_with_like_wildcards_matches_only_itself(db: None) -> None:
    person = ContentType.objects.get(app_label="partnerships", model="person")
    sql, params = _template().bind({"above": 0, "word": "erso", "app": "partnerships"})
    assert person.pk in [row[0] for row in _run(sql, params)]
    sql, params = _template().bind({"above": 0, "word": "p_rson", "app": "partnerships"})
    assert _run(sql, params) == []  # an underscore is not "any one letter"
    sql, params = _template().bind({"above": 0, "word": "%", "app": "partnerships"})
    assert _run(sql, params) == []  # nor a per cent sign "anything"


def _run(sql: str, params: Any) -> list[Any]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_a_query_depending_on_the_time_is_refused(db: None) -> None:
    def build(values: Any) -> Any:
        return Session.objects.filter(session_key=values["key"], expire_date__gt=timezone.now())

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, texts=("key",))


def test_a_query_whose_sql_depends_on_a_value_is_refused(db: None) -> None:
    def build(values: Any) -> Any:
        types = ContentType.objects.filter(pk=values["pk"])
        return types.filter(app_label="auth") if values["pk"] > -1_050_000_000 else types

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, ints=("pk",))


def test_a_query_built_by_reading_the_database_is_refused(db: None) -> None:
    def build(values: Any) -> Any:
        ids = list(ContentType.objects.values_list("pk", flat=True)[:3])  # data, not shape
        return ContentType.objects.filter(pk=values["pk"]).exclude(pk__in=ids)

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, ints=("pk",))


def test_a_value_that_is_not_named_is_refused(db: None) -> None:
    with pytest.raises(compiled.NotCacheable):
        compiled.template(
            lambda values: ContentType.objects.filter(pk=values["pk"] + 1), ints=("pk",)
        )


def test_placeholder_names_are_plain(db: None) -> None:
    with pytest.raises(ValueError, match="lower-case"):
        compiled.template(_types, ints=("above",), texts=("a_word", "app"))


def _sessions(values: Any) -> Any:
    return (
        Session.objects.filter(
            expire_date__gte=values["after"], expire_date__date__lte=values["day"]
        )
        .order_by("session_key")
        .values_list("session_key", flat=True)
    )


@pytest.mark.parametrize(
    ("after", "day"),
    [
        (datetime(2026, 12, 3, 23, 30, tzinfo=UTC), date(2026, 12, 5)),
        (datetime(2026, 6, 1, 0, 30, tzinfo=ZoneInfo("Europe/London")), date(2026, 12, 4)),
        (datetime(2020, 1, 1, tzinfo=UTC), date(2020, 1, 1)),
    ],
)
def test_dates_and_times_are_bound_as_the_orm_binds_them(
    db: None, after: datetime, day: date
) -> None:
    base = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)
    for hours in (0, 1, 24, 48, 72):
        Session.objects.create(
            session_key=f"s{hours:031d}",
            session_data="{}",
            expire_date=base + timedelta(hours=hours),
        )
    template = compiled.template(_sessions, dates=("day",), times=("after",))
    values = {"after": after, "day": day}
    assert template.bind(values) == _fresh_of(_sessions, values)
    assert [key for (key,) in template.rows(values)] == list(_sessions(values))


def _fresh_of(build: Any, values: Any) -> tuple[str, tuple[Any, ...]]:
    return build(values).query.get_compiler(using="default").as_sql()


@pytest.mark.filterwarnings("ignore:DateTimeField Session.expire_date received a naive")
def test_a_date_compared_with_a_time_is_refused(db: None) -> None:
    def build(values: Any) -> Any:
        return Session.objects.filter(expire_date__gte=values["day"])  # a date for a time

    with pytest.raises(compiled.NotCacheable):
        compiled.template(build, dates=("day",))


def test_a_date_or_time_placeholder_takes_only_its_kind(db: None) -> None:
    template = compiled.template(_sessions, dates=("day",), times=("after",))
    with pytest.raises(TypeError, match="date placeholder"):
        template.bind({"after": datetime(2026, 1, 1, tzinfo=UTC), "day": "2026-01-01"})
    with pytest.raises(TypeError, match="aware datetime"):
        template.bind({"after": datetime(2026, 1, 1), "day": date(2026, 1, 1)})


def test_a_kept_read_is_compiled_once_per_name_and_database() -> None:
    built: list[Any] = []

    def build(values: Any) -> Any:
        built.append(values)
        return _types(values)

    name = "core.tests.kept"
    first = compiled.kept(name, build, ints=("above",), texts=("word", "app"))
    assert len(built) == 2  # the two compilations that check the shape
    again = compiled.kept(name, build, ints=("above",), texts=("word", "app"))
    assert again is first and len(built) == 2
    values = {"above": 7, "word": "person", "app": "partnerships"}
    assert first.bind(values) == _fresh(values)


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_on_postgresql_a_template_is_read_through_a_prepared_statement(db: None) -> None:
    """ADR 052: each shape is prepared once on the connection and run again with new values;
    the rows, times included, are what the ORM reads."""
    expires = timezone.now() + timedelta(days=1)
    Session.objects.create(session_key="p" * 32, session_data="{}", expire_date=expires)

    def build(values: Any) -> Any:
        return Session.objects.filter(
            session_key=values["key"], expire_date__gt=values["after"]
        ).values_list("session_data", "expire_date")

    template = compiled.template(build, texts=("key",), times=("after",))
    values = {"key": "p" * 32, "after": timezone.now()}
    assert connection.connection.prepare_threshold is not None  # allowed by the settings
    assert template.rows(values) == list(build(values))
    [prepared] = [s for s in _prepared_statements() if '"django_session"' in s]
    assert "$1" in prepared and "p" * 32 not in prepared  # the shape, not the values
    assert template.rows({"key": "nowhere", "after": timezone.now()}) == []
    assert [s for s in _prepared_statements() if '"django_session"' in s] == [prepared]
    assert template.rows(values)[0][1] == expires


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_while_queries_are_logged_a_template_is_logged_with_its_values(db: None) -> None:
    from django.test.utils import CaptureQueriesContext

    def build(values: Any) -> Any:
        return Session.objects.filter(session_key=values["key"]).values_list("session_data")

    template = compiled.template(build, texts=("key",))
    with CaptureQueriesContext(connection) as queries:
        assert template.rows({"key": "q" * 32}) == []
    [logged] = queries.captured_queries
    assert "q" * 32 in logged["sql"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_on_postgresql_compiled_reads_are_planned_once_per_connection(db: None) -> None:
    """ADR 054: where compiled reads are prepared, the connection keeps one generic plan of each
    (PostgreSQL otherwise planned the search afresh on every request)."""
    assert connection.connection.prepare_threshold is not None
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone() == ("force_generic_plan",)


def test_a_json_constant_wrapped_for_the_driver_is_the_same_parameter_in_both_runs() -> None:
    # psycopg's wrapper of a JSONField's constant (``.exclude(reasons=[])``) compares by
    # identity: two compilations give two wrappers of the same value, which is one shape
    from psycopg.types.json import Jsonb

    assert compiled._slot(Jsonb([]), Jsonb([]), {}, ())[0] == "fixed"
    with pytest.raises(compiled.NotCacheable):
        compiled._slot(Jsonb([1]), Jsonb([2]), {}, ())


def _sessions_after(values: Any) -> Any:
    return (
        Session.objects.filter(expire_date__gt=values["after"])
        .order_by("session_key")
        .values_list("session_key", "expire_date")
    )


def test_reads_together_give_each_read_its_own_rows_in_order(db: None) -> None:
    expires = timezone.now() + timedelta(days=1)
    for key in ("a" * 32, "b" * 32):
        Session.objects.create(session_key=key, session_data="{}", expire_date=expires)
    sessions = compiled.template(_sessions_after, times=("after",))
    types = _template()
    reads = [
        compiled.Read(sessions, {"after": timezone.now()}),
        compiled.Read(types, {"above": 0, "word": "person", "app": "partnerships"}),
        compiled.Read(sessions, {"after": expires}),  # none
    ]
    assert compiled.together(reads) == [read.template.rows(read.values) for read in reads]
    first, second, none = compiled.together(reads)
    assert [key for key, _ in first] == ["a" * 32, "b" * 32] and first[0][1] == expires
    assert second and none == []
    assert compiled.together([]) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's pipeline mode")
def test_on_postgresql_reads_together_are_sent_before_any_is_answered(db: None) -> None:
    """Every statement of the reads is sent in one pipeline: one round trip for all."""
    pipelined = []

    def note(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        pipelined.append(connection.connection._pipeline is not None)
        return execute(sql, params, many, context)

    sessions = compiled.template(_sessions_after, times=("after",))
    reads = [compiled.Read(sessions, {"after": timezone.now()})] * 3
    with connection.execute_wrapper(note):
        assert compiled.together(reads) == [[], [], []]
        sessions.rows({"after": timezone.now()})  # alone: no pipeline
        with compiled.ahead(reads[:2]):  # sent with the next read
            compiled.Read(sessions, {"after": timezone.now() - timedelta(days=1)}).rows()
        compiled.together(reads[:2])  # two: one after another (a pipeline is two round trips)
    assert pipelined == [True, True, True, False, True, True, True, False, False]


def _counting() -> tuple[list[str], Any]:
    ran: list[str] = []

    def note(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        ran.append(sql)
        return execute(sql, params, many, context)

    return ran, note


def test_a_read_ahead_is_answered_once_from_what_was_read_with_the_next(db: None) -> None:
    expires = timezone.now() + timedelta(days=1)
    Session.objects.create(session_key="c" * 32, session_data="{}", expire_date=expires)
    sessions = compiled.template(_sessions_after, times=("after",))
    now = timezone.now()
    wanted = compiled.Read(sessions, {"after": now})
    other = compiled.Read(_template(), {"above": 0, "word": "session", "app": "sessions"})
    ran, note = _counting()
    with connection.execute_wrapper(note):
        with compiled.ahead([wanted]):
            assert ran == []  # nothing is sent until something is read
            assert other.rows() == other.template.rows(other.values)
            assert len(ran) == 3  # the two reads, then the comparison's
            assert wanted.rows() == [("c" * 32, expires)]  # as read with the other
            assert len(ran) == 3
            Session.objects.filter(session_key="c" * 32).delete()
            deleted = len(ran)
            assert wanted.rows() == []  # answered once: asked again, read again
            assert len(ran) == deleted + 1
        compiled.together([wanted, wanted])  # after the block, nothing is kept
    assert len(ran) == deleted + 3


def test_reads_ahead_never_asked_for_change_nothing(db: None) -> None:
    sessions = compiled.template(_sessions_after, times=("after",))
    unused = compiled.Read(sessions, {"after": timezone.now()})
    other = compiled.Read(_template(), {"above": 0, "word": "session", "app": "sessions"})
    with compiled.ahead([unused]):
        assert compiled.together([other, other]) == [other.template.rows(other.values)] * 2
    assert compiled.together([other]) == [other.template.rows(other.values)]


def test_a_paged_template_reads_the_page_asked_for(db: None) -> None:
    def build(values: Any) -> Any:
        return ContentType.objects.filter(pk__gt=values["above"]).order_by("pk").values_list("pk")

    template = compiled.template(build, ints=("above",), paged=True)
    every = list(build({"above": 0}))
    assert len(every) > 5
    for limit, offset in ((2, 0), (3, 2), (50, len(every) - 1), (5, len(every))):
        page = template.rows({"above": 0, "limit": limit, "offset": offset})
        assert page == every[offset : offset + limit]


def test_only_an_ordered_unsliced_queryset_is_paged(db: None) -> None:
    with pytest.raises(compiled.NotCacheable, match="ordered"):
        compiled.template(
            lambda v: ContentType.objects.filter(pk__gt=v["a"]), ints=("a",), paged=True
        )
    with pytest.raises(compiled.NotCacheable, match="ordered"):
        compiled.template(
            lambda v: ContentType.objects.filter(pk__gt=v["a"]).order_by("pk")[:3],
            ints=("a",),
            paged=True,
        )
