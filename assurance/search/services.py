"""Keeping the search documents (``search.models.SearchDocument``) the same as their records.

Each capability says what it offers to search (``core.registry.register_search``): the model,
the fields searched, the title and summary shown, and the models whose text a document repeats
(``depends_on``). From that alone, search rewrites a record's document when the record is saved
or deleted, and the documents of the records that show another record's text when that one is
saved (an agency renamed: its actions and returns) — Django's ``post_save`` and ``post_delete``,
connected once in ``SearchConfig.ready``, inside the transaction of the write, so a record and its
document change together. Writes that bypass ``save()`` (bulk inserts of the benchmark, a
``QuerySet.update`` of a searched field) are followed by ``rebuild`` (``manage.py
rebuild_search_index``).

On PostgreSQL each document also holds its text vector (English, the first field weighted A and
the rest B), written in the same transaction, so a search reads vectors through a GIN index
instead of building them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import CharField, DateField, F, Model, QuerySet, TextField, Value
from django.db.models.functions import Cast

from assurance.core.registry import SearchSource, search_sources
from assurance.search.models import SearchDocument

CONFIG = "english"
BATCH = 2000
_TEXT_FIELDS = ("link_key", "title", "summary", "when", "head", "rest", "partnership")


def normalise(value: Any) -> str:
    """A field's text as documents hold it (and as the SQLite fallback matches it): lower case,
    every run of spaces and line breaks one space."""
    return " ".join(str(value).split()).lower() if value is not None else ""


def _vector() -> Any:
    return SearchVector("head", weight="A", config=CONFIG) + SearchVector(
        "rest", weight="B", config=CONFIG
    )


def _owned(model: Any) -> bool:
    return any(field.name == "partnership" for field in model._meta.concrete_fields)


def _rows(source: SearchSource, records: QuerySet[Any]) -> Iterable[dict[str, Any]]:
    """The values a document is made of, for each of ``records`` (one query, read in chunks)."""
    extra = ["partnership_id"] if _owned(source.model) else []
    summary = source.summary if source.summary is not None else Value("")
    when = F(source.when) if source.when else Value(None, output_field=DateField())
    return (
        records.order_by()
        .annotate(
            _doc_key=Cast(source.key_field, CharField()),
            _doc_title=Cast(source.title, TextField()),
            _doc_summary=Cast(summary, TextField()),
            _doc_when=when,
        )
        .values("pk", *extra, *source.fields, "_doc_key", "_doc_title", "_doc_summary", "_doc_when")
        .iterator(chunk_size=BATCH)
    )


def _document(source: SearchSource, row: dict[str, Any]) -> SearchDocument:
    first, *rest = source.fields
    return SearchDocument(
        partnership_id=row.get("partnership_id"),
        kind=source.kind,
        object_id=row["pk"],
        link_key=row["_doc_key"] or "",
        title=row["_doc_title"] or "",
        summary=row["_doc_summary"] or "",
        when=row["_doc_when"],
        head=normalise(row[first]),
        rest="\n".join(normalise(row[name]) for name in rest),
    )


def _write(source: SearchSource, documents: list[SearchDocument]) -> None:
    if not documents:
        return
    SearchDocument.objects.bulk_create(
        documents,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=list(_TEXT_FIELDS),
    )
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(
            kind=source.kind, object_id__in=[d.object_id for d in documents]
        ).update(vector=_vector())


def index_records(source: SearchSource, records: QuerySet[Any]) -> int:
    """Write (or rewrite) the documents of ``records``, rows of ``source.model``."""
    count = 0
    batch: list[SearchDocument] = []
    for row in _rows(source, records):
        batch.append(_document(source, row))
        if len(batch) == BATCH:
            _write(source, batch)
            count += len(batch)
            batch = []
    _write(source, batch)
    return count + len(batch)


def rebuild(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Every source's documents made afresh from its records (each source in one transaction,
    so a search during the rebuild finds the old documents or the new, never none); documents of
    a kind no capability offers any more are removed. Returns the documents written by kind."""
    wanted = set(kinds) if kinds is not None else None
    sources = [s for s in search_sources() if wanted is None or s.kind in wanted]
    written: dict[str, int] = {}
    for source in sources:
        with transaction.atomic():
            SearchDocument.objects.filter(kind=source.kind).delete()
            written[source.kind] = index_records(source, source.model._base_manager.all())
    if wanted is None:
        SearchDocument.objects.exclude(kind__in=[s.kind for s in search_sources()]).delete()
    return written


def _watchers(model: type[Model]) -> list[tuple[SearchSource, str]]:
    """The sources whose documents change when a row of ``model`` changes, each with the lookup
    from the source's model to it ("" for the source's own rows)."""
    found: list[tuple[SearchSource, str]] = []
    for source in search_sources():
        if source.model is model:
            found.append((source, ""))
        found.extend((source, path) for other, path in source.depends_on if other is model)
    return found


def record_saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    """``post_save``: rewrite the record's document, and those of the records showing its text.
    Nothing for a fixture being loaded (``raw``): ``rebuild`` follows a load."""
    if raw:
        return
    for source, path in _watchers(sender):
        lookup = f"{path}__pk" if path else "pk"
        index_records(source, source.model._base_manager.filter(**{lookup: instance.pk}))


def record_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """``post_delete``: the record's document goes with it (the records that showed its text
    are deleted with it, or it could not have been deleted)."""
    for source, path in _watchers(sender):
        if not path:
            SearchDocument.objects.filter(kind=source.kind, object_id=instance.pk).delete()


def build_if_empty(**kwargs: Any) -> None:
    """``post_migrate``: the first migration after search documents were introduced finds
    records and no documents, and builds them, so that an upgraded service finds what it holds."""
    if SearchDocument.objects.exists():
        return
    if any(s.model._base_manager.exists() for s in search_sources()):
        rebuild()
