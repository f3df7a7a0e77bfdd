"""`core.permissions`: "app_label.codename" to the Permission row, the one lookup the roles use."""

import pytest
from django.contrib.auth.models import Permission

from core.permissions import permission, permissions

pytestmark = pytest.mark.django_db


def test_a_permission_is_found_by_its_dotted_name():
    found = permission("core.change_contact")

    assert (found.content_type.app_label, found.codename) == ("core", "change_contact")


def test_a_flushed_model_permission_is_made_again_with_djangos_name():
    Permission.objects.filter(content_type__app_label="core", codename="view_author").delete()

    made = permission("core.view_author")

    assert made.name == "Can view author or editorial team"
    assert permission("core.view_author") == made  # found, not made twice


def test_names_no_model_has_are_left_out():
    assert permission("core.fly_contact") is None
    assert permission("nosuchapp.change_thing") is None
    assert [p.codename for p in permissions(["core.add_contact", "core.fly_contact"])] == [
        "add_contact"
    ]
