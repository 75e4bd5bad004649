"""The database cache's table, where rate limits are counted by default.

``createcachetable`` is a separate command in Django; making it part of
``migrate`` means every way the database is set up (``make run``, the
deploy steps, the test database) has the table that the shared rate limits
need (config/settings.py, CACHES). With CACHE_URL (Redis) it does nothing.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command(
        "createcachetable", database=schema_editor.connection.alias, verbosity=0
    )


class Migration(migrations.Migration):
    dependencies = [("intake", "0004_audit_edit_contact")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
