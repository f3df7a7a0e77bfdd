"""Demo accounts for translators. Only the demo-content command calls this, never production."""

import os

from editorial.demo import save_demo_user

from .roles import setup_translators

DEFAULT_DEMO_PASSWORD = "demo-connective-2021"  # noqa: S105 - a documented demo login

# username, e-mail, first name, last name, language of the translators' group
TRANSLATOR_ACCOUNTS = (
    ("translator-en", "translator-en@example.org", "Tara", "Translator", "en"),
)


def create_translator_accounts(password=None):
    """Create `translator-en` (group "Übersetzung EN"); return the accounts by name.

    The password is `password`, else $DEMO_PASSWORD, else the documented default, for an
    account made now; re-running never resets an existing account's password. It has an e-mail
    address (approval and rejection notifications reach it) and a German admin, like the
    other editors.
    """
    password = password or os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    groups = setup_translators()
    users = {}
    for username, email, first_name, last_name, language in TRANSLATOR_ACCOUNTS:
        if language in groups:
            users[username] = save_demo_user(
                username, email, first_name, last_name, groups[language], password
            )
    return users
