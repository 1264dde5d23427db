"""The search documents' GIN index covers the partnership as well as the text vector.

A search looks through one partnership's documents (and the shared catalogue's). With the
vector alone indexed, PostgreSQL read every document in the country holding a common word (at
national scale, "learning": 30,000) and then kept the partnership's 200: most of a search's
time in the database. With ``btree_gin`` the partnership's id is a key of the same GIN index,
and a search reads only that partnership's documents holding the word (docs/adr/013).

PostgreSQL only, as the first GIN index: SQLite has no vectors, and the extension operation
does nothing there. ``btree_gin`` ships with PostgreSQL and is a trusted extension (PostgreSQL
13 and later): the database's owner may create it.
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

OLD = "search_document_vector"
NEW = "search_document_scope_vector"


def gin_by_partnership(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{NEW}" ON "search_searchdocument" '
            'USING gin ("partnership_id", "vector")'
        )
        schema_editor.execute(f'DROP INDEX IF EXISTS "{OLD}"')


def gin_by_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{OLD}" ON "search_searchdocument" USING gin ("vector")'
        )
        schema_editor.execute(f'DROP INDEX IF EXISTS "{NEW}"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_documents"),
    ]

    operations = [
        BtreeGinExtension(),
        migrations.RunPython(gin_by_partnership, gin_by_vector),
    ]
