"""Demo accounts for translators. Only the demo-content command calls this, never production."""

import os

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from .roles import setup_translators

DEFAULT_DEMO_PASSWORD = "demo-connective-2021"  # noqa: S105 - a documented demo login

# username, e-mail, first name, last name, language of the translators' group
TRANSLATOR_ACCOUNTS = (
    ("translator-en", "translator-en@example.org", "Tara", "Translator", "en"),
)


def create_translator_accounts(password=None):
    """Create or refresh `translator-en` (group "Übersetzung EN"); return the accounts by name.

    The password is `password`, else $DEMO_PASSWORD, else the documented default. Re-running
    resets password and group, so the printed login always works. The account has an e-mail
    address (approval and rejection notifications reach it) and a German admin, like the
    other editors.
    """
    password = password or os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    groups = setup_translators()
    users = {}
    for username, email, first_name, last_name, language in TRANSLATOR_ACCOUNTS:
        if language not in groups:
            continue
        user = get_user_model().objects.filter(username=username).first()
        user = user or get_user_model()(username=username)
        user.email, user.first_name, user.last_name = email, first_name, last_name
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(groups[language])
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "de"
        profile.approved_notifications = True
        profile.rejected_notifications = True
        profile.updated_comments_notifications = True
        profile.save()
        users[username] = user
    return users
