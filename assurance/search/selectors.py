"""The partnership's search: every kind of record a capability offers (``core.registry.
register_search``), each limited to what that capability's own permission-scoped selector gives
the user, so a user finds only what they may see on its pages.

What is matched is the records' search documents (``search.models.SearchDocument``, kept by
``search.services``), not the records: one table, narrowed to the partnership by its index. On
PostgreSQL the words are matched against each document's stored text vector (English, the first
field weighted most, ``websearch`` query syntax; a GIN index) and ranked with ``SearchRank``;
elsewhere (SQLite in development) every word must appear in the document's lower-cased text.
Pseudonymised case references are matched from the start of a field on both.

Two queries whatever the results: the count of each kind (one ``GROUP BY``), and the page; both
read the one compiled query of what the actor may see that matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet, FieldError
from django.db import connections, router
from django.db.models import BigIntegerField, Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length

from assurance.core import compiled
from assurance.core.registry import SearchSource, search_sources
from assurance.core.roles import Role
from assurance.partnerships.access import Actor
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.search.models import SearchDocument
from assurance.search.query import Query

CONFIG = "english"
# Read from the compiled matches ({}): the count of each kind, and a page of them.
COUNTS = "SELECT kind, COUNT(*) FROM ({}) hits GROUP BY kind"
_COLUMNS = 'SELECT kind, link_key, title, summary, "when" FROM ({}) hits '
_ORDER = "ORDER BY hit_rank DESC, title, object_id LIMIT %s OFFSET %s"
PAGE = _COLUMNS + _ORDER
PAGE_OF_KIND = _COLUMNS + "WHERE kind = %s " + _ORDER
# Both at once, for the page the search is asked for: the matches are planned and found once
# (a common table expression read twice is worked out once). Rows of ``part`` 0 are the counts
# (kind, count), of ``part`` 1 the page in its order (kind, and a hit's four columns).
_PARTS = (
    "WITH hits AS ({}) "
    'SELECT part, kind, n, link_key, title, summary, "when" FROM ('
    "SELECT 0 AS part, kind, COUNT(*) AS n, NULL AS link_key, NULL AS title, NULL AS summary, "
    'NULL AS "when", NULL AS hit_rank, NULL AS object_id FROM hits GROUP BY kind '
    "UNION ALL SELECT * FROM ("
    'SELECT 1, kind, 0, link_key, title, summary, "when", hit_rank, object_id FROM hits '
    "{{}}ORDER BY hit_rank DESC, title, object_id LIMIT %s OFFSET %s) page"
    ") parts ORDER BY part, hit_rank DESC, title, object_id"
)
COUNTS_AND_PAGE = _PARTS.replace("{{}}", "")
COUNTS_AND_PAGE_OF_KIND = _PARTS.replace("{{}}", "WHERE kind = %s ")


@dataclass(frozen=True)
class Hit:
    """One result as the page draws it: worked out here once (the caption's date, the summary
    cut to 200 characters as ``truncatechars`` cuts it), so the template only looks them up."""

    kind: str
    label: str
    title: str
    summary: str
    when: date | None
    href: str
    caption: str = ""


SUMMARY_LENGTH = 200


def _caption(label: str, when: date | None) -> str:
    """``{{ label }} · {{ when|date:"j F Y" }}``: the day, the month's name, the year."""
    if when is None:
        return label
    return f"{label} · {when.day} {MONTHS[when.month]} {when.year:04d}"


def _shortened(text: str) -> str:
    """``text|truncatechars:200``. Plain ASCII text (most) needs none of the filter's Unicode
    care (normalising, combining characters), so it is cut directly; the rest goes through it."""
    if not text.isascii():
        return Truncator(text).chars(SUMMARY_LENGTH)
    if len(text) <= SUMMARY_LENGTH:
        return text
    return add_truncation_text(text[: calculate_truncate_chars_length(SUMMARY_LENGTH, None)])


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


