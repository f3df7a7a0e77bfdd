"""The Redaktion sees, exports and removes subscribers and sends issues.

Frozen: the permissions `editorial.roles.REDAKTION_ROLE` gained with the newsletter, so that a
site set up before it gets them too. Newsletter pages need nothing here: page permissions are
granted on the root page and cover every page type.
"""

from django.db import migrations

from core.permissions import permissions

REDAKTION = "Redaktion"
NEWSLETTER_PERMISSIONS = (
    "newsletter.view_subscriber",
    "newsletter.delete_subscriber",
    "newsletter.send_newsletter",
)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    redaktion = Group.objects.filter(name=REDAKTION).first()
    if redaktion is not None:
        redaktion.permissions.add(*permissions(NEWSLETTER_PERMISSIONS, apps))


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0001_initial"),
        ("editorial", "0001_editorial_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
