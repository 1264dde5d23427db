"""Queries compiled once per process for each shape, then run with each request's values.

Building and compiling a queryset is pure Python and, for the queries every page runs (the
actor's roles) or the search (each kind's permission-scoped selector as a sub-query), costs ten
times what the database takes to answer. The SQL of a query depends only on its *shape* (which
filters, which joins), not on the values it is run with (the user, the partnership, the words
searched), so it is compiled once per shape and process, and each request binds its own values
(ADR 033).

``template(build, ints=…, texts=…)`` calls ``build(values)`` twice with two different sets of
placeholder values and compares the two compilations: the SQL must be the same, every parameter
the same or a placeholder in the same place. Anything else (a parameter that is not one of the
values, such as the time of day, or a query run while building) refuses the shape
(``NotCacheable``), and the caller compiles afresh as before. A compiled template is immutable
and derived only from the code, so keeping it in the process is safe with several app servers:
no data is kept, only SQL text.

Values are bound exactly: an integer placeholder by the integer; a text placeholder that is a
whole parameter by the text as given; one inside a longer parameter (a ``LIKE`` pattern such as
``%word%``) by the text with ``%``, ``_`` and ``\\`` escaped as Django escapes them; a date
(``dates``) or an aware time (``times``) by the value adapted as the database's backend adapts a
``DateField``'s or ``DateTimeField``'s (SQLite: ISO text, in UTC for a time; PostgreSQL: the
value itself). A date or time placeholder may only be compared with a field of its kind, as the
ORM would adapt it: a date given to a ``DateTimeField`` is refused (its placeholder is not found).

On PostgreSQL a template's rows are read through a **prepared statement** (ADR 052): the server
parses and analyses each shape once per connection instead of on every request, which halves
what the small reads of every page (the session, the user, the actor) cost the database. Django
turns prepared statements off (its cursors bind values in the client, for connection poolers);
``DATABASES[…]["OPTIONS"]["prepare_threshold"]`` set (to anything but ``None``) allows them for
these reads only, and ``DATABASE_PREPARED_READS=false`` leaves it unset.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import QuerySet

# Placeholder ids: negative (no stored id is), distinct, and within a 32-bit integer, so no
# integer field's lookup treats them as out of range.
_INT_BASE = (-1_000_000_001, -1_100_000_001)
_TEXT_FORMAT = ("qzplaceholder{}aqz", "qzplaceholder{}bqz")  # no character LIKE escapes
# Dates and times: long past (no record of the service is dated before 1900), distinct per name
_DATE_BASE = (date(1801, 1, 1), date(1802, 7, 3))
_TIME_BASE = (
    datetime(1801, 1, 1, 0, 0, 1, tzinfo=UTC),
    datetime(1802, 7, 3, 0, 0, 2, tzinfo=UTC),
)
_NAME = re.compile(r"[a-z][a-z0-9]*")
_TOKENS = re.compile(r"qzplaceholder([a-z][a-z0-9]*?)aqz")


class NotCacheable(Exception):
    """The query's SQL or parameters depend on more than the named values."""