class Results:
    """The matches of one search, counted by kind, read a page at a time (a ``Paginator``
    reads ``count()`` and one slice: one query for the page, none when nothing matched).
    Given the ``window`` of the page that will be asked for (its first and last index), the
    counts and that page are read in one query; another slice is read on its own.

    ``matches`` is the SQL of every match the actor may see (compiled once: with a selector for
    each kind, compiling it is most of a search's work in Python); the counts and the page are
    read from it."""

    def __init__(
        self,
        *,
        actor: Actor,
        matches: tuple[str, tuple[Any, ...]] | None = None,
        sources: dict[str, SearchSource] | None = None,
        kind: str = "",
        window: tuple[int, int] | None = None,
    ) -> None:
        self.actor = actor
        self._matches = matches
        self._sources = sources or {}
        self._kind = kind if kind in self._sources else ""
        self._window: tuple[int, int, list[tuple[Any, ...]]] | None = None
        if window is None or window[1] <= window[0]:
            found = dict(self._read(COUNTS))
        else:
            start, stop = window
            if self._kind:
                rows = self._read(COUNTS_AND_PAGE_OF_KIND, self._kind, stop - start, start)
            else:
                rows = self._read(COUNTS_AND_PAGE, stop - start, start)
            found = {row[1]: row[2] for row in rows if row[0] == 0}
            page = [(row[1], *row[3:]) for row in rows if row[0] == 1]
            self._window = (start, stop, page)
        self.counts = [
            KindCount(s.kind, s.label, found.get(s.kind, 0)) for s in self._sources.values()
        ]
        self._total = found.get(self._kind, 0) if self._kind else sum(found.values())

    def _read(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        if self._matches is None:
            return []
        matches, matched_params = self._matches
        with compiled.cursor() as cursor:
            cursor.execute(sql.format(matches), (*matched_params, *params))
            return cursor.fetchall()

    def count(self) -> int:
        return self._total

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, index: slice) -> list[Hit]:
        start, stop = index.start or 0, self._total if index.stop is None else index.stop
        if not self._total or stop <= start:
            return []
        if self._window is not None and self._window[0] == start and stop <= self._window[1]:
            rows = self._window[2][: stop - start]  # read with the counts
        elif self._kind:
            rows = self._read(PAGE_OF_KIND, self._kind, stop - start, start)
        else:
            rows = self._read(PAGE, stop - start, start)
        return [_hit(self._sources[row[0]], self.actor, row) for row in rows]


def _hit(source: SearchSource, actor: Actor, row: tuple[Any, ...]) -> Hit:
    _, key, title, summary, when = row
    if isinstance(when, str):  # SQLite's raw rows hold dates as text
        when = date.fromisoformat(when)
    return Hit(
        kind=source.kind,
        label=source.singular,
        title=title,
        summary=_shortened(summary),
        when=when,
        href=source.link(actor, key),
        caption=_caption(source.singular, when),
    )


def _every_term(terms: tuple[str, ...], columns: tuple[str, ...], lookup: str) -> Q:
    """Every term in one column or another (the documents' text is in lower case already)."""
    condition = Q()
    for term in terms:
        any_column = Q()
        for column in columns:
            any_column |= Q(**{f"{column}__{lookup}": term})
        condition &= any_column
    return condition


def _starts_a_field(terms: tuple[str, ...]) -> Q:
    """Every term at the start of one of the fields (``rest`` holds one field a line)."""
    condition = Q()
    for term in terms:
        condition &= (
            Q(head__startswith=term) | Q(rest__startswith=term) | Q(rest__contains=f"\n{term}")
        )
    return condition


def _kinds(visible: list[tuple[SearchSource, QuerySet[Any]]], actor: Actor, using: str) -> Q:
    """A document of one of these kinds whose record its kind's selector gives the actor. Where
    the selector gives every record of the actor's partnership (a role that sees all of a
    kind), that is every document of the kind in the partnership: no sub-query to plan and
    hash on each search."""
    allowed = Q(pk__in=[])
    for source, records in visible:
        if _every_record_of(records, actor, using):
            allowed |= Q(kind=source.kind) & _partnership_is(actor, using)
        else:
            allowed |= Q(kind=source.kind, object_id__in=records.order_by().values("pk"))
    return allowed


