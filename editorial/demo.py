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

    The password is `password`, else $DEMO_PASSWORD, else the documented default. Re-running
    resets the password and group, so the printed logins always work. The accounts have
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
    """Create or refresh one demo account in `group`: active, with the given password, a German
    admin and workflow e-mails switched on. Shared by every app's demo accounts."""
    user = get_user_model().objects.filter(username=username).first()
    user = user or get_user_model()(username=username)
    user.email, user.first_name, user.last_name = email, first_name, last_name
    user.is_active = True
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
