"""Demo accounts for the editorial roles. Only the demo-content command calls this."""

import os

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from .roles import AUTHORS, REDAKTION, setup_editorial

DEFAULT_DEMO_PASSWORD = "demo-connective-2021"  # noqa: S105 - a documented demo login

DEMO_ACCOUNTS = (
    # username, e-mail, first name, last name, group
    ("redaktion", "redaktion@example.org", "Rike", "Redakteurin", REDAKTION),
    # A second reviewer: nobody approves their own work (four eyes, editorial.models).
    ("redaktion2", "redaktion2@example.org", "Robin", "Zweitprüfer", REDAKTION),
    ("autorin", "autorin@example.org", "Ada", "Autorin", AUTHORS),
)


def create_demo_accounts(password=None):
    """Create or refresh `redaktion` and `redaktion2` (Redaktion) and `autorin` (author); return
    them by name.

    The password is `password`, else $DEMO_PASSWORD, else the documented default, for accounts
    made now; re-running never resets an existing account's password. The accounts have
    e-mail addresses and a German admin, so workflow notifications reach them.
    """
    password = password or os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    groups = setup_editorial().groups
    users = {}
    for username, email, first_name, last_name, group_name in DEMO_ACCOUNTS:
        users[username] = save_demo_user(
            username, email, first_name, last_name, groups[group_name], password
        )
    return users


def save_demo_user(username, email, first_name, last_name, group, password):
    """Create one demo account with the given password, or find it as it is (an account that
    exists keeps its password, name and state: it may be someone's real one), and put it in
    `group`, with a German admin and workflow e-mails switched on. Shared by every app's demo
    accounts."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = get_user_model()(username=username, email=email, first_name=first_name,
                                last_name=last_name)
        user.set_password(password)
        user.save()
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.submitted_notifications = True
    profile.approved_notifications = True
    profile.rejected_notifications = True
    profile.updated_comments_notifications = True
    profile.save()
    return user
