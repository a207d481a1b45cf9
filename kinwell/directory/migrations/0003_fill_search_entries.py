"""Fill the finder's new columns (0002) from what is already imported.

A migration of its own: on PostgreSQL, rows written in the same transaction as a
CREATE INDEX leave pending trigger events that stop it.
"""

from django.db import migrations


def fill_search_entries(apps, schema_editor):
    from kinwell.directory import search_index

    search_index.rebuild(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0002_search_grid_and_cards"),
    ]

    operations = [
        migrations.RunPython(fill_search_entries, migrations.RunPython.noop, elidable=True),
    ]
