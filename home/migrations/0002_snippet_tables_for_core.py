# Contacts and authors move to the `core` app. First their tables take the names Django gives
# `core`'s models; `core.0002` then takes the models over without touching the database, and
# `home.0003` removes them from `home` and moves their content types.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='contact', table='core_contact'),
        migrations.AlterModelTable(name='author', table='core_author'),
    ]