def _every_record_of(records: QuerySet[Any], actor: Actor, using: str) -> bool:
    """Whether ``records`` are exactly the partnership's rows of their model: the same SQL as
    the plain query of them (anything more, such as a filter, a join or ``distinct``, is not)."""
    try:
        every = records.model._base_manager.filter(partnership=actor.partnership)
    except FieldError:  # a kind of record that belongs to no partnership
        return False

    def sql(queryset: QuerySet[Any]) -> tuple[str, tuple[Any, ...]]:
        query = queryset.order_by().values("pk").query
        return query.get_compiler(using=using).as_sql()

    try:
        return sql(records) == sql(every)
    except EmptyResultSet:
        return False


def _partnership_is(actor: Actor, using: str) -> Q:
    """The partnership's documents. On PostgreSQL the id is given as a ``bigint``, the column's
    type: the two-column GIN index (``btree_gin``, migration 0002) serves only an equality of
    the same type, and a plain integer literal (``= 12``) would leave it to the vector alone,
    every document in the country holding the word."""
    if connections[using].vendor == "postgresql":
        return Q(partnership_id=Cast(Value(actor.partnership.pk), BigIntegerField()))
    return Q(partnership=actor.partnership)


def search(
    *, actor: Actor, query: Query, kind: str = "", window: tuple[int, int] | None = None
) -> Results:
    """What ``query`` finds among the records ``actor`` may see: counted by kind (only the
    kinds they may see, matched or not), and ``kind`` alone when one of those is chosen.
    ``window``: the first and last index of the page that will be read, read with the counts.

    The SQL of what the actor may see that matches depends only on the shape of the search (the
    actor's roles, whether they have an agency, how many words), so it is compiled once per
    shape and process (``core.compiled``) and bound to this actor's and this search's values;
    a shape whose SQL depends on anything else is compiled afresh each time, as it was."""
    if not query.ok:  # refused (it looks like an identifier) or nothing to look for
        return Results(actor=actor)
    using = router.db_for_read(SearchDocument)
    shape = _shape(
        using,
        actor.roles,
        actor.person.agency_id is not None,
        len(query.terms),
        timezone.localdate(),  # a selector's "today" would be part of the SQL's parameters
        tuple(map(id, search_sources())),  # the sources registered (at start-up)
    )
    if shape is None:
        kinds, compiled_matches = _matches(actor, query.text, query.terms, using)
    else:
        kinds, template = shape
        compiled_matches = None if template is None else template.bind(_values(actor, query), using)
    if not kinds:
        return Results(actor=actor)
    sources = search_sources()
    by_kind = {source.kind: source for source in sources}
    return Results(
        actor=actor,
        matches=compiled_matches,
        sources={k: by_kind[k] for k in kinds},
        kind=kind,
        window=window,
    )


def _values(actor: Actor, query: Query) -> dict[str, Any]:
    return {
        "partnership": actor.partnership.pk,
        "agency": actor.person.agency_id,
        "person": actor.person.pk,
        "user": getattr(actor.user, "pk", None),  # a person without a sign-in (tests, demo)
        "text": query.text,
        **{f"term{i}": term for i, term in enumerate(query.terms)},
    }


@lru_cache(maxsize=512)
def _shape(
    using: str,
    roles: frozenset[Role],
    has_agency: bool,
    terms: int,
    today: date,
    registered: tuple[int, ...],
) -> tuple[tuple[str, ...], compiled.Template | None] | None:
    """The kinds an actor of these roles may search and the SQL template of their matches
    (None: nothing to match), or None when the SQL cannot be compiled once for the shape."""
    names = tuple(f"term{i}" for i in range(terms))

    seen: list[tuple[str, ...]] = []

    def build(values: Any) -> Any:
        kinds, matches = _matches(
            _stand_in(values, roles, has_agency),
            values["text"],
            tuple(values[name] for name in names),
            using,
            compile_sql=False,
        )
        seen.append(kinds)
        return matches if matches is not None else ("", ())

    try:
        template = compiled.template(
            build,
            ints=("partnership", "agency", "person", "user"),
            texts=("text", *names),
            using=using,
        )
    except compiled.NotCacheable:
        return None
    stand_in = _stand_in({"partnership": 0, "agency": 0, "person": 0, "user": 0}, roles, has_agency)
    kinds = tuple(s.kind for s in search_sources() if s.records(stand_in) is not None)
    return kinds, (template if template.sql else None)


