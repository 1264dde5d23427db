"""What the search box reads: one document a searchable record, kept by ``search.services``.

A document is derived from its record (a copy of the text search matches and of what a result
shows), rewritten whenever the record or a record whose text it shows is saved, and rebuilt by
``manage.py rebuild_search_index``. It is not a domain record: it keeps no history, and losing
it loses nothing (the rebuild makes it again). Whether a user may see the record is never read
from here: search asks the record's own capability (its scoped selector) at every search
(docs/adr/013).
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from assurance.partnerships.models import Partnership


class SearchDocument(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for records every partnership shares (the indicator catalogue).",
    )
    kind = models.CharField(max_length=40, help_text="The search source's kind (audit, action…).")
    object_id = models.PositiveBigIntegerField(help_text="The record's primary key.")
    link_key = models.CharField(max_length=200, help_text="What the record's page is found by.")
    title = models.TextField()
    summary = models.TextField(blank=True)
    when = models.DateField(null=True, blank=True)
    head = models.TextField(
        blank=True, help_text="The first field searched, in lower case with single spaces."
    )
    rest = models.TextField(
        blank=True, help_text="The other fields searched, likewise, one a line."
    )
    # PostgreSQL only (filled from head and rest, weighted A and B; a GIN index serves it,
    # created by the migration on PostgreSQL alone). Always empty on SQLite.
    vector = SearchVectorField(null=True, blank=True)

    objects = models.Manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_record")
        ]
        indexes = [models.Index(fields=["partnership", "kind"], name="search_document_scope")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"
