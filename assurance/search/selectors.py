"""The partnership's search: every kind of record a capability offers (``core.registry.
register_search``), each read through that capability's own permission-scoped selector, so a
user finds only what they may see on its pages.

On PostgreSQL the words are matched with full-text search (an English ``SearchVector`` over the
source's fields, the first weighted most, ``websearch`` query syntax) and ranked with
``SearchRank``; elsewhere (SQLite in development) every word must appear in one of the fields,
case-insensitively. Pseudonymised case references are matched from their start.

The queries do not grow with the results: one count per kind the user may see, and one query for
the page (the kinds' matches in one ``UNION``, ordered by rank).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    DateField,
    F,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast

from assurance.core.registry import SearchSource, search_sources
from assurance.partnerships.access import Actor
from assurance.search.query import Query

COLUMNS = ("hit_kind", "hit_key", "hit_title", "hit_summary", "hit_date", "hit_rank")
CONFIG = "english"


@dataclass(frozen=True)
class Hit:
    kind: str
    label: str
    title: str
    summary: str
    when: date | None
    href: str


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


class Results:
    """The matches of one search, counted by kind, read a page at a time (a ``Paginator``
    reads ``count()`` and one slice: one query for the page)."""

    def __init__(
        self, *, actor: Actor, counts: list[KindCount], parts: dict[str, QuerySet[Any]]
    ) -> None:
        self.actor = actor
        self.counts = counts
        self._parts = parts
        self._total = sum(c.count for c in counts if c.kind in parts)

    def count(self) -> int:
        return self._total

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, index: slice) -> list[Hit]:
        parts = list(self._parts.values())
        if not parts:
            return []
        combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        rows = combined.order_by("-hit_rank", "hit_title", "hit_key")[index]
        sources = {source.kind: source for source in search_sources()}
        return [_hit(sources[row["hit_kind"]], self.actor, row) for row in rows]


def _hit(source: SearchSource, actor: Actor, row: dict[str, Any]) -> Hit:
    return Hit(
        kind=source.kind,
        label=source.singular,
        title=row["hit_title"] or "",
        summary=row["hit_summary"] or "",
        when=row["hit_date"],
        href=source.link(actor, row["hit_key"]),
    )


def _words_in_fields(fields: tuple[str, ...], terms: tuple[str, ...], lookup: str) -> Q:
    """Every term in one field or another."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__{lookup}": term})
        condition &= any_field
    return condition


def _matches(
    source: SearchSource, records: QuerySet[Any], query: Query, actor: Actor
) -> QuerySet[Any]:
    """The source's records that match, as the union's columns. What the actor may see is the
    selector's (``pk IN``); the partnership is repeated outside it so that the database narrows
    to one partnership's rows (by its index) before it builds any text to match."""
    base = records.model._base_manager.filter(pk__in=records.order_by().values("pk"))
    if hasattr(records.model, "objects_for"):  # partnership-owned (PartnershipScoped)
        base = base.filter(partnership=actor.partnership)
    rank: Any
    if source.prefix:
        base = base.filter(_words_in_fields(source.fields, query.terms, "istartswith"))
        rank = Value(2.0)
    elif connection.vendor == "postgresql":
        first, *rest = source.fields
        vector: Any = SearchVector(first, weight="A", config=CONFIG)
        if rest:
            vector = vector + SearchVector(*rest, weight="B", config=CONFIG)
        words = SearchQuery(query.text, search_type="websearch", config=CONFIG)
        base = base.alias(document=vector).filter(document=words)
        rank = SearchRank(vector, words)
    else:
        base = base.filter(_words_in_fields(source.fields, query.terms, "icontains"))
        title_has_all = _words_in_fields(source.fields[:1], query.terms, "icontains")
        rank = Case(When(title_has_all, then=Value(1.0)), default=Value(0.5))
    return (
        base.order_by()
        .annotate(
            hit_kind=Value(source.kind, output_field=CharField()),
            hit_key=Cast(source.key_field, CharField()),
            hit_title=Cast(source.title, CharField()),
            hit_summary=Cast(source.summary, TextField())
            if source.summary is not None
            else Value("", output_field=TextField()),
            hit_date=F(source.when) if source.when else Value(None, output_field=DateField()),
            hit_rank=Cast(rank, FloatField()),
        )
        .values(*COLUMNS)
    )


def search(*, actor: Actor, query: Query, kind: str = "") -> Results:
    """What ``query`` finds among the records ``actor`` may see: counted by kind (only the
    kinds they may see, matched or not), and ``kind`` alone when one of those is chosen."""
    counts: list[KindCount] = []
    parts: dict[str, QuerySet[Any]] = {}
    if not query.ok:  # refused (it looks like an identifier) or nothing to look for
        return Results(actor=actor, counts=counts, parts=parts)
    for source in search_sources():
        records = source.records(actor)
        if records is None:
            continue
        matches = _matches(source, records, query, actor)
        counts.append(KindCount(source.kind, source.label, matches.count()))
        parts[source.kind] = matches
    if kind in parts:
        parts = {kind: parts[kind]}
    return Results(actor=actor, counts=counts, parts=parts)
