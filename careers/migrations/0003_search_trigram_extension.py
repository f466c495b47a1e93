# Site search: trigram similarity finds close matches for typos ("kubernets").
# CreateExtension does nothing on databases other than PostgreSQL.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('careers', '0002_editorial_groups'),
    ]

    operations = [
        TrigramExtension(),
    ]