@dataclass(frozen=True)
class Template:
    """The SQL of one shape and, for each of its parameters, how to bind it."""

    sql: str
    # Each parameter: ("fixed", value), ("int", name), ("text", name) for a whole parameter,
    # ("date", name) or ("time", name) adapted for the database, or ("like", pattern) where the
    # pattern holds the first run's text placeholders, each to be replaced by its value, escaped.
    slots: tuple[tuple[str, Any], ...]
    texts: tuple[str, ...]
    # The selected columns of a queryset's template (for ``rows``: their converters)
    columns: tuple[Any, ...] = ()
    # The columns' converters per database alias, worked out on the first run there
    _converters: dict[str, list[tuple[int, list[Any], Any]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def rows(self, values: Mapping[str, Any], using: str = "default") -> list[tuple[Any, ...]]:
        """Run the template with ``values``; its rows converted as the ORM converts them
        (dates, booleans, decimals), like ``values_list``."""
        sql, params = self.bind(values, using)
        with cursor(using) as opened:
            opened.execute(sql, params)
            fetched = opened.fetchall()
        return self.converted(fetched, using)

    def converted(self, fetched: list[Any], using: str = "default") -> list[tuple[Any, ...]]:
        """Rows fetched with this template's SQL, converted as the ORM converts them."""
        connection = connections[using]
        converters = self._converters.get(using)
        if converters is None:
            converters = self._converters[using] = [
                (i, convs, col)
                for i, col in enumerate(self.columns)
                if (
                    convs := connection.ops.get_db_converters(col)
                    + col.get_db_converters(connection)
                )
            ]
        if not converters:
            return [tuple(row) for row in fetched]
        rows = []
        for row in fetched:
            values_out = list(row)
            for i, convs, col in converters:
                for convert in convs:
                    values_out[i] = convert(values_out[i], col, connection)
            rows.append(tuple(values_out))
        return rows

    def bind(self, values: Mapping[str, Any], using: str = "default") -> tuple[str, tuple]:
        """The SQL and the parameters with ``values`` in the placeholders' places."""
        ops = connections[using].ops
        escape = ops.prep_for_like_query
        params: list[Any] = []
        for how, what in self.slots:
            if how == "fixed":
                params.append(what)
            elif how in ("int", "text"):
                params.append(values[what])
            elif how == "date":
                params.append(ops.adapt_datefield_value(_a_date(what, values[what])))
            elif how == "time":
                params.append(ops.adapt_datetimefield_value(_a_time(what, values[what])))
            else:  # a LIKE pattern around one or more texts, filled in one pass
                params.append(_TOKENS.sub(lambda m: escape(str(values[m.group(1)])), what))
        return self.sql, tuple(params)


@dataclass(frozen=True)
class Read:
    """A template with the values to run it with on one database: read alone (``rows``) or
    with others (``together``)."""

    template: Template
    values: Mapping[str, Any]
    using: str = "default"

    def rows(self) -> list[tuple[Any, ...]]:
        """Its rows, as ``Template.rows`` gives them (read ahead if it was: ``ahead``)."""
        return together([self])[0]

    @property
    def key(self) -> tuple[Any, ...]:
        # a kept template lives as long as the process: its identity names its shape
        return (id(self.template), self.using, tuple(sorted(self.values.items())))


@dataclass
class _Ahead:
    pending: list[Read]  # to send with the next reads
    answered: dict[tuple[Any, ...], list[tuple[Any, ...]]]  # read, not yet asked for


_AHEAD: ContextVar[_Ahead | None] = ContextVar("compiled_ahead", default=None)


@contextmanager
def ahead(reads: list[Read]) -> Iterator[None]:
    """Within the block, ``reads`` are sent with the next compiled reads read together
    (``together``, ``Read.rows``, ``read``), and each is then answered once from what was
    read instead of by a query of its own: for reads that code of another capability will make
    (its selectors need not know). A read never asked for costs only its share of that round
    trip; after the block nothing read ahead is kept."""
    token = _AHEAD.set(_Ahead(pending=list(reads), answered={}))
    try:
        yield
    finally:
        _AHEAD.reset(token)


def together(reads: list[Read]) -> list[list[tuple[Any, ...]]]:
    """The rows of each read, in their order, as ``Template.rows`` gives them, read together.

    On PostgreSQL with prepared reads (``cursor``), three reads or more: every statement is sent
    before any result is read (psycopg's pipeline mode), so that the reads cost two round trips
    between the app and the database (the results, then the pipeline's closing sync) instead of
    one each; they run in one implicit transaction, so they see the same data. Elsewhere, and
    while Django logs queries, one after another (the same rows). Reads waiting to be read
    ahead (``ahead``) are sent with them."""
    state = _AHEAD.get()
    if state is None:
        return _sent(reads)
    found = [state.answered.pop(read.key, None) for read in reads]
    asked = [read for read, rows in zip(reads, found, strict=True) if rows is None]
    keys = {read.key for read in asked}
    extra = [read for read in state.pending if read.key not in keys]
    state.pending = []
    fetched = _sent(asked + extra)
    for read, rows in zip(extra, fetched[len(asked) :], strict=True):
        state.answered[read.key] = rows
    answers = iter(fetched)
    return [rows if rows is not None else next(answers) for rows in found]


def _sent(reads: list[Read]) -> list[list[tuple[Any, ...]]]:
    # psycopg's pipeline costs two round trips: no gain for fewer than three reads
    if len(reads) < 3 or len({read.using for read in reads}) > 1 or not _pipelined(reads[0].using):
        return [read.template.rows(read.values, read.using) for read in reads]
    using = reads[0].using
    connection = connections[using]
    with connection.wrap_database_errors, connection.connection.pipeline(), ExitStack() as opened:
        cursors = []
        for read in reads:
            sql, params = read.template.bind(read.values, using)
            each = opened.enter_context(cursor(using))
            each.execute(sql, params)
            cursors.append(each)
        fetched = [each.fetchall() for each in cursors]
    return [read.template.converted(rows, using) for read, rows in zip(reads, fetched, strict=True)]


def _pipelined(using: str) -> bool:
    """Whether ``cursor`` gives a preparing cursor on ``using`` (the reads can be pipelined)."""
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.queries_logged:
        return False
    connection.ensure_connection()
    return connection.connection.prepare_threshold is not None


def cursor(using: str = "default") -> Any:
    """A cursor for a compiled read (a template's SQL, or SQL built around it): Django's; on
    PostgreSQL with prepared statements allowed, one binding values on the server and preparing
    every statement it runs, wrapped as Django wraps its own (the query is logged, counted and
    passed through ``execute_wrapper`` as any other). Only for SQL of a fixed set of shapes:
    each shape is kept prepared on the connection. While Django logs queries (``DEBUG``, a test
    capturing them) values are bound in the client as Django does, so that the log shows each
    statement with its values (psycopg keeps no text of a prepared statement's run)."""
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.queries_logged:
        return connection.cursor()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        return connection.cursor()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        preparing = _preparing_cursor_class()(raw)
        _register_timezone(connection, preparing)
        return connection.make_cursor(preparing)  # queries are not logged (above)


@cache
def _preparing_cursor_class() -> type:
    """A psycopg cursor (Django's server-binding one) whose every statement is prepared; made
    on first use, as the PostgreSQL backend is imported only where it is configured."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):  # type: ignore[misc, valid-type]
        def execute(self, query: Any, params: Any = None, **options: Any) -> Any:
            return super().execute(  # type: ignore[misc]
                query, params, **(options | {"prepare": True})
            )

    return PreparingCursor


def _register_timezone(connection: Any, opened: Any) -> None:
    """As Django's ``create_cursor`` does: times read in the connection's time zone."""
    from django.db.backends.postgresql.base import TIMESTAMPTZ_OID
    from django.db.backends.postgresql.psycopg_any import register_tzloader
    from psycopg.pq import Format

    loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, opened)


def _token(which: int, name: str) -> str:
    return _TEXT_FORMAT[which].format(name)


def _a_date(name: str, value: Any) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"{name} is a date placeholder: give a date, not {value!r}")
    return value


def _a_time(name: str, value: Any) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise TypeError(f"{name} is a time placeholder: give an aware datetime, not {value!r}")
    return value


def _compile(
    built: QuerySet[Any] | tuple[str, tuple], using: str
) -> tuple[tuple[str, tuple], tuple[Any, ...]]:
    if isinstance(built, QuerySet):
        compiler = built.query.get_compiler(using=using)
        compiled = compiler.as_sql()
        return compiled, tuple(col for col, _, _ in compiler.select)
    return built, ()


def template(
    build: Callable[[Mapping[str, Any]], QuerySet[Any] | tuple[str, tuple]],
    *,
    ints: tuple[str, ...] = (),
    texts: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    times: tuple[str, ...] = (),
    paged: bool = False,
    using: str = "default",
) -> Template:
    """Compile ``build(values)`` (a queryset, or SQL and parameters) as a template of its shape,
    the values named in ``ints``, ``texts``, ``dates`` and ``times`` left to bind.
    ``NotCacheable`` if its SQL or other parameters depend on anything else. ``paged``: the
    rows ``limit`` and ``offset`` (two more integers to bind) of an ordered, unsliced query (a
    slice is written into Django's SQL, not bound: each page would be another shape)."""
    for name in (*ints, *texts, *dates, *times):
        if not _NAME.fullmatch(name):
            raise ValueError(f"A placeholder's name is lower-case letters and digits: {name!r}")
    runs = []
    ran: list[str] = []

    def no_queries(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        ran.append(sql)
        return execute(sql, params, many, context)

    for which in (0, 1):
        values: dict[str, Any] = (
            {name: _INT_BASE[which] - i for i, name in enumerate(ints)}
            | {name: _token(which, name) for name in texts}
            | {name: _DATE_BASE[which] + timedelta(days=i) for i, name in enumerate(dates)}
            | {name: _TIME_BASE[which] + timedelta(days=i) for i, name in enumerate(times)}
        )
        with connections[using].execute_wrapper(no_queries):
            built = build(values)
            runs.append((values, _compile(built, using)))
    if ran:
        raise NotCacheable(f"Building the query ran {len(ran)} queries.")
    (first, ((sql, params), columns)), (second, ((sql_b, params_b), _)) = runs
    if sql != sql_b or len(params) != len(params_b):
        raise NotCacheable("The SQL differs between two sets of values.")
    by_int = {first[name]: (name, second[name]) for name in ints}
    ops = connections[using].ops
    # adapted placeholder (ISO text on SQLite, the date or time on PostgreSQL) → its slot
    by_when: dict[Any, tuple[str, str, Any]] = {
        ops.adapt_datefield_value(first[name]): (
            "date",
            name,
            ops.adapt_datefield_value(second[name]),
        )
        for name in dates
    } | {
        ops.adapt_datetimefield_value(first[name]): (
            "time",
            name,
            ops.adapt_datetimefield_value(second[name]),
        )
        for name in times
    }
    slots: list[tuple[str, Any]] = []
    for a, b in zip(params, params_b, strict=True):
        if isinstance(a, (str, date)) and a in by_when:
            kind, name, expected = by_when[a]
            if b != expected:
                raise NotCacheable(f"A {kind} parameter is not the same value in both runs.")
            slots.append((kind, name))
            continue
        slots.append(_slot(a, b, by_int, texts))
    if paged:
        if not isinstance(built, QuerySet) or not built.ordered or built.query.is_sliced:
            raise NotCacheable("Only an ordered queryset is read a page at a time.")
        sql += " LIMIT %s OFFSET %s"
        slots += [("int", "limit"), ("int", "offset")]
    return Template(sql=sql, slots=tuple(slots), texts=texts, columns=columns)


def _slot(
    a: Any, b: Any, by_int: dict[int, tuple[str, int]], texts: tuple[str, ...]
) -> tuple[str, Any]:
    if isinstance(a, int) and not isinstance(a, bool) and a in by_int:
        name, expected = by_int[a]
        if b != expected:
            raise NotCacheable("An integer parameter is not the same value in both runs.")
        return ("int", name)
    if isinstance(a, str) and any(_token(0, name) in a for name in texts):
        for name in texts:
            if a == _token(0, name):
                if b != _token(1, name):
                    raise NotCacheable("A text parameter differs from its value.")
                return ("text", name)
        other = a
        for name in texts:
            other = other.replace(_token(0, name), _token(1, name))
        if other != b:
            raise NotCacheable("A text parameter is not its value in the same place.")
        return ("like", a)
    if a != b and not _same_wrapped(a, b):
        raise NotCacheable("A parameter depends on something other than the named values.")
    return ("fixed", a)


def _same_wrapped(a: Any, b: Any) -> bool:
    """Whether two parameters are the same value wrapped for the driver: psycopg's JSON
    wrappers (a ``JSONField`` compared with a constant, such as ``[]``) hold the value as
    ``obj`` and do not compare equal themselves."""
    return type(a) is type(b) and hasattr(a, "obj") and a.obj == b.obj


def read(
    name: str,
    build: Callable[[Mapping[str, Any]], QuerySet[Any] | tuple[str, tuple]],
    model: type[Any],
    *,
    ints: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[tuple[Any, ...]]:
    """The rows of the read called ``name`` (``kept``) with these values, on the database
    Django reads ``model`` from: ``ints`` and ``texts`` name the placeholders and give their
    values at once."""
    return read_of(name, build, model, ints=ints, texts=texts).rows()


def read_of(
    name: str,
    build: Callable[[Mapping[str, Any]], QuerySet[Any] | tuple[str, tuple]],
    model: type[Any],
    *,
    ints: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> Read:
    """The read that ``read`` reads, not yet read (for ``together`` or ``ahead``)."""
    using = router.db_for_read(model)
    ints, texts = ints or {}, texts or {}
    template = kept(name, build, ints=tuple(ints), texts=tuple(texts), using=using)
    return Read(template, {**ints, **texts}, using)


_KEPT: dict[tuple[str, str], Template] = {}  # SQL text per read and database alias (immutable)


def kept(
    name: str,
    build: Callable[[Mapping[str, Any]], QuerySet[Any] | tuple[str, tuple]],
    *,
    ints: tuple[str, ...] = (),
    texts: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    times: tuple[str, ...] = (),
    paged: bool = False,
    using: str = "default",
) -> Template:
    """The template of the read called ``name`` (unique in the service: its module and what it
    reads) on the database ``using``, compiled by ``template`` on its first use in the process
    and kept. ``NotCacheable`` as ``template``; nothing is kept then."""
    found = _KEPT.get((name, using))
    if found is None:
        found = template(
            build, ints=ints, texts=texts, dates=dates, times=times, paged=paged, using=using
        )
        _KEPT[(name, using)] = found
    return found