class _QueryOnce(SearchQuery):
    """The words as a text search query worked out once per search (a sub-select, which
    PostgreSQL runs once), not once per document it checks and ranks: in a plan made for any
    words (ADR 054) the query is a parameter, and parsing and stemming it again for each of a
    common word's 200 documents was half the search's time in the database."""

    template = "(SELECT %(function)s(%(expressions)s))"


def _stand_in(values: Any, roles: frozenset[Role], has_agency: bool) -> Actor:
    """An actor of these roles whose ids are ``values`` (placeholders while compiling)."""
    agency = Agency(pk=values["agency"]) if has_agency else None
    person = Person(pk=values["person"], agency=agency)
    user = get_user_model()(pk=values["user"])
    return Actor(
        user=user, partnership=Partnership(pk=values["partnership"]), person=person, roles=roles
    )


def _matches(
    actor: Actor, text: str, terms: tuple[str, ...], using: str, compile_sql: bool = True
) -> tuple[tuple[str, ...], Any]:
    """The kinds the actor may see, and the matches among them: their compiled SQL (or the
    queryset itself, ``compile_sql=False``), None when no kind can match."""
    visible = [
        (source, records)
        for source in search_sources()
        if (records := source.records(actor)) is not None
    ]
    kinds = tuple(source.kind for source, _ in visible)
    if not visible:
        return kinds, None
    words = [(s, r) for s, r in visible if not s.prefix]
    prefixed = [(s, r) for s, r in visible if s.prefix]
    rank: Any
    if connections[using].vendor == "postgresql":
        tsquery = _QueryOnce(text, search_type="websearch", config=CONFIG)
        word_match = Q(vector=tsquery)
        rank = SearchRank(F("vector"), tsquery)
    else:
        word_match = _every_term(terms, ("head", "rest"), "contains")
        rank = Case(
            When(_every_term(terms, ("head",), "contains"), then=Value(1.0)),
            default=Value(0.5),
        )
    prefix_kinds = [s.kind for s, _ in prefixed]
    word_kinds = [s.kind for s, _ in words]
    # One arm per scope (the partnership's documents, the shared catalogue's) and way of
    # matching (words, a reference's start), each naming its kinds: a top-level OR whose arms
    # each carry an index's conditions, so the database reads each arm through its index
    # (on PostgreSQL the partnership's arm through the GIN index of partnership and vector, the
    # catalogue's by its null partnership) instead of every document with the word nationally.
    # Which of those records the actor may see is the kinds' selectors, once, around the arms.
    arms = Q(pk__in=[])
    for scope in (_partnership_is(actor, using), Q(partnership__isnull=True)):
        if words:
            arms |= scope & Q(kind__in=word_kinds) & word_match
        if prefixed:
            arms |= scope & Q(kind__in=prefix_kinds) & _starts_a_field(terms)
    matches = (
        SearchDocument.objects.filter(arms, _kinds(visible, actor, using))
        .annotate(
            hit_rank=Case(
                When(kind__in=prefix_kinds, then=Value(2.0)),
                default=rank,
                output_field=FloatField(),
            )
        )
        .order_by()
        .values("kind", "link_key", "title", "summary", "when", "object_id", "hit_rank")
    )
    try:
        sql = matches.query.get_compiler(using=using).as_sql()
    except EmptyResultSet:  # no kind the actor may see
        return kinds, None
    return kinds, (sql if compile_sql else matches)
