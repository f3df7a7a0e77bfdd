"""Translators' languages come from the administrators' mapping, not from the group's name, and
a translators' group without a language grants nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import checks
from wagtail.models import GroupPagePermission, Locale, Page

from core.models import Contact
from translation.checks import translator_groups_have_languages
from translation.models import TranslatorGroup
from translation.roles import translator_group_name

from ..helpers import assert_refused, client_for, edit_url, english

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_group(site):
    return Group.objects.get(name=translator_group_name("en"))


def assert_no_access(response):
    """Refused, or (without admin access at all) sent to the login."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"].startswith(("/admin/?", "/admin/login/")) or (
            response["Location"] == "/admin/"), response["Location"]


def test_the_english_group_is_mapped_to_english(english_group):
    assert list(english_group.translator_role.locales.values_list("language_code", flat=True)) \
        == ["en"]


def test_renaming_the_group_keeps_the_language_limit(site, english_group, accounts):
    english_group.name = "Team Englisch"
    english_group.save()
    client = client_for(accounts["translator-en"])

    assert client.get(edit_url(english(site.contact))).status_code == 200
    assert_refused(client.get(edit_url(site.contact)))
    response = client.post(edit_url(site.contact), {"name": "Umbenannt", "role": "",
                                                     "organisation": "", "email": "",
                                                     "phone": "", "photo": ""})
    assert_refused(response)
    assert Contact.objects.get(pk=site.contact.pk).name == "Karla Kontakt"


def test_a_translators_group_without_a_language_grants_nothing(site, english_group, accounts):
    english_group.translator_role.locales.clear()
    client = client_for(accounts["translator-en"])

    assert_no_access(client.get(edit_url(english(site.notice))))
    assert_no_access(client.get(edit_url(english(site.contact))))
    assert_no_access(client.get("/admin/snippets/core/contact/"))
    assert not get_user_model().objects.get(pk=accounts["translator-en"].pk).has_perm(
        "core.change_contact")


def test_a_grant_outside_the_groups_languages_counts_for_nothing(site, english_group, accounts):
    change_page = GroupPagePermission.objects.filter(group=english_group).first().permission
    GroupPagePermission.objects.create(group=english_group, page=Page.get_first_root_node(),
                                       permission=change_page)
    client = client_for(accounts["translator-en"])

    assert_refused(client.get(edit_url(site.notice)))
    assert client.get(edit_url(english(site.notice))).status_code == 200


def test_the_system_check_names_a_group_without_a_language(site, english_group):
    english_group.translator_role.locales.clear()
    Group.objects.create(name="Übersetzung FR")

    found = translator_groups_have_languages(None, databases=["default"])

    assert {(item.id, item.level) for item in found} == {
        ("translation.W005", checks.WARNING), ("translation.W006", checks.WARNING)
    }
    assert any("Übersetzung EN" in item.msg for item in found)
    assert any("Übersetzung FR" in item.msg for item in found)


def group_form(group, **fields):
    data = {"name": group.name}
    for prefix in ("page_permissions", "collection_permissions", "document_permissions"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update(fields)
    return data


def test_an_administrator_chooses_the_languages_in_the_group_form(site, english_group):
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "x")
    client = client_for(admin)
    url = f"/admin/groups/edit/{english_group.pk}/"
    english = Locale.objects.get(language_code="en")

    html = client.get(url).content.decode()
    assert 'name="translator_languages-locales"' in html

    refused = client.post(url, group_form(english_group, **{
        "translator_languages-is_translator_group": "on"}))
    assert refused.status_code == 200
    assert "Bitte mindestens eine Sprache wählen" in refused.content.decode()
    assert english_group.translator_role.locales.exists()

    client.post(url, group_form(english_group, **{
        "translator_languages-is_translator_group": "on",
        "translator_languages-locales": [str(english.pk)]}))
    assert list(TranslatorGroup.objects.get(group=english_group).locales.all()) == [english]
