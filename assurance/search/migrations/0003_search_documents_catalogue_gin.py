"""The shared catalogue's documents (the national indicators: no partnership) get a GIN index
of their own.

Every search also looks through the catalogue's documents (``partnership_id IS NULL``). The GIN
index of partnership and vector (0002) cannot be asked for a null partnership, so PostgreSQL
read the catalogue's arm by combining the btree index of the partnership (the catalogue's few
hundred documents) with the GIN index given the words alone: every document in the country
holding the word (at national scale, "learning": 30,000), to keep none. A partial GIN index of
the catalogue's vectors gives that arm a few hundred documents to look through (1.9 ms → 0.6 ms
for a common word, docs/bench.md).

PostgreSQL only, as the other GIN indexes: SQLite has no vectors.
"""

from django.db import migrations

NAME = "search_document_catalogue_vector"


def catalogue_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{NAME}" ON "search_searchdocument" '
            'USING gin ("vector") WHERE "partnership_id" IS NULL'
        )


def no_catalogue_gin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NAME}"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_documents_gin_by_partnership"),
    ]

    operations = [
        migrations.RunPython(catalogue_gin, no_catalogue_gin),
    ]
