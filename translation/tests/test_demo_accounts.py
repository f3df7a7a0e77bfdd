"""The demo account `translator-en`, made only by the demo-content command."""

import pytest
from django.contrib.auth import get_user_model

from translation.demo import create_translator_accounts
from translation.roles import translator_group_name

pytestmark = pytest.mark.django_db


def test_translator_en_is_a_member_of_the_english_translators(site):
    get_user_model().objects.filter(username="translator-en").delete()
    users = create_translator_accounts("demo-password-1")

    user = users["translator-en"]
    assert user.check_password("demo-password-1")
    assert list(user.groups.values_list("name", flat=True)) == [translator_group_name("en")]
    assert not user.is_staff and not user.is_superuser
    assert user.wagtail_userprofile.preferred_language == "de"


def test_creating_the_demo_translator_again_keeps_its_password_without_duplicates(site):
    get_user_model().objects.filter(username="translator-en").delete()
    create_translator_accounts("first-password")
    create_translator_accounts("second-password")

    users = get_user_model().objects.filter(username="translator-en")
    assert users.count() == 1
    assert users.get().check_password("first-password")
    assert users.get().groups.count() == 1
